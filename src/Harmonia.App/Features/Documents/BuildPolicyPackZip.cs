using System.IO.Compression;
using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Rendering;

namespace Harmonia.App.Features.Documents;

/// <summary>
/// The whole pack from the latest answers (with approved tailored wording) as one zip, in the formats asked for:
/// what "Download the pack" and the API hand out. Drafts: document control happens per document.
/// </summary>
public sealed class BuildPolicyPackZipHandler(LoadedContent content, DocumentBuilder builder, GetAnswersHandler answers, TimeProvider time)
{
    public async Task<byte[]> HandleAsync(Guid organizationId, string? formats, CancellationToken cancellationToken = default)
    {
        var chosen = (formats ?? "docx,pdf").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => Enum.TryParse<DocumentFileFormat>(f, true, out var parsed) && Enum.IsDefined(parsed) ? parsed : throw new InvalidInputException($"Unknown format '{f}'; use docx, pdf, md or html."))
            .Distinct()
            .ToArray();
        var set = await answers.HandleAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var template in content.Documents.Templates)
            {
                var model = (await builder.RenderAsync(organizationId, template, set.Answers, DocumentControl.Draft(today, DocumentBuilder.ReviewMonths(set.Answers)), cancellationToken)).Model;
                foreach (var format in chosen)
                {
                    var bytes = format switch
                    {
                        DocumentFileFormat.Docx => DocxDocumentWriter.Write(model),
                        DocumentFileFormat.Pdf => PdfDocumentWriter.Write(model, cancellationToken),
                        DocumentFileFormat.Md => System.Text.Encoding.UTF8.GetBytes(MarkdownDocumentWriter.Write(model)),
                        _ => System.Text.Encoding.UTF8.GetBytes(HtmlDocumentWriter.Write(model)),
                    };
                    await using var entry = await zip.CreateEntry($"{template.Id}.{format.ToString().ToLowerInvariant()}", CompressionLevel.Fastest).OpenAsync(cancellationToken);
                    await entry.WriteAsync(bytes, cancellationToken);
                }
            }
        }

        return buffer.ToArray();
    }
}
