using Harmonia.App.Features.Gaps;
using Harmonia.App.Persistence;
using Harmonia.Domain.Readiness;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Readiness;

/// <summary>
/// The seven-step integration path for ISO/IEC 42001 on top of ISO/IEC 27001, dated from today and sized by the open
/// rows of both stored gap reports and the organization's team capacity.
/// </summary>
public sealed class PlanRoadmapHandler(HarmoniaDbContext db, StoredGapAnalysisHandler gap, TimeProvider time)
{
    public async Task<RoadmapPlan> HandleAsync(Guid organizationId, DateOnly? start = null, CancellationToken cancellationToken = default)
    {
        var target = await gap.HandleAsync(new StoredGapRequest(organizationId, "iso42001-2023"), cancellationToken);
        var baseline = await gap.HandleAsync(new StoredGapRequest(organizationId, "iso27001-2022"), cancellationToken);
        var capacity = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.TeamCapacityHundredths).SingleAsync(cancellationToken) / 100.0;
        return RoadmapPlanner.Plan(target, baseline, start ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), capacity);
    }
}
