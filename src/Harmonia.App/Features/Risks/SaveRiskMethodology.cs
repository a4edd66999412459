using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Risks;

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

        // Like the answers: the latest version is read and the next written under the organization's write lock.
        await using var transaction = await db.BeginOrganizationWriteAsync(cancellationToken);
        var current = await get.HandleAsync(cancellationToken);
        var record = new RiskMethodologyRecord
        {
            Version = current.Version + 1,
            Json = RiskMethodologyJson.Write(methodology),
            CreatedUtc = time.GetUtcNow().UtcDateTime,
            CreatedBy = actor.Name,
        };
        db.RiskMethodologies.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MethodologyVersion(record.Version, methodology);
    }
}
