using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.AiSystems;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

/// <summary>Fills in a draft impact assessment. An approved version is immutable: a change is a new version.</summary>
public sealed class SaveImpactAssessmentHandler(HarmoniaDbContext db)
{
    /// <summary>Throws NotFoundException when the organization has no such AI system or version.</summary>
    public async Task<ImpactAssessmentDto> HandleAsync(Guid aiSystemId, int number, int expectedVersion, ImpactAssessmentInput input, CancellationToken cancellationToken = default)
    {
        var assessment = await db.ImpactAssessments.SingleOrDefaultAsync(a => a.AiSystemId == aiSystemId && a.Number == number, cancellationToken);
        var system = await db.AiSystems.AsNoTracking().SingleOrDefaultAsync(a => a.Id == aiSystemId, cancellationToken);
        if (assessment is null || system is null)
        {
            throw new NotFoundException("impact assessment");
        }

        if (assessment.Status != ImpactAssessmentStatuses.Draft)
        {
            throw new InvalidInputException($"Version {number} is {assessment.Status} and can no longer change: start a new version.");
        }

        if (assessment.Version != expectedVersion)
        {
            throw new VersionConflictException(assessment.Version, "impact assessment");
        }

        var entries = await ValidateAsync(input, cancellationToken);
        assessment.EntriesJson = ImpactAssessmentJson.Serialize(entries);
        (assessment.Summary, assessment.ResidualAssessment, assessment.Decision, assessment.NextReviewOn) =
            (input.Summary?.Trim(), input.ResidualAssessment?.Trim(), string.IsNullOrWhiteSpace(input.Decision) ? null : input.Decision.Trim(), input.NextReviewOn);
        assessment.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return ImpactAssessmentDto.From(assessment, system.Key, system.Name);
    }

    /// <summary>
    /// The error key of the entry at <paramref name="index"/> of the list as sent ("entries[0]" is the first entry, empty
    /// or not): API clients find an entry's problems under it, and the page form renames it to the row it came from.
    /// </summary>
    public static string EntryKey(int index) => $"entries[{index}]";

    private async Task<ImpactEntry[]> ValidateAsync(ImpactAssessmentInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var entries = (input.Entries ?? []).ToArray();
        var controls = entries.Where(e => e is not null).SelectMany(e => e.Controls ?? []).Distinct(StringComparer.Ordinal).ToArray();
        var knownControls = (await db.Controls.Where(c => controls.Contains(c.Key)).Select(c => c.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var risks = entries.Where(e => e is not null).SelectMany(e => e.Risks ?? []).Distinct(StringComparer.Ordinal).ToArray();
        var knownRisks = (await db.Risks.Where(r => risks.Contains(r.Key)).Select(r => r.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            var problems = new List<string>();
            if (e is null)
            {
                errors[EntryKey(i)] = ["An entry is empty."];
                continue;
            }

            if (ImpactDimensions.Find(e.Dimension) is null)
            {
                problems.Add($"choose the dimension ({string.Join(", ", ImpactDimensions.All.Select(d => d.Id))})");
            }

            if (string.IsNullOrWhiteSpace(e.Description) || e.Description.Length > 2000)
            {
                problems.Add("describe the impact (1 to 2000 characters)");
            }

            if (string.IsNullOrWhiteSpace(e.AffectedGroup) || e.AffectedGroup.Length > 300)
            {
                problems.Add("name the people affected (1 to 300 characters)");
            }

            if (new[] { e.Severity, e.Likelihood, e.ResidualSeverity, e.ResidualLikelihood }.Any(v => v is < 1 or > 5))
            {
                problems.Add("rate severity and likelihood, before and after mitigation, from 1 to 5");
            }

            // An unknown control or risk belongs to the entry naming it, so the person sees which row to correct.
            problems.AddRange((e.Controls ?? []).Where(c => !knownControls.Contains(c)).Distinct(StringComparer.Ordinal).Select(c => $"the organization has no control '{c}'"));
            problems.AddRange((e.Risks ?? []).Where(r => !knownRisks.Contains(r)).Distinct(StringComparer.Ordinal).Select(r => $"the register has no risk '{r}'"));
            if (problems.Count > 0)
            {
                var sentence = string.Join("; ", problems) + ".";
                errors[EntryKey(i)] = [char.ToUpperInvariant(sentence[0]) + sentence[1..]];
            }
        }

        if (input.Decision is { Length: > 0 } decision && !ImpactAssessmentJson.Decisions.Contains(decision.Trim()))
        {
            errors["decision"] = [$"The decision is one of: {string.Join(", ", ImpactAssessmentJson.Decisions)}."];
        }

        if (input.Summary is { Length: > 4000 })
        {
            errors["summary"] = ["The summary may have at most 4000 characters."];
        }

        if (input.ResidualAssessment is { Length: > 4000 })
        {
            errors["residualAssessment"] = ["The residual assessment may have at most 4000 characters."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return entries.Select(e => e with
        {
            Dimension = e.Dimension.Trim(),
            Description = e.Description.Trim(),
            AffectedGroup = e.AffectedGroup.Trim(),
            Mitigation = string.IsNullOrWhiteSpace(e.Mitigation) ? null : e.Mitigation.Trim(),
            Controls = (e.Controls ?? []).Distinct(StringComparer.Ordinal).ToArray(),
            Risks = (e.Risks ?? []).Distinct(StringComparer.Ordinal).ToArray(),
        }).ToArray();
    }
}
