using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Rendering;

namespace Harmonia.App.Features.Documents;

public enum DocumentFileFormat
{
    Docx,
    Pdf,
    Md,
    Html,
}

/// <param name="Missing">Required answers this document lacks; publication is blocked until they are given.</param>
public sealed record GeneratedDocument(string TemplateId, string Title, IReadOnlyList<Question> Missing, IReadOnlyList<string> Problems, IReadOnlyList<GeneratedFile> Files);

/// <param name="TemplateIds">Only these documents; all when null.</param>
public sealed record GeneratePolicyPackRequest(OrganizationFile Organization, Answers Answers, IReadOnlyList<DocumentFileFormat> Formats, DateOnly Today, IReadOnlyList<string>? TemplateIds = null);

/// <summary>The whole policy and procedure set (or some of it) for one organization, in the formats asked for.</summary>
public sealed class GeneratePolicyPackHandler(LoadedContent content)
{
    public IEnumerable<GeneratedDocument> Handle(GeneratePolicyPackRequest request)
    {
        var library = content.Documents;
        var answers = request.Answers.Over(OrganizationAnswers.From(request.Organization));
        var unknown = request.TemplateIds?.Where(id => library.Find(id) is null).ToArray() ?? [];
        if (unknown.Length > 0)
        {
            throw new InvalidInputException($"Unknown document ids: {string.Join(", ", unknown)}. Known: {string.Join(", ", library.Templates.Select(t => t.Id))}.");
        }

        var months = answers.Values.TryGetValue("review.documents_months", out var m) && m is double d ? (int)d : 12;
        foreach (var template in library.Templates.Where(t => request.TemplateIds is null || request.TemplateIds.Contains(t.Id)))
        {
            var rendered = DocumentRenderer.Render(template, library, content.Catalog, answers, request.Organization.AiSystems, DocumentControl.Draft(request.Today, months));
            var files = request.Formats.Distinct().Select(format => DocumentFiles.Write(rendered.Model, format, template.Id)).ToArray();
            yield return new GeneratedDocument(template.Id, template.Title, rendered.Missing, rendered.Problems, files);
        }
    }
}
