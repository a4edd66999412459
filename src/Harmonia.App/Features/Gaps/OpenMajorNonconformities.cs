using Harmonia.App.Features.Audits;
using Harmonia.App.Persistence;
using Harmonia.Domain.Audits;
using Harmonia.Domain.Gaps;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Gaps;

/// <summary>Open nonconformities as the gap analysis and readiness read them (majors force "not satisfied").</summary>
public sealed class OpenMajorNonconformities(HarmoniaDbContext db)
{
    public async Task<IReadOnlyList<OpenMajorNonconformity>> HandleAsync(CancellationToken cancellationToken = default) =>
        Harmonia.Domain.Readiness.OpenNonconformities.MajorNonconformityOverrides(await OpenAsync(cancellationToken));

    public async Task<IReadOnlyList<Harmonia.Domain.Readiness.OpenNonconformity>> OpenAsync(CancellationToken cancellationToken = default)
    {
        var closed = nameof(NonconformityState.Closed);
        var open = await db.Nonconformities.AsNoTracking().Where(n => n.State != closed).Select(n => n.Json).ToListAsync(cancellationToken);
        return Harmonia.Domain.Readiness.OpenNonconformities.From(open.Select(NonconformityJson.Read));
    }
}
