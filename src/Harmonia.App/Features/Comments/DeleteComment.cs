using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Comments;

/// <summary>
/// Removes a comment from the thread: its author may, and Owners and Managers (moderation). The row stays, marked
/// deleted with by whom, and the audit trail keeps the text.
/// </summary>
public sealed class DeleteCommentHandler(HarmoniaDbContext db, AuditActor actor, TimeProvider time)
{
    public async Task HandleAsync(Guid commentId, Guid deleterId, bool moderates, CancellationToken cancellationToken = default)
    {
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == commentId, cancellationToken) ?? throw new NotFoundException("comment", commentId);
        if (comment.AuthorId != deleterId && !moderates)
        {
            throw new ForbiddenCommentException("Only its author, an Owner or a Manager deletes a comment.");
        }

        if (comment.DeletedUtc is not null)
        {
            return;
        }

        comment.DeletedUtc = time.GetUtcNow().UtcDateTime;
        comment.DeletedBy = actor.Name;
        comment.Version++;
        await db.SaveChangesAsync(cancellationToken);
    }
}
