using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

public sealed record AcknowledgeRequest(Guid DocumentId, Guid UserId, string UserName);

/// <summary>Records that a person read the published revision (once per revision and person).</summary>
public sealed class AcknowledgeDocumentHandler(HarmoniaDbContext db, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such document.</summary>
    public async Task HandleAsync(AcknowledgeRequest request, CancellationToken cancellationToken = default)
    {
        var document = await db.Documents.Include(d => d.Revisions).SingleOrDefaultAsync(d => d.Id == request.DocumentId, cancellationToken);
        if (document is null)
        {
            throw new NotFoundException("document");
        }

        var published = document.Revisions.SingleOrDefault(r => r.Status == DocumentStatuses.Published)
            ?? throw new InvalidInputException("Only a published document can be acknowledged.");
        if (!await db.DocumentAcknowledgments.AnyAsync(a => a.RevisionId == published.Id && a.UserId == request.UserId, cancellationToken))
        {
            db.DocumentAcknowledgments.Add(new DocumentAcknowledgmentRecord
            {
                RevisionId = published.Id,
                UserId = request.UserId,
                UserName = request.UserName,
                AcknowledgedUtc = time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
