using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

public sealed record TailoringDecision(Guid DocumentId, Guid ProposalId, bool Approve);

/// <summary>A person approves or rejects a pending rewrite; an approved one is used by the next draft of the document.</summary>
public sealed class DecideTailoringHandler(HarmoniaDbContext db, AuditActor actor, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the document has no such proposal.</summary>
    public async Task HandleAsync(TailoringDecision decision, CancellationToken cancellationToken = default)
    {
        var proposal = await db.TailoringProposals.SingleOrDefaultAsync(t => t.Id == decision.ProposalId && t.DocumentId == decision.DocumentId, cancellationToken);
        if (proposal is null)
        {
            throw new NotFoundException("rewrite", message: "The document has no such rewrite.");
        }

        if (proposal.Status != TailoringStatuses.Pending)
        {
            throw new InvalidInputException($"This rewrite is {proposal.Status}; only pending rewrites can be decided.");
        }

        (proposal.Status, proposal.DecidedBy, proposal.DecidedUtc) = (decision.Approve ? TailoringStatuses.Approved : TailoringStatuses.Rejected, actor.Name, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }
}
