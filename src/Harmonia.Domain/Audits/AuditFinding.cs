namespace Harmonia.Domain.Audits;

/// <summary>The auditor's conclusion on one checklist item, tied to what it is about.</summary>
/// <param name="ChecklistKey">The <see cref="ChecklistItem.Key"/> it answers.</param>
/// <param name="RequirementIds">The requirements it is raised against (both for a merged harmonized clause).</param>
/// <param name="ControlIds">Controls the finding concerns.</param>
/// <param name="EvidenceSampled">Titles of the evidence the auditor looked at.</param>
public sealed record AuditFinding(
    string ChecklistKey,
    FindingGrade Grade,
    string Text,
    IReadOnlyList<string> RequirementIds,
    IReadOnlyList<string> ControlIds,
    IReadOnlyList<string> EvidenceSampled)
{
    /// <summary>Only nonconformities start the corrective-action process; observations and opportunities are tracked as they are.</summary>
    public bool NeedsCorrectiveAction => Grade.IsNonconformity();
}
