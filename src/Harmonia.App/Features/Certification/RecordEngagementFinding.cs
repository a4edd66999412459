using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.Domain.Audits;

namespace Harmonia.App.Features.Certification;

/// <summary>The external auditor raises a finding: a minor or major nonconformity or an observation against requirements in scope.</summary>
public sealed class RecordEngagementFindingHandler(HarmoniaDbContext db, LoadedContent content, EngagementAccess access, ListEngagementsHandler list)
{
    public async Task<EngagementDto> HandleAsync(Guid engagementId, Guid auditorUserId, EngagementFindingInput input, CancellationToken cancellationToken = default)
    {
        var engagement = await access.AuditorsAsync(engagementId, auditorUserId, cancellationToken);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        FindingGrade? grade = input.Grade?.Trim() switch
        {
            "minor" => FindingGrade.MinorNonconformity,
            "major" => FindingGrade.MajorNonconformity,
            "observation" => FindingGrade.Observation,
            _ => null,
        };
        if (grade is null)
        {
            errors["grade"] = ["Grade the finding: minor or major nonconformity, or observation."];
        }

        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 4000)
        {
            errors["text"] = ["Write the finding (1 to 4000 characters)."];
        }

        var standards = engagement.Standards.Split(',');
        var requirements = (input.RequirementIds ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var unknown = requirements.Where(r => content.Catalog.FindRequirement(r) is null || !standards.Any(s => r.StartsWith(s + ":", StringComparison.Ordinal))).ToArray();
        if (requirements.Length is 0 or > 10 || unknown.Length > 0)
        {
            errors["requirementIds"] = [unknown.Length > 0
                ? $"Not a requirement of the audited standards: {string.Join(", ", unknown.Take(5))}."
                : "Name 1 to 10 requirements the finding is against, e.g. iso27001-2022:A.5.18."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        db.EngagementFindings.Add(new EngagementFindingRecord
        {
            EngagementId = engagement.Id,
            Grade = grade!.Value.ToString(),
            Text = text!,
            RequirementIds = string.Join(',', requirements),
            RaisedOn = access.Today,
        });
        await db.SaveChangesAsync(cancellationToken);
        return await list.OneAsync(engagement.Id, cancellationToken);
    }
}
