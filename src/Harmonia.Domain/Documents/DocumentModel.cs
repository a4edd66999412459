namespace Harmonia.Domain.Documents;

public enum StatementStyle
{
    Paragraph,
    Bullet,
    Numbered,
}

/// <summary>One block of a document, in reading order.</summary>
public abstract record DocumentBlock;

/// <param name="Level">1 to 3.</param>
public sealed record DocumentHeading(int Level, string Text) : DocumentBlock;

/// <summary>
/// A sentence that says something, with the requirements it satisfies. The id is stable across versions
/// (template id + local id), so coverage, diffs and acknowledgments can point at it.
/// </summary>
/// <param name="Table">A table this statement introduces (its caption), when there is one.</param>
public sealed record DocumentStatement(string Id, string Text, IReadOnlyList<string> RequirementIds, StatementStyle Style, DocumentTable? Table = null)
    : DocumentBlock;

public sealed record DocumentTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>The cover block of a document: what document control needs to show.</summary>
public sealed record DocumentInfo(
    string Id,
    string Title,
    string Kind,
    string Classification,
    string Owner,
    string Approver,
    string Version,
    string Status,
    DateOnly? NextReview,
    IReadOnlyList<string> Standards,
    string OrganizationName);

/// <summary>A requirement a document addresses, with its title and the statements that address it.</summary>
public sealed record AddressedRequirement(string RequirementId, string Title, IReadOnlyList<string> StatementIds);

/// <summary>A row of the revision table.</summary>
public sealed record Revision(string Version, DateOnly Date, string Author, string Change);

/// <summary>
/// What every writer (Markdown, HTML, DOCX, PDF) renders, and nothing else: no writer re-reads another's output.
/// </summary>
public sealed record DocumentModel(
    DocumentInfo Info,
    IReadOnlyList<DocumentBlock> Blocks,
    IReadOnlyList<AddressedRequirement> Addressed,
    IReadOnlyList<Revision> Revisions)
{
    public IEnumerable<DocumentStatement> Statements => Blocks.OfType<DocumentStatement>();
}
