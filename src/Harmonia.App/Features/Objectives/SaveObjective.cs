using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Objectives;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Objectives;

/// <summary>Sets an objective (key assigned O-1, O-2, ...) or replaces one when the caller's version still matches.</summary>
public sealed class SaveObjectiveHandler(HarmoniaDbContext db, GetObjectiveHandler get)
{
    public async Task<ObjectiveDto> CreateAsync(ObjectiveInput input, CancellationToken cancellationToken = default)
    {
        var valid = Validate(input);
        // The save numbers it O-n (ISequentialKey), so two objectives set at the same moment get two numbers.
        var objective = new ObjectiveRecord { Key = string.Empty, Title = string.Empty, Measure = string.Empty, Owner = string.Empty };
        valid.ApplyTo(objective);
        db.Objectives.Add(objective);
        await db.SaveChangesAsync(cancellationToken);
        return (await get.HandleAsync(objective.Id, cancellationToken))!;
    }

    /// <summary>Throws NotFoundException when the organization has no such objective.</summary>
    public async Task<ObjectiveDto> UpdateAsync(Guid objectiveId, int expectedVersion, ObjectiveInput input, CancellationToken cancellationToken = default)
    {
        var objective = await db.Objectives.SingleOrDefaultAsync(o => o.Id == objectiveId, cancellationToken);
        if (objective is null)
        {
            throw new NotFoundException("objective");
        }

        if (objective.Version != expectedVersion)
        {
            throw new VersionConflictException(objective.Version, "objective");
        }

        if (objective.RetiredOn is not null)
        {
            throw new InvalidInputException($"Objective {objective.Key} was retired on {objective.RetiredOn:yyyy-MM-dd}; set a new objective instead.");
        }

        Validate(input).ApplyTo(objective);
        objective.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await get.HandleAsync(objective.Id, cancellationToken);
    }

    private sealed record Valid(string Title, ObjectiveSystem System, string Measure, string? Unit, double Target, TargetDirection Direction, string Owner, MeasurementFrequency Frequency, DateOnly? DueOn)
    {
        public void ApplyTo(ObjectiveRecord o) =>
            (o.Title, o.System, o.Measure, o.Unit, o.Target, o.Direction, o.Owner, o.Frequency, o.DueOn) = (Title, System, Measure, Unit, Target, Direction, Owner, Frequency, DueOn);
    }

    private static Valid Validate(ObjectiveInput input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > 300)
        {
            errors["title"] = ["A title of 1 to 300 characters is required, e.g. \"Every employee completes security awareness training\"."];
        }

        var system = ObjectiveChoices.System(input.System);
        if (system is null)
        {
            errors["system"] = ["system is one of: information-security, ai, both."];
        }

        if (string.IsNullOrWhiteSpace(input.Measure) || input.Measure.Trim().Length > 2000)
        {
            errors["measure"] = ["Say what is measured and how (1 to 2000 characters)."];
        }

        if (input.Unit is { } unit && unit.Trim().Length > 32)
        {
            errors["unit"] = ["unit may have 32 characters."];
        }

        if (input.Target is not { } target || !double.IsFinite(target))
        {
            errors["target"] = ["A target value (a finite number) is required."];
        }

        var direction = ObjectiveChoices.Direction(input.Direction);
        if (direction is null)
        {
            errors["direction"] = ["direction is at-least (the value must reach the target) or at-most (it must not exceed it)."];
        }

        if (string.IsNullOrWhiteSpace(input.Owner) || input.Owner.Trim().Length > 200)
        {
            errors["owner"] = ["An owner of 1 to 200 characters is required."];
        }

        var frequency = ObjectiveChoices.Frequency(input.Frequency);
        if (frequency is null)
        {
            errors["frequency"] = ["frequency is one of: monthly, quarterly, half-yearly, yearly."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new(input.Title!.Trim(), system!.Value, input.Measure!.Trim(), string.IsNullOrWhiteSpace(input.Unit) ? null : input.Unit.Trim(),
            input.Target!.Value, direction!.Value, input.Owner!.Trim(), frequency!.Value, input.DueOn);
    }
}

/// <summary>The choices of an objective as people and clients write them ("information-security", "at-least", "half-yearly") or as enum names.</summary>
public static class ObjectiveChoices
{
    public static ObjectiveSystem? System(string? text) => Normalize(text) switch
    {
        "informationsecurity" or "isms" or "security" => ObjectiveSystem.InformationSecurity,
        "ai" or "aims" => ObjectiveSystem.Ai,
        "both" => ObjectiveSystem.Both,
        _ => null,
    };

    public static TargetDirection? Direction(string? text) => Normalize(text) switch
    {
        "atleast" or "min" => TargetDirection.AtLeast,
        "atmost" or "max" => TargetDirection.AtMost,
        _ => null,
    };

    public static MeasurementFrequency? Frequency(string? text) => Normalize(text) switch
    {
        "monthly" => MeasurementFrequency.Monthly,
        "quarterly" => MeasurementFrequency.Quarterly,
        "halfyearly" => MeasurementFrequency.HalfYearly,
        "yearly" or "annually" => MeasurementFrequency.Yearly,
        _ => null,
    };

    private static string Normalize(string? text) =>
        new string((text ?? string.Empty).Where(char.IsLetter).ToArray()).ToLowerInvariant();
}
