using Harmonia.App.Persistence;
using Harmonia.Domain.Risks;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Risks;

/// <param name="Version">0 while the organization uses the default and has saved none.</param>
public sealed record MethodologyVersion(int Version, RiskMethodology Methodology);

public sealed class GetRiskMethodologyHandler(HarmoniaDbContext db)
{
    public async Task<MethodologyVersion> HandleAsync(CancellationToken cancellationToken = default)
    {
        var latest = await db.RiskMethodologies.AsNoTracking().OrderByDescending(m => m.Version).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? new MethodologyVersion(0, RiskMethodology.Default) : new MethodologyVersion(latest.Version, RiskMethodologyJson.Read(latest.Json));
    }
}
