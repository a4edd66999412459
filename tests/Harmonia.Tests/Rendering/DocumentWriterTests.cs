using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Harmonia.App.Content;
using Harmonia.App.Rendering;
using Harmonia.Domain.Documents;
using Harmonia.Tests.Documents;
using UglyToad.PdfPig;

namespace Harmonia.Tests.Rendering;

/// <summary>Every generated file read back by a real reader: the Open XML SDK validator, PdfPig, LibreOffice.</summary>
public sealed class DocumentWriterTests
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "document-samples");

    private static IEnumerable<DocumentModel> AcmePack()
    {
        var answers = DocumentLibraryTests.AcmeAnswers();
        return LoadedContent.Shipped.Documents.Templates.Select(t => DocumentLibraryTests.Render(t, answers).Model);
    }

    /// <summary>Text compared without whitespace: readers break lines and drop spaces differently.</summary>
    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The body text of every page, footers left out so a statement that runs over a page break reads whole.</summary>
    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Squeeze(string.Concat(document.GetPages().SelectMany(p => p.Letters.Where(l => l.BoundingBox.Bottom > FooterZone).Select(l => l.Value))));
    }

    /// <summary>Points from the bottom edge: both our writer's and LibreOffice's footers sit below, body text above.</summary>
    private const double FooterZone = 58;

    [Fact]
    public void Every_docx_passes_the_open_xml_validator_and_holds_every_statement()
    {
        foreach (var model in AcmePack())
        {
            using var stream = new MemoryStream(DocxDocumentWriter.Write(model));
            using var document = WordprocessingDocument.Open(stream, false);

            var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToArray();
            Assert.True(errors.Length == 0, $"{model.Info.Id}: {string.Join("\n", errors.Take(5))}");
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.All(model.Statements, s => Assert.Contains(s.Text, text, StringComparison.Ordinal));
            Assert.Contains(model.Info.Approver, text, StringComparison.Ordinal);
            Assert.Contains("Requirements addressed", text, StringComparison.Ordinal);
            Assert.Contains(document.MainDocumentPart.FooterParts.Single().Footer!.Descendants<DocumentFormat.OpenXml.Wordprocessing.SimpleField>(), f => f.Instruction!.Value!.Contains("PAGE", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_pdf_read_back_with_pdfpig_holds_every_statement_and_numbers_its_pages()
    {
        foreach (var model in AcmePack())
        {
            var pdf = PdfDocumentWriter.Write(model);
            var text = PdfText(pdf);

            Assert.All(model.Statements, s => Assert.True(text.Contains(Squeeze(s.Text), StringComparison.Ordinal), $"{s.Id} missing from {model.Info.Id}.pdf"));
            using var document = PdfDocument.Open(pdf);
            Assert.Contains(Squeeze($"Page {document.NumberOfPages} of {document.NumberOfPages}"), Squeeze(document.GetPage(document.NumberOfPages).Text), StringComparison.Ordinal);
            Assert.DoesNotContain(Squeeze("Page 1 of"), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unicode_from_answers_survives_into_the_pdf()
    {
        var answers = DocumentLibraryTests.AcmeAnswers().With("org.short_name", "Ærø Łódź Ğüç Ωmega 東京");
        var model = DocumentLibraryTests.Render(LoadedContent.Shipped.Documents.Find("ai-policy")!, answers).Model;

        Assert.Contains(Squeeze("Ærø Łódź Ğüç Ωmega"), PdfText(PdfDocumentWriter.Write(model)), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_and_html_hold_every_statement()
    {
        foreach (var model in AcmePack())
        {
            var html = System.Net.WebUtility.HtmlDecode(HtmlDocumentWriter.Write(model));
            var markdown = MarkdownDocumentWriter.Write(model).Replace("\\", string.Empty, StringComparison.Ordinal);
            Assert.All(model.Statements, s =>
            {
                Assert.Contains(s.Text, html, StringComparison.Ordinal);
                Assert.Contains(s.Text, markdown, StringComparison.Ordinal);
            });
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task LibreOffice_opens_every_docx_and_the_converted_pdf_holds_every_statement()
    {
        var folder = Directory.CreateTempSubdirectory("harmonia-lo-").FullName;
        try
        {
            var models = AcmePack().ToArray();
            foreach (var model in models)
            {
                await File.WriteAllBytesAsync(Path.Combine(folder, model.Info.Id + ".docx"), DocxDocumentWriter.Write(model));
            }

            await SofficeAsync(folder, "pdf", Directory.GetFiles(folder, "*.docx"));
            foreach (var model in models)
            {
                var pdf = Path.Combine(folder, "out", model.Info.Id + ".pdf");
                Assert.True(File.Exists(pdf), $"LibreOffice did not convert {model.Info.Id}.docx");
                var text = PdfText(await File.ReadAllBytesAsync(pdf));
                Assert.All(model.Statements, s => Assert.True(text.Contains(Squeeze(s.Text), StringComparison.Ordinal), $"{s.Id} missing after LibreOffice converted {model.Info.Id}.docx"));
            }

            // First pages as pictures, for people to look at (test output: document-samples/), from LibreOffice's rendering.
            Directory.CreateDirectory(Samples);
            foreach (var name in new[] { "ai-policy", "internal-audit-procedure" })
            {
                await RunAsync("pdftoppm", ["-png", "-r", "80", "-singlefile", "-f", "1", "-l", "1", Path.Combine(folder, "out", name + ".pdf"), Path.Combine(Samples, name + "-page-1")]);
                Assert.True(new FileInfo(Path.Combine(Samples, name + "-page-1.png")).Length > 10_000);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task SofficeAsync(string folder, string format, string[] files) =>
        RunAsync("soffice", new[] { "--headless", $"-env:UserInstallation=file://{folder}/profile", "--convert-to", format, "--outdir", Path.Combine(folder, "out") }.Concat(files));

    private static async Task RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} failed: {await output} {await error}");
    }
}
