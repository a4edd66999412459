using Harmonia.Domain.Audits;
using Harmonia.Domain.Gaps;

namespace Harmonia.Domain.Readiness;

/// <summary>A nonconformity that is not closed yet.</summary>
/// <param name="Id">The number people quote ("NC-7").</param>
/// <param name="Source">Where it was raised ("internal audit 2026-05").</param>
public sealed record OpenNonconformity(string Id, FindingGrade Grade, string RequirementId, string Source, string Text);

public static class OpenNonconformities
{
    /// <summary>The nonconformities not closed yet, one entry per requirement each is raised against.</summary>
    public static IReadOnlyList<OpenNonconformity> From(IEnumerable<Nonconformity> nonconformities) =>
        nonconformities.Where(n => n.IsOpen)
            .SelectMany(n => n.RequirementIds.Select(r => new OpenNonconformity(n.Id, n.Grade, r, n.Source, n.Text)))
            .ToArray();

    /// <summary>
    /// The overrides the gap analysis applies last (<see cref="OrganizationState.OpenMajorNonconformities"/>): only a
    /// major nonconformity unsettles a requirement; a minor one is tracked but leaves the result alone.
    /// </summary>
    public static IReadOnlyList<OpenMajorNonconformity> MajorNonconformityOverrides(IEnumerable<OpenNonconformity> open) =>
        open.Where(n => n.Grade == FindingGrade.MajorNonconformity)
            .Select(n => new OpenMajorNonconformity(n.Id, n.RequirementId, n.Source, n.Text))
            .ToArray();
}
