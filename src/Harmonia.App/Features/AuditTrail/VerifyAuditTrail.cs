using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AuditTrail;

/// <param name="Anchor">A head the organization kept elsewhere (an audit pack, its own storage), checked as well.</param>
public sealed record VerifyAuditTrailRequest(Guid OrganizationId, AuditTrailAnchor? Anchor = null);

/// <param name="FirstBroken">Null when the chain is intact; otherwise what is wrong with the first broken link.</param>
/// <param name="Head">The last event and its hash, "sequence:hash" (keep it to detect later truncation).</param>
public sealed record AuditTrailVerification(Guid OrganizationId, long Events, string? FirstBroken, string? Head = null)
{
    public bool Intact => FirstBroken is null;
}

/// <summary>
/// Walks an organization's chain from the start and names the first event whose link or content does not hold;
/// then checks the chain still reaches the anchored head (the stored anchor and any the caller brings), so removing
/// the newest events is caught too. An intact chain moves the stored anchor forward.
/// </summary>
public sealed class VerifyAuditTrailHandler(HarmoniaDbContext db, AuditTrailAnchors anchors)
{
    public async Task<AuditTrailVerification> HandleAsync(VerifyAuditTrailRequest request, CancellationToken cancellationToken = default)
    {
        var expectedSequence = 1L;
        var previous = AuditHash.Genesis;
        var checkpoints = new[] { anchors.Latest(request.OrganizationId), request.Anchor }.OfType<AuditTrailAnchor>().ToArray();
        var stored = db.AuditEvents.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter])
            .AsNoTracking()
            .Where(e => e.OrganizationId == request.OrganizationId)
            .OrderBy(e => e.Sequence)
            .AsAsyncEnumerable();
        await foreach (var e in stored.WithCancellation(cancellationToken))
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

            else if (checkpoints.FirstOrDefault(c => c.Sequence == e.Sequence && c.Hash != e.Hash) is { } differs)
            {
                problem = $"event {e.Sequence} is not the event anchored as {differs}: the trail was rewritten from there on";
            }

            if (problem is not null)
            {
                return new AuditTrailVerification(request.OrganizationId, expectedSequence - 1, problem);
            }

            previous = e.Hash;
            expectedSequence++;
        }

        var events = expectedSequence - 1;
        if (checkpoints.Where(c => c.Sequence > events).MaxBy(c => c.Sequence) is { } beyond)
        {
            return new AuditTrailVerification(
                request.OrganizationId,
                events,
                $"the trail ends at event {events} but was anchored at event {beyond.Sequence}{(beyond.RecordedUtc > DateTime.MinValue ? $" on {beyond.RecordedUtc:yyyy-MM-dd HH:mm} UTC" : string.Empty)}: the newest {beyond.Sequence - events} events were removed");
        }

        var head = events == 0 ? null : new AuditTrailAnchor(events, previous, DateTime.UtcNow);
        if (head is not null)
        {
            anchors.Record(request.OrganizationId, head);
        }

        return new AuditTrailVerification(request.OrganizationId, events, null, head?.ToString());
    }
}
