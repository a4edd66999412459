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
    /// <summary>The formats asked for ("docx,pdf" when none), or a refusal naming the unknown one.</summary>
    public static DocumentFileFormat[] Formats(string? formats)
    {
        var chosen = (formats ?? "docx,pdf").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => Enum.TryParse<DocumentFileFormat>(f, true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(f, out _) ? parsed : throw new InvalidInputException($"Unknown format '{f}'; use docx, pdf, md or html."))
            .Distinct()
            .ToArray();
        return chosen.Length > 0 ? chosen : throw new InvalidInputException("Choose at least one format: docx, pdf, md or html.");
    }

    /// <summary>How many documents the pack holds, for a progress count.</summary>
    public int DocumentCount => content.Documents.Templates.Count;

    public Task<byte[]> HandleAsync(Guid organizationId, string? formats, CancellationToken cancellationToken = default) => HandleAsync(organizationId, formats, null, cancellationToken);

    /// <param name="progress">Told after each document: how many are done, of how many.</param>
    public async Task<byte[]> HandleAsync(Guid organizationId, string? formats, Func<int, int, Task>? progress, CancellationToken cancellationToken = default)
    {
        var chosen = Formats(formats);
        var set = await answers.HandleAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        using var buffer = new MemoryStream();
        var done = 0;
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

                done++;
                if (progress is not null)
                {
                    await progress(done, content.Documents.Templates.Count);
                }
            }
        }

        return buffer.ToArray();
    }
}
