using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Harmonia.App.Content;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Rendering;
using Harmonia.Domain.Documents;

namespace Harmonia.Benchmarks;

/// <summary>
/// The whole policy pack for acme in all four formats, one document to DOCX, and pandoc (from Debian) converting
/// the same document's Markdown to DOCX, measured side by side in one run. Needs `pandoc` on the PATH.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 10)]
public class PolicyPackBenchmarks
{
    private LoadedContent _content = null!;
    private OrganizationFile _acme = null!;
    private Answers _answers = null!;
    private string _markdown = null!;
    private string _docx = null!;

    [GlobalSetup]
    public void Setup()
    {
        _content = LoadedContent.Shipped;
        var root = GapAnalysisBenchmarks.FindRoot();
        var file = Path.Combine(root, "examples", "acme-iso27001-certified.yaml");
        _acme = OrganizationFileReader.Read(file, File.ReadAllText(file), _content.Catalog);
        var answers = Path.Combine(root, "examples", "acme-answers.yaml");
        _answers = AnswersFileReader.Read(answers, File.ReadAllText(answers), _content.Documents.Questionnaire).Over(OrganizationAnswers.From(_acme));
        var folder = Directory.CreateTempSubdirectory("harmonia-bench-").FullName;
        _markdown = Path.Combine(folder, "ai-policy.md");
        _docx = Path.Combine(folder, "ai-policy.docx");
        File.WriteAllText(_markdown, MarkdownDocumentWriter.Write(Render("ai-policy")));
    }

    [Benchmark(Description = "whole pack (32 documents) in DOCX, PDF, Markdown and HTML")]
    public long WholePack()
    {
        long bytes = 0;
        foreach (var template in _content.Documents.Templates)
        {
            var model = Render(template.Id);
            bytes += DocxDocumentWriter.Write(model).Length + PdfDocumentWriter.Write(model).Length
                + MarkdownDocumentWriter.Write(model).Length + HtmlDocumentWriter.Write(model).Length;
        }

        return bytes;
    }

    [Benchmark(Description = "one document (ai-policy): render + DOCX, Harmonia")]
    public int OneDocumentDocx() => DocxDocumentWriter.Write(Render("ai-policy")).Length;

    [Benchmark(Baseline = true, Description = "one document (ai-policy): Markdown -> DOCX, pandoc")]
    public int PandocOneDocumentDocx()
    {
        using var pandoc = Process.Start(new ProcessStartInfo("pandoc", [_markdown, "-o", _docx]) { RedirectStandardError = true })!;
        pandoc.WaitForExit();
        return pandoc.ExitCode == 0 ? (int)new FileInfo(_docx).Length : throw new InvalidOperationException(pandoc.StandardError.ReadToEnd());
    }

    private DocumentModel Render(string id) => DocumentRenderer.Render(
        _content.Documents.Find(id)!, _content.Documents, _content.Catalog, _answers, _acme.AiSystems, DocumentControl.Draft(new DateOnly(2026, 11, 28), 12)).Model;
}
