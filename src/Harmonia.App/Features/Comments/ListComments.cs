using Harmonia.App.Common;
using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Comments;

/// <summary>The thread of one record, oldest first.</summary>
public sealed class ListCommentsHandler(HarmoniaDbContext db, DueFactSources people)
{
    /// <summary>Throws InvalidInputException for an unknown type, NotFoundException when the organization has no such record.</summary>
    public async Task<CommentThreadDto> HandleAsync(string? recordType, Guid recordId, CancellationToken cancellationToken = default)
    {
        var target = await FindAsync(db, recordType, recordId, cancellationToken);
        var rows = await db.Comments.AsNoTracking().Where(c => c.RecordType == target.Type && c.RecordId == recordId).OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var members = await people.Members(cancellationToken);
        return new CommentThreadDto(target.Type, recordId, target.Name, rows.Select(c => ToDto(c, members)).ToArray());
    }

    /// <summary>The organization's latest comments on any record, newest first.</summary>
    public async Task<IReadOnlyList<CommentDto>> RecentAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Comments.AsNoTracking().OrderByDescending(c => c.CreatedUtc).ThenByDescending(c => c.Id).Take(50).ToListAsync(cancellationToken);
        var members = await people.Members(cancellationToken);
        return rows.Select(c => ToDto(c, members)).ToArray();
    }

    public async Task<CommentDto> OneAsync(Guid commentId, CancellationToken cancellationToken = default)
    {
        var row = await db.Comments.AsNoTracking().SingleOrDefaultAsync(c => c.Id == commentId, cancellationToken) ?? throw new NotFoundException("comment", commentId);
        return ToDto(row, await people.Members(cancellationToken));
    }

    internal static async Task<CommentTarget> FindAsync(HarmoniaDbContext db, string? recordType, Guid recordId, CancellationToken cancellationToken)
    {
        var type = recordType?.Trim().ToLowerInvariant() ?? string.Empty;
        if (!CommentTargets.Types.Contains(type))
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["recordType"] = [$"recordType is one of: {string.Join(", ", CommentTargets.Types)}."] });
        }

        return await CommentTargets.FindAsync(db, type, recordId, cancellationToken) ?? throw new NotFoundException(type, recordId);
    }

    private static CommentDto ToDto(CommentRecord c, IReadOnlyList<Domain.Work.MemberName> members)
    {
        var deleted = c.DeletedUtc is not null;
        IReadOnlyList<string> mentions = deleted ? [] : SafeMentions(c.Body, members);
        return new CommentDto(c.Id, c.RecordType, c.RecordId, c.Author, deleted ? null : c.Body, c.CreatedUtc, c.EditedUtc, c.DeletedUtc, c.DeletedBy, c.Version, mentions);
    }

    // A member who left since is no reason to fail reading the thread.
    private static string[] SafeMentions(string body, IReadOnlyList<Domain.Work.MemberName> members)
    {
        try
        {
            return [.. CommentRules.Mentions(body, members).Select(m => m.Email)];
        }
        catch (InvalidInputException)
        {
            return [];
        }
    }
}
