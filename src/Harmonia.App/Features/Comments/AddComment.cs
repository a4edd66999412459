using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Harmonia.Domain.Work;

namespace Harmonia.App.Features.Comments;

/// <summary>Adds a comment to a record's thread; the members it mentions find it in their inbox (and e-mail, as they chose).</summary>
public sealed class AddCommentHandler(HarmoniaDbContext db, DueFactSources people, NotifyPeopleHandler notify, ListCommentsHandler list, TimeProvider time)
{
    public async Task<CommentDto> HandleAsync(Guid authorId, string author, CommentInput input, CancellationToken cancellationToken = default)
    {
        var body = CommentRules.CheckedBody(input.Body);
        var target = await ListCommentsHandler.FindAsync(db, input.RecordType, input.RecordId ?? Guid.Empty, cancellationToken);
        var mentioned = CommentRules.Mentions(body, await people.Members(cancellationToken));
        var comment = new CommentRecord
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = db.TenantId,
            RecordType = target.Type,
            RecordId = target.Id,
            AuthorId = authorId,
            Author = author,
            Body = body,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.Comments.Add(comment);
        await MentionsAsync(notify, comment, target, mentioned, authorId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await list.OneAsync(comment.Id, cancellationToken);
    }

    /// <summary>One notice per mentioned person and comment (never to the author), so an edit tells only the newly mentioned.</summary>
    internal static Task MentionsAsync(NotifyPeopleHandler notify, CommentRecord comment, CommentTarget target, IReadOnlyList<MemberName> mentioned, Guid authorId, CancellationToken cancellationToken)
    {
        var people = mentioned.Where(m => m.Id != authorId).Select(m => m.Id).ToArray();
        if (people.Length == 0)
        {
            return Task.CompletedTask;
        }

        var excerpt = comment.Body.Length <= 600 ? comment.Body : comment.Body[..600] + "…";
        return notify.AddAsync(people, ReminderKind.Mention, $"mention:{comment.Id}", $"{comment.Author} mentioned you on {target.Name}",
            $"{comment.Author} wrote on {target.Name}:\n\n{excerpt}", target.Link, cancellationToken);
    }
}
