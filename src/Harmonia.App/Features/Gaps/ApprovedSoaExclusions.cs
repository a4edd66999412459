using Harmonia.App.Features.Soa;
using Harmonia.App.Persistence;
using Harmonia.Domain.Gaps;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Gaps;

/// <summary>
/// The Annex A controls the latest approved Statement of Applicability of each framework excludes: the only source
/// of "not applicable" in the gap analysis. A draft excludes nothing until it is approved.
/// </summary>
public sealed class ApprovedSoaExclusions(HarmoniaDbContext db)
{
    public async Task<IReadOnlyList<SoaExclusion>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var approved = await db.SoaVersions.AsNoTracking().Where(v => v.Status == SoaStatuses.Approved)
            .Select(v => new { v.FrameworkId, v.Number, v.RowsJson, v.ApprovedBy, v.ApprovedUtc }).ToListAsync(cancellationToken);
        return approved.GroupBy(v => v.FrameworkId).Select(g => g.MaxBy(v => v.Number)!)
            .SelectMany(v => SoaJson.Rows(v.RowsJson).Where(r => !r.Included && !r.Undecided).Select(r => new SoaExclusion(
                r.RequirementId, v.Number, DateOnly.FromDateTime(v.ApprovedUtc ?? DateTime.MinValue), v.ApprovedBy ?? "an approver", r.Justification)))
            .OrderBy(e => e.RequirementId, StringComparer.Ordinal)
            .ToArray();
    }
}
