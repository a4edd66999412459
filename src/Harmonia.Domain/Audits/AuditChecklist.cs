using System.Globalization;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Gaps;

namespace Harmonia.Domain.Audits;

/// <summary>An organization control an auditor looks at for a checklist item.</summary>
public sealed record ChecklistControl(string Id, string Name, string? Owner, ControlStatus Status);

/// <summary>
/// One thing to audit. A harmonized clause of both frameworks is one item carrying both requirement ids: the
/// process is run once, so it is audited once (the saving of an integrated audit).
/// </summary>
/// <param name="Key">Stable within a checklist: the requirement id, or "clause:9.2.2" for a merged clause.</param>
/// <param name="Question">What to ask, in our words, derived from the requirements' titles and summaries.</param>
/// <param name="EvidenceToSample">What to ask to see: the catalog's evidence text, then the linked controls' current evidence.</param>
public sealed record ChecklistItem(
    string Key,
    string Ref,
    string Title,
    IReadOnlyList<string> RequirementIds,
    string Question,
    IReadOnlyList<string> EvidenceToSample,
    IReadOnlyList<ChecklistControl> Controls,
    IReadOnlyList<PublishedDocument> Documents)
{
    public bool Integrated => RequirementIds.Count > 1;
}

public static class AuditChecklist
{
    /// <summary>One item per requirement in scope, in catalog order, with harmonized clauses of both frameworks merged.</summary>
    public static IReadOnlyList<ChecklistItem> Build(
        Catalog catalog,
        AuditScope scope,
        IReadOnlyList<OrganizationControl> controls,
        IReadOnlyList<PublishedDocument> documents)
    {
        var inScope = scope.RequirementIds.ToHashSet(StringComparer.Ordinal);
        foreach (var id in inScope)
        {
            _ = catalog.FindRequirement(id) ?? throw new ArgumentException($"Unknown requirement '{id}' in the audit scope.", nameof(scope));
        }

        var requirements = catalog.Requirements.Where(r => inScope.Contains(r.Id)).ToArray();
        var integrated = requirements.Select(r => r.FrameworkId).Distinct(StringComparer.Ordinal).Count() > 1;
        return requirements
            .GroupBy(SharedClause.KeyOf, StringComparer.Ordinal)
            .Select(g => g.ToArray())
            .Select(g => Item(g.Length > 1 ? SharedClause.KeyOf(g[0]) : g[0].Id, g, catalog, controls, documents, integrated))
            .ToArray();
    }

    private static ChecklistItem Item(
        string key, Requirement[] requirements, Catalog catalog, IReadOnlyList<OrganizationControl> controls, IReadOnlyList<PublishedDocument> documents, bool integratedAudit)
    {
        var ids = requirements.Select(r => r.Id).ToArray();
        var linked = controls.Where(c => c.Satisfies.Any(ids.Contains)).ToArray();
        var question = requirements.Length == 1
            ? QuestionFor(requirements[0])
            : string.Join(" ", requirements.Select(r => $"[{catalog.FindFramework(r.FrameworkId)?.Name ?? r.FrameworkId}] {QuestionFor(r)}"));
        var evidence = requirements.Select(r => r.Evidence.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal)
            .Concat(linked.SelectMany(c => c.Evidence.Select(e => EvidenceLine(c, e))))
            .ToArray();
        // In an integrated audit a clause both standards number alike but ask differently of is asked once per
        // standard; the standard's name keeps the two items apart on the page and in the report.
        var title = string.Join(" / ", requirements.Select(r => r.Title).Distinct(StringComparer.Ordinal));
        if (integratedAudit && requirements.Length == 1 && requirements[0].Kind == RequirementKind.Clause)
        {
            title += $" ({catalog.FindFramework(requirements[0].FrameworkId)?.Name ?? requirements[0].FrameworkId})";
        }

        return new ChecklistItem(
            key,
            requirements[0].Ref,
            title,
            ids,
            question,
            evidence,
            linked.Select(c => new ChecklistControl(c.Id, c.Name, c.Owner, c.Status)).ToArray(),
            documents.Where(d => d.RequirementIds.Any(ids.Contains)).ToArray());
    }

    /// <summary>
    /// Our catalog summaries are written as instructions ("Draw a clear line around ..."), so the first sentence
    /// reads as a question after "how does the organization"; the evidence text says what to ask to be shown.
    /// </summary>
    public static string QuestionFor(Requirement requirement)
    {
        var summary = FirstSentence(requirement.Summary);
        var ask = summary.Length == 0
            ? $"How does the organization meet '{requirement.Title}'?"
            : $"{requirement.Title}: how does the organization {LowerFirst(summary)}?";
        var evidence = requirement.Evidence.Trim().TrimEnd('.');
        return evidence.Length == 0 ? ask : $"{ask} Show {LowerFirst(evidence)}.";
    }

    private static string EvidenceLine(OrganizationControl control, EvidenceReference evidence) =>
        evidence.Date is { } date
            ? $"'{evidence.Title}' of control '{control.Name}' ({date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})"
            : $"'{evidence.Title}' of control '{control.Name}'";

    private static string FirstSentence(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? trimmed : trimmed[..end]).TrimEnd('.');
    }

    // Keep acronyms and names as they are ("AI policy", "ISMS"): only a capital followed by a lower-case letter is a sentence start.
    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1])
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
}
