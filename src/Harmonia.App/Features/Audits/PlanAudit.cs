using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.Domain.Audits;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Audits;

/// <summary>Adds an internal audit to the programme (9.2.2): scope over one or both standards, criteria, dates, auditors.</summary>
public sealed class PlanAuditHandler(HarmoniaDbContext db, LoadedContent content)
{
    private static readonly string[] Frameworks = ["iso27001-2022", "iso42001-2023"];

    public async Task<AuditDto> HandleAsync(AuditInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (RecordKey.Problem(input.Key, "IA-2026-01") is { } keyProblem)
        {
            errors["key"] = [keyProblem];
        }

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 300)
        {
            errors["title"] = ["A title of 1 to 300 characters is required."];
        }

        var frameworks = (input.Frameworks ?? []).Select(f => f.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        if (frameworks.FirstOrDefault(f => !Frameworks.Contains(f)) is { } unknown)
        {
            errors["frameworks"] = [$"'{unknown}' is not audited here: use iso27001-2022 and/or iso42001-2023."];
        }

        var single = (input.RequirementIds ?? []).Select(r => r.Trim()).ToArray();
        if (single.FirstOrDefault(r => content.Catalog.FindRequirement(r) is null || !Frameworks.Any(f => r.StartsWith(f + ":", StringComparison.Ordinal))) is { } requirement)
        {
            errors["requirementIds"] = [$"'{requirement}' is not a requirement of ISO/IEC 27001 or ISO/IEC 42001."];
        }

        if (frameworks.Length == 0 && single.Length == 0)
        {
            errors["frameworks"] = ["Name the frameworks or the requirements the audit covers."];
        }

        if (input.PlannedStart is null || input.PlannedEnd is null || input.PlannedEnd < input.PlannedStart)
        {
            errors["plannedStart"] = ["Planned start and end dates are required, the end not before the start."];
        }

        var auditors = (input.Auditors ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (auditors.Length == 0 || auditors.Any(a => a.Length > 200 || a.Contains(',', StringComparison.Ordinal)))
        {
            errors["auditors"] = ["Name at least one auditor (names without commas, up to 200 characters)."];
        }

        if (input.Criteria is { Length: > 2000 })
        {
            errors["criteria"] = ["The criteria may have 2000 characters."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        // A key in use is a conflict with what is stored (409, ADR 0012), not a malformed field.
        if (await db.Audits.AnyAsync(a => a.Key == input.Key!.Trim(), cancellationToken))
        {
            throw new DuplicateException($"An audit with key '{input.Key!.Trim()}' already exists.", "key");
        }

        var full = frameworks.Length == 0 ? [] : AuditScope.Full(content.Catalog, frameworks).RequirementIds;
        var scope = new AuditScope(
            full.Concat(single).Distinct(StringComparer.Ordinal).ToArray(),
            Clean(input.Processes), Clean(input.AiSystems), Clean(input.Sites));
        var audit = new AuditRecord
        {
            Key = input.Key!.Trim(),
            Title = input.Title!.Trim(),
            ScopeJson = AuditJson.Write(scope),
            Criteria = string.IsNullOrWhiteSpace(input.Criteria) ? null : input.Criteria.Trim(),
            PlannedStart = input.PlannedStart!.Value,
            PlannedEnd = input.PlannedEnd!.Value,
            Auditors = string.Join(',', auditors),
            Status = AuditStatuses.Planned,
        };
        db.Audits.Add(audit);
        await db.SaveChangesAsync(cancellationToken);
        return AuditDto.From(audit);
    }

    private static string[] Clean(IReadOnlyList<string>? values) => (values ?? []).Select(v => v.Trim()).Where(v => v.Length is > 0 and <= 200).Distinct(StringComparer.Ordinal).ToArray();
}
