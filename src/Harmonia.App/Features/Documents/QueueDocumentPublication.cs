using System.Text.Json;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Jobs;

namespace Harmonia.App.Features.Documents;

/// <summary>
/// Publishes the ticked documents in the background: each publication renders and keeps a DOCX and a PDF, about a
/// second per document. The checks a post must pass (something ticked, at most 200, every document this
/// organization's) are made now, so a wrong post is refused on the page and never queued.
/// </summary>
public sealed class QueueDocumentPublicationHandler(QueueBackgroundJobHandler queue, ChangeDocumentStatusesHandler documents)
{
    public async Task<Guid> HandleAsync(IReadOnlyList<Guid> documentIds, CancellationToken cancellationToken = default)
    {
        var titles = await documents.CheckAsync(documentIds, cancellationToken);
        var input = JsonSerializer.Serialize(new DocumentPublicationWork.Input(titles.Keys.ToArray()));
        var title = titles.Count == 1 ? $"Publish '{titles.Values.Single()}'" : $"Publish {titles.Count} documents";
        return await queue.HandleAsync(DocumentPublicationWork.KindName, title, input, titles.Count, cancellationToken);
    }
}

/// <summary>Runs a queued publication through the one-document rules, as the person who asked for it.</summary>
public sealed class DocumentPublicationWork(ChangeDocumentStatusesHandler documents) : IBackgroundJobWork
{
    public const string KindName = "publish-documents";

    public sealed record Input(Guid[] DocumentIds);

    public string Kind => KindName;

    public Permission Needs => Permission.Approve;

    public async Task<BackgroundJobResult> RunAsync(string input, BackgroundJobProgress progress, CancellationToken cancellationToken)
    {
        var ids = JsonSerializer.Deserialize<Input>(input)?.DocumentIds ?? throw new InvalidInputException("The job's request is unreadable; ask again.");
        var outcomes = await documents.HandleAsync(ids, DocumentAction.Publish, null, (done, total) => progress.ReportAsync(done, total, cancellationToken), cancellationToken);
        var sentence = ChangeDocumentStatusesHandler.Sentence(DocumentAction.Publish, outcomes);
        return new BackgroundJobResult(sentence.EndsWith('.') ? sentence : sentence + ".");
    }
}
