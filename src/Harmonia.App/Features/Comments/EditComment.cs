using Harmonia.App.Common;
using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Comments;

/// <summary>Changes one's own comment (the version must still match); the text before stays in the audit trail.</summary>
public sealed class EditCommentHandler(HarmoniaDbContext db, DueFactSources people, NotifyPeopleHandler notify, ListCommentsHandler list, TimeProvider time)
{
    public async Task<CommentDto> HandleAsync(Guid commentId, int expectedVersion, Guid editorId, CommentEdit input, CancellationToken cancellationToken = default)
    {
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == commentId, cancellationToken) ?? throw new NotFoundException("comment", commentId);
        if (comment.AuthorId != editorId)
        {
            throw new ForbiddenCommentException("Only its author changes a comment.");
        }

        if (comment.DeletedUtc is not null)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["body"] = ["This comment was deleted; write a new one."] });
        }

        if (comment.Version != expectedVersion)
        {
            throw new VersionConflictException(comment.Version, "comment");
        }

        comment.Body = CommentRules.CheckedBody(input.Body);
        var mentioned = CommentRules.Mentions(comment.Body, await people.Members(cancellationToken));
        comment.EditedUtc = time.GetUtcNow().UtcDateTime;
        comment.Version++;
        var target = await ListCommentsHandler.FindAsync(db, comment.RecordType, comment.RecordId, cancellationToken);
        await AddCommentHandler.MentionsAsync(notify, comment, target, mentioned, editorId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await list.OneAsync(comment.Id, cancellationToken);
    }
}

/// <summary>A comment someone else wrote: 403 with the reason.</summary>
public sealed class ForbiddenCommentException(string message) : HarmoniaException(message);
