using System.Globalization;
using System.Text.Json;
using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Jobs;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Documents;

/// <summary>
/// Generates drafts in the background: rendering every document from the answers takes over a second, longer than
/// a form post should keep a person waiting without word. Unknown documents are refused now, so a wrong request is
/// never queued.
/// </summary>
public sealed class QueueDocumentDraftsHandler(QueueBackgroundJobHandler queue, LoadedContent content)
{
    public async Task<Guid> HandleAsync(IReadOnlyList<string>? templateIds, CancellationToken cancellationToken = default)
    {
        var templates = templateIds is null
            ? content.Documents.Templates
            : templateIds.Distinct(StringComparer.Ordinal).Select(id => content.Documents.Find(id) ?? throw new InvalidInputException($"Unknown document '{id}'.")).ToArray();
        if (templates.Count == 0)
        {
            throw new InvalidInputException("Choose at least one document to draft.");
        }

        var title = templates.Count == 1 ? $"Generate the draft of '{templates[0].Title}'" : $"Generate {templates.Count} drafts";
        var input = JsonSerializer.Serialize(new DocumentDraftsWork.Input(templateIds is null ? null : templates.Select(t => t.Id).ToArray()));
        return await queue.HandleAsync(DocumentDraftsWork.KindName, title, input, templates.Count, cancellationToken);
    }
}

/// <summary>Runs queued draft generation through the same use case the API calls, as the person who asked.</summary>
public sealed class DocumentDraftsWork(GenerateDocumentDraftsHandler generate, TenantScope tenant) : IBackgroundJobWork
{
    public const string KindName = "generate-drafts";

    public sealed record Input(string[]? TemplateIds);

    public string Kind => KindName;

    public Permission Needs => Permission.Edit;

    public async Task<BackgroundJobResult> RunAsync(string input, BackgroundJobProgress progress, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<Input>(input) ?? throw new InvalidInputException("The job's request is unreadable; ask again.");
        var outcome = await generate.HandleAsync(
            new GenerateDraftsRequest(tenant.OrganizationId!.Value, request.TemplateIds),
            (done, total) => progress.ReportAsync(done, total, cancellationToken),
            cancellationToken);
        return new BackgroundJobResult(Sentence(outcome));
    }

    /// <summary>What the person reads when the job is done: what was written, and which answers the drafts still lack.</summary>
    public static string Sentence(GenerateDraftsOutcome outcome)
    {
        var written = outcome.Drafts == 1 ? "1 draft generated" : $"{outcome.Drafts.ToString(CultureInfo.InvariantCulture)} drafts generated";
        var sentence = $"{written}, {outcome.Unchanged.ToString(CultureInfo.InvariantCulture)} unchanged.";
        return outcome.Missing.Count == 0
            ? sentence
            : $"{sentence} {outcome.Missing.Count.ToString(CultureInfo.InvariantCulture)} questionnaire answers are still missing; the drafts show where.";
    }
}
