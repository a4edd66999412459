using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AuditTrail;

public sealed record VerifyAuditTrailRequest(Guid OrganizationId);

/// <param name="FirstBroken">Null when the chain is intact; otherwise what is wrong with the first broken link.</param>
public sealed record AuditTrailVerification(Guid OrganizationId, long Events, string? FirstBroken)
{
    public bool Intact => FirstBroken is null;
}

/// <summary>Walks an organization's chain from the start and names the first event whose link or content does not hold.</summary>
public sealed class VerifyAuditTrailHandler(HarmoniaDbContext db)
{
    public async Task<AuditTrailVerification> HandleAsync(VerifyAuditTrailRequest request, CancellationToken cancellationToken = default)
    {
        var expectedSequence = 1L;
        var previous = AuditHash.Genesis;
        var events = db.AuditEvents.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter])
            .AsNoTracking()
            .Where(e => e.OrganizationId == request.OrganizationId)
            .OrderBy(e => e.Sequence)
            .AsAsyncEnumerable();
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            string? problem = null;
            if (e.Sequence != expectedSequence)
            {
                problem = $"event {expectedSequence} is missing (the next stored event is {e.Sequence})";
            }
            else if (e.PreviousHash != previous)
            {
                problem = $"event {e.Sequence} ({e.Action} {e.EntityType} {e.EntityId} at {e.OccurredUtc:yyyy-MM-dd HH:mm:ss} UTC) does not link to event {e.Sequence - 1}";
            }
            else if (AuditHash.Compute(e) != e.Hash)
            {
                problem = $"event {e.Sequence} ({e.Action} {e.EntityType} {e.EntityId} at {e.OccurredUtc:yyyy-MM-dd HH:mm:ss} UTC) was altered: its content no longer matches its hash";
            }

            if (problem is not null)
            {
                return new AuditTrailVerification(request.OrganizationId, expectedSequence - 1, problem);
            }

            previous = e.Hash;
            expectedSequence++;
        }

        return new AuditTrailVerification(request.OrganizationId, expectedSequence - 1, null);
    }
}
