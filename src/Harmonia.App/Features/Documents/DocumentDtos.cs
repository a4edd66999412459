namespace Harmonia.App.Features.Documents;

public sealed record RevisionDto(
    int Number,
    string Label,
    string Status,
    string Change,
    string Author,
    DateTime CreatedUtc,
    string? ApprovedBy,
    DateTime? ApprovedUtc,
    DateTime? PublishedUtc,
    DateOnly? NextReview,
    IReadOnlyList<string> MissingAnswers,
    string ContentSha256,
    int AnswerSetVersion,
    bool HasFiles)
{
    public static RevisionDto From(DocumentRevisionRecord r) => new(
        r.Number, r.Label, r.Status, r.Change, r.Author, r.CreatedUtc, r.ApprovedBy, r.ApprovedUtc, r.PublishedUtc, r.NextReview,
        r.MissingAnswers.Split(',', StringSplitOptions.RemoveEmptyEntries), r.ContentSha256, r.AnswerSetVersion, r.DocxSha256 is not null);
}

/// <param name="NeedsReview">The published revision's review date has passed.</param>
/// <param name="MustAcknowledge">The asking person has not acknowledged the latest material published revision.</param>
public sealed record DocumentSummaryDto(
    string TemplateId,
    string Title,
    IReadOnlyList<string> Standards,
    Guid? DocumentId,
    RevisionDto? Latest,
    RevisionDto? Published,
    bool NeedsReview,
    int Acknowledgments,
    bool MustAcknowledge);

public sealed record DiffLine(string Kind, string Text);

public sealed record DocumentDetailDto(DocumentSummaryDto Summary, IReadOnlyList<RevisionDto> Revisions, string? LatestMarkdown, IReadOnlyList<DiffLine> DiffToPublished, IReadOnlyList<string> AcknowledgedBy);
