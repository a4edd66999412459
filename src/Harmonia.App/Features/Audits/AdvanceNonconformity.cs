using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Audits;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Audits;

/// <summary>One step of the corrective-action process; which fields count depends on the step.</summary>
/// <param name="Step">correction, root-cause, plan, complete-action, verify, close or reopen.</param>
/// <param name="Whys">The 5-whys chain for root-cause; the last answer is the root cause.</param>
public sealed record NonconformityStepInput(
    string? Step,
    string? Text,
    IReadOnlyList<string>? Whys,
    IReadOnlyList<CorrectiveActionInput>? Actions,
    string? ActionId,
    bool? Effective);

public sealed record CorrectiveActionInput(string? Description, string? Owner, DateOnly? Due);

/// <summary>
/// Moves a nonconformity through correction, root cause, corrective actions, effectiveness check and closure (10.2),
/// or reopens it; the domain lifecycle refuses a step out of order with the reason.
/// </summary>
public sealed class AdvanceNonconformityHandler(HarmoniaDbContext db, AuditActor actor, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such nonconformity.</summary>
    public async Task<NonconformityDto> HandleAsync(Guid id, int expectedVersion, NonconformityStepInput input, CancellationToken cancellationToken = default)
    {
        var record = await db.Nonconformities.SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (record is null)
        {
            throw new NotFoundException("nonconformity");
        }

        if (record.Version != expectedVersion)
        {
            throw new VersionConflictException(record.Version, "nonconformity");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var current = NonconformityJson.Read(record.Json);
        NonconformityStep step = input.Step switch
        {
            "correction" => new RecordCorrection(Required(input.Text, "text"), today),
            "root-cause" => new AnalyseRootCause((input.Whys ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).ToArray(), today),
            "plan" => new PlanActions((input.Actions ?? []).Select((a, i) => new CorrectiveAction(
                $"{record.Key}-A{current.Actions.Count + i + 1}",
                Required(a.Description, "actions.description"),
                Required(a.Owner, "actions.owner"),
                a.Due ?? throw new InvalidInputException("Every corrective action has a due date."))).ToArray(), today),
            "complete-action" => new CompleteAction(Required(input.ActionId, "actionId"), today),
            "verify" => new VerifyEffectiveness(input.Effective ?? throw new InvalidInputException("Say whether the actions were effective (effective: true or false)."), Required(input.Text, "text"), actor.Name, today),
            "close" => new CloseNonconformity(today),
            "reopen" => new ReopenNonconformity(Required(input.Text, "text"), today),
            _ => throw new InvalidInputException("The step is correction, root-cause, plan, complete-action, verify, close or reopen."),
        };
        var transition = NonconformityLifecycle.Apply(current, step);
        if (transition.Nonconformity is not { } next)
        {
            throw new InvalidInputException(transition.Error ?? "The step was refused.");
        }

        (record.Json, record.State) = (NonconformityJson.Write(next), next.State.ToString());
        record.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return NonconformityDto.From(record);
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidInputException($"{field} is required for this step.")
        : value.Length > 2000 ? throw new InvalidInputException($"{field} may have 2000 characters.")
        : value.Trim();
}
