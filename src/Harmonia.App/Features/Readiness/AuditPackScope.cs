using System.Globalization;
using System.Text;

namespace Harmonia.App.Features.Readiness;

/// <summary>
/// What an external auditor's pack is limited to (ADR 0019): the engagement's standards, its optional requirement
/// focus and the period of records under audit. The organization's own pack has no scope and holds everything.
/// </summary>
public sealed record AuditPackScope(string Engagement, IReadOnlyList<string> Frameworks, IReadOnlyList<string> RequirementIds, DateOnly PeriodFrom, DateOnly PeriodTo)
{
    public bool Covers(string framework) => Frameworks.Contains(framework, StringComparer.Ordinal);

    public bool InPeriod(DateOnly day) => PeriodFrom <= day && day <= PeriodTo;

    /// <summary>A control is in scope when it serves a requirement of the audited standards (and of the focus, when one is named).</summary>
    public bool CoversRequirement(string requirementId) =>
        RequirementIds.Count > 0
            ? RequirementIds.Contains(requirementId, StringComparer.Ordinal)
            : Frameworks.Any(f => requirementId.StartsWith(f + ":", StringComparison.Ordinal));

    public DateTime PeriodStartUtc => PeriodFrom.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DateTime PeriodEndUtc => PeriodTo.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The pack's first page for the auditor: what it holds and what was left out because of the scope.</summary>
    public byte[] Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Scope of this audit pack: {Engagement}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Standards: {string.Join(", ", Frameworks)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Requirements in focus: {(RequirementIds.Count == 0 ? "the whole of the standards" : string.Join(", ", RequirementIds))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Period of records: {PeriodFrom:yyyy-MM-dd} to {PeriodTo:yyyy-MM-dd}");
        text.AppendLine();
        text.AppendLine("What the scope limits:");
        text.AppendLine("- Statements of Applicability: only those of the standards above.");
        text.AppendLine("- Impact assessments: only when ISO/IEC 42001 is audited.");
        text.AppendLine("- Internal audit reports and management review minutes: those completed or held within the period.");
        text.AppendLine("- Evidence index: every version valid at some time in the period, of controls that serve the requirements above.");
        text.AppendLine("- Audit trail: the events of the period, each with its hash, so the extract can be checked against the organization's chain.");
        text.AppendLine("Published documents, the risk treatment plan, objectives, suppliers and competence are the management system's current records and are included whole.");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
