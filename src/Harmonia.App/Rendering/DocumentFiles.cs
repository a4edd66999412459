using System.Text;
using Harmonia.App.Common;
using Harmonia.App.Features.Documents;
using Harmonia.Domain.Documents;

namespace Harmonia.App.Rendering;

/// <summary>One document model written in the format asked for, with its file name and media type.</summary>
public static class DocumentFiles
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="cancellationToken">Stops PDF layout midway when the request is cancelled or out of time.</param>
    public static GeneratedFile Write(DocumentModel model, DocumentFileFormat format, string baseName, CancellationToken cancellationToken = default) => format switch
    {
        DocumentFileFormat.Docx => new GeneratedFile(baseName + ".docx", DocxType, DocxDocumentWriter.Write(model)),
        DocumentFileFormat.Pdf => new GeneratedFile(baseName + ".pdf", "application/pdf", PdfDocumentWriter.Write(model, cancellationToken)),
        DocumentFileFormat.Md => new GeneratedFile(baseName + ".md", "text/markdown", Encoding.UTF8.GetBytes(MarkdownDocumentWriter.Write(model))),
        _ => new GeneratedFile(baseName + ".html", "text/html", Encoding.UTF8.GetBytes(HtmlDocumentWriter.Write(model))),
    };

    /// <summary>The employees' copy: the same text without the traceability marks and the list of requirements addressed (DOCX, PDF or HTML).</summary>
    public static GeneratedFile WriteWithoutMarks(DocumentModel model, DocumentFileFormat format, string baseName, CancellationToken cancellationToken = default) => format switch
    {
        DocumentFileFormat.Docx => new GeneratedFile(baseName + ".docx", DocxType, DocxDocumentWriter.Write(model, marks: false)),
        DocumentFileFormat.Pdf => new GeneratedFile(baseName + ".pdf", "application/pdf", PdfDocumentWriter.Write(model, marks: false, cancellationToken)),
        DocumentFileFormat.Html => new GeneratedFile(baseName + ".html", "text/html", Encoding.UTF8.GetBytes(HtmlDocumentWriter.Write(model, marks: false))),
        _ => throw new InvalidInputException(new Dictionary<string, string[]> { ["format"] = ["The employees' copy is written as docx, pdf or html."] }),
    };

    /// <summary>docx, pdf, md or html; anything else is refused with the list.</summary>
    public static DocumentFileFormat Parse(string format) => format.ToLowerInvariant() switch
    {
        "docx" => DocumentFileFormat.Docx,
        "pdf" => DocumentFileFormat.Pdf,
        "md" => DocumentFileFormat.Md,
        "html" => DocumentFileFormat.Html,
        _ => throw new InvalidInputException($"Unknown format '{format}': use docx, pdf, md, html, xlsx or csv."),
    };

    /// <summary>A statement of a record document (a register row, a finding): its id is local to the document.</summary>
    public static DocumentStatement Line(string documentId, string localId, string text, params string[] requirementIds) =>
        new($"{documentId}.{localId}", text, requirementIds, StatementStyle.Paragraph);

    public static DocumentStatement Table(string documentId, string localId, string caption, DocumentTable table, params string[] requirementIds) =>
        new($"{documentId}.{localId}", caption, requirementIds, StatementStyle.Paragraph, table);

    /// <summary>The "requirements addressed" list of a record document, from the statements that carry requirement ids.</summary>
    public static IReadOnlyList<AddressedRequirement> Addressed(IEnumerable<DocumentBlock> blocks, Func<string, string> title) =>
        blocks.OfType<DocumentStatement>()
            .SelectMany(s => s.RequirementIds.Select(r => (Requirement: r, Statement: s.Id)))
            .GroupBy(x => x.Requirement, StringComparer.Ordinal)
            .Select(g => new AddressedRequirement(g.Key, title(g.Key), g.Select(x => x.Statement).Distinct(StringComparer.Ordinal).ToArray()))
            .ToArray();
}
