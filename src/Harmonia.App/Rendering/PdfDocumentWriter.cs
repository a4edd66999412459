using Harmonia.Domain.Documents;
using PdfSharp.Pdf;

namespace Harmonia.App.Rendering;

/// <summary>PDF through PDFsharp: the same content as the other writers, wrapped and paginated, with page numbers.</summary>
public static class PdfDocumentWriter
{
    /// <exception cref="OperationCanceledException">The token fired while the document was laid out.</exception>
    public static byte[] Write(DocumentModel model, CancellationToken cancellationToken = default) => Write(model, marks: true, afterBlock: null, cancellationToken);

    /// <param name="marks">The traceability marks ([statement id]) and the list of requirements addressed: on for the auditor's copy, off for the employees'.</param>
    public static byte[] Write(DocumentModel model, bool marks, CancellationToken cancellationToken = default) => Write(model, marks, afterBlock: null, cancellationToken);

    /// <param name="afterBlock">Called with the count of blocks laid out so far: lets a test cancel at a known point of the document.</param>
    internal static byte[] Write(DocumentModel model, bool marks, Action<int>? afterBlock, CancellationToken cancellationToken)
    {
        PdfFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = model.Info.Title;
        document.Info.Subject = model.Info.OrganizationName;
        document.Info.Creator = "Harmonia";
        var layout = new PdfLayout(document, cancellationToken);
        var info = model.Info;

        layout.Text(info.Title, layout.Title, 0, 4);
        layout.Text(info.OrganizationName, layout.Subtitle, 0, 12);
        layout.Table(["", ""], DocumentText.Cover(info).Select(c => (IReadOnlyList<string>)[c.Label, c.Value]).ToArray(), [0.3, 0.7], header: false);

        var (number, laidOut) = (0, 0);
        foreach (var block in model.Blocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (block)
            {
                case DocumentHeading heading:
                    number = 0;
                    layout.Heading(heading.Text, heading.Level);
                    break;
                case DocumentStatement statement:
                    var text = marks ? $"{statement.Text} [{DocumentText.LocalId(info, statement)}]" : statement.Text;
                    switch (statement.Style)
                    {
                        case StatementStyle.Bullet:
                            layout.Text(text, layout.Body, 18, 3, "•");
                            break;
                        case StatementStyle.Numbered:
                            layout.Text(text, layout.Body, 18, 3, $"{++number}.");
                            break;
                        default:
                            number = 0;
                            layout.Text(text, layout.Body, 0, 6);
                            break;
                    }

                    if (statement.Table is { } table)
                    {
                        layout.Table(table.Header, table.Rows, table.Header.Select(_ => 1.0 / table.Header.Count).ToArray());
                    }

                    break;
            }

            afterBlock?.Invoke(++laidOut);
        }

        if (marks)
        {
            layout.Heading(DocumentText.AddressedHeading, 1);
            layout.Text(DocumentText.AddressedIntro(model), layout.Body, 0, 6);
            layout.Table(
                ["Requirement", "Title", "Statements"],
                model.Addressed.Select(a => (IReadOnlyList<string>)[a.RequirementId, a.Title, string.Join(", ", a.StatementIds.Select(s => s[(info.Id.Length + 1)..]))]).ToArray(),
                [0.22, 0.4, 0.38]);
        }

        layout.Heading(DocumentText.RevisionsHeading, 1);
        layout.Table(["Version", "Date", "Author", "Change"], model.Revisions.Select(r => (IReadOnlyList<string>)[r.Version, DocumentText.Date(r.Date), r.Author, r.Change]).ToArray(), [0.14, 0.18, 0.24, 0.44]);
        layout.Footers($"{info.Title} · {info.Id} · version {info.Version} · {info.Classification}");

        cancellationToken.ThrowIfCancellationRequested();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }
}
