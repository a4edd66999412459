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

    private async Task<ImpactEntry[]> ValidateAsync(ImpactAssessmentInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var entries = (input.Entries ?? []).ToArray();
        for (var i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            var problems = new List<string>();
            if (e is null)
            {
                errors[$"entries[{i}]"] = ["An entry is empty."];
                continue;
            }

            if (ImpactDimensions.Find(e.Dimension) is null)
            {
                problems.Add($"dimension is one of: {string.Join(", ", ImpactDimensions.All.Select(d => d.Id))}");
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
                problems.Add("severity and likelihood, before and after mitigation, are rated 1 to 5");
            }

            if (problems.Count > 0)
            {
                errors[$"entries[{i}]"] = [string.Join("; ", problems) + "."];
            }
        }

        var controls = entries.Where(e => e is not null).SelectMany(e => e.Controls ?? []).Distinct(StringComparer.Ordinal).ToArray();
        var knownControls = await db.Controls.Where(c => controls.Contains(c.Key)).Select(c => c.Key).ToListAsync(cancellationToken);
        if (controls.Except(knownControls, StringComparer.Ordinal).FirstOrDefault() is { } control)
        {
            errors["controls"] = [$"The organization has no control '{control}'."];
        }

        var risks = entries.Where(e => e is not null).SelectMany(e => e.Risks ?? []).Distinct(StringComparer.Ordinal).ToArray();
        var knownRisks = await db.Risks.Where(r => risks.Contains(r.Key)).Select(r => r.Key).ToListAsync(cancellationToken);
        if (risks.Except(knownRisks, StringComparer.Ordinal).FirstOrDefault() is { } risk)
        {
            errors["risks"] = [$"The register has no risk '{risk}'."];
        }

        if (input.Decision is { Length: > 0 } decision && !ImpactAssessmentJson.Decisions.Contains(decision.Trim()))
        {
            errors["decision"] = [$"The decision is one of: {string.Join(", ", ImpactAssessmentJson.Decisions)}."];
        }

        if (input.Summary is { Length: > 4000 } || input.ResidualAssessment is { Length: > 4000 })
        {
            errors["summary"] = ["The summary and the residual assessment may have 4000 characters each."];
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
