using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Risks;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Risks;

/// <summary>Saves the methodology as a new version after checking it covers every score exactly once.</summary>
public sealed class SaveRiskMethodologyHandler(HarmoniaDbContext db, GetRiskMethodologyHandler get, AuditActor actor, TimeProvider time)
{
    public async Task<MethodologyVersion> HandleAsync(RiskMethodology methodology, CancellationToken cancellationToken = default)
    {
        if (methodology.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["methodology"] = problems.ToArray() });
        }

        // Like the answers: a save that lost the race for version n + 1 reads the latest again and writes after it.
        for (var attempt = 1; ; attempt++)
        {
            var current = await get.HandleAsync(cancellationToken);
            var record = new RiskMethodologyRecord
            {
                Version = current.Version + 1,
                Json = RiskMethodologyJson.Write(methodology),
                CreatedUtc = time.GetUtcNow().UtcDateTime,
                CreatedBy = actor.Name,
            };
            db.RiskMethodologies.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new MethodologyVersion(record.Version, methodology);
            }
            catch (DbUpdateException e) when (attempt < SaveRetry.MaxAttempts && SaveRetry.IsUniqueViolation(e))
            {
                db.Entry(record).State = EntityState.Detached;
                await Task.Delay(SaveRetry.Delay(attempt), cancellationToken);
            }
        }
    }
}
