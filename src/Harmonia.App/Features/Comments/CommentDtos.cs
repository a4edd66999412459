namespace Harmonia.App.Features.Comments;

/// <param name="Body">Null for a deleted comment: the thread shows that something was said and removed, the trail keeps what.</param>
public sealed record CommentDto(Guid Id, string RecordType, Guid RecordId, string Author, string? Body, DateTime CreatedUtc, DateTime? EditedUtc, DateTime? DeletedUtc, string? DeletedBy, int Version, IReadOnlyList<string> Mentions);

public sealed record CommentThreadDto(string RecordType, Guid RecordId, string Record, IReadOnlyList<CommentDto> Comments);

public sealed record CommentInput(string? RecordType, Guid? RecordId, string? Body);

public sealed record CommentEdit(string? Body);
