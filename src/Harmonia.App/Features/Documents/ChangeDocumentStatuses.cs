using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

/// <summary>What happened to one document of a bulk action.</summary>
/// <param name="Refusal">Why it was left as it was; null when the action was done.</param>
public sealed record BulkDocumentOutcome(Guid DocumentId, string Title, string? Refusal);

/// <summary>
/// The same transition for several documents (submit, approve or publish a whole pack at once). Each document goes
/// through the one-document use case, so every rule still holds per revision and per person (the author never
/// approves, missing answers block publication); one refused document leaves the others done.
/// </summary>
public sealed class ChangeDocumentStatusesHandler(HarmoniaDbContext db, ChangeDocumentStatusHandler oneDocument)
{
    /// <summary>More than the whole policy pack; a post naming more is a mistake or an attack.</summary>
    public const int MaxDocuments = 200;

    /// <summary>The documents' titles by id, after the checks a bulk post must pass before anything changes.</summary>
    public async Task<Dictionary<Guid, string>> CheckAsync(IReadOnlyList<Guid> documentIds, CancellationToken cancellationToken = default)
    {
        var ids = documentIds.Distinct().ToArray();
        if (ids.Length == 0)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["documentId"] = ["Tick the documents to act on."] });
        }

        if (ids.Length > MaxDocuments)
        {
            throw new InvalidInputException($"At most {MaxDocuments} documents at once.");
        }

        var titles = await db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, cancellationToken);
        return titles.Count == ids.Length ? titles : throw new NotFoundException("document");
    }

    public Task<IReadOnlyList<BulkDocumentOutcome>> HandleAsync(IReadOnlyList<Guid> documentIds, DocumentAction action, string? change = null, CancellationToken cancellationToken = default) =>
        HandleAsync(documentIds, action, change, null, cancellationToken);

    /// <param name="progress">Told after each document: how many are done, of how many.</param>
    public async Task<IReadOnlyList<BulkDocumentOutcome>> HandleAsync(IReadOnlyList<Guid> documentIds, DocumentAction action, string? change, Func<int, int, Task>? progress, CancellationToken cancellationToken = default)
    {
        var titles = await CheckAsync(documentIds, cancellationToken);
        var ids = titles.Keys.ToArray();
        var outcomes = new List<BulkDocumentOutcome>(ids.Length);
        foreach (var id in ids.OrderBy(i => titles[i], StringComparer.Ordinal))
        {
            try
            {
                await oneDocument.HandleAsync(new DocumentTransition(id, action, change), cancellationToken);
                outcomes.Add(new BulkDocumentOutcome(id, titles[id], null));
            }
            catch (Exception ex) when (ex is InvalidInputException or VersionConflictException or DuplicateException)
            {
                // A refused document must not leave half-made changes for the next one's save.
                db.ChangeTracker.Clear();
                outcomes.Add(new BulkDocumentOutcome(id, titles[id], ex.Message));
            }

            if (progress is not null)
            {
                await progress(outcomes.Count, ids.Length);
            }
        }

        return outcomes;
    }

    /// <summary>"2 of 3 documents approved; not done: 'AI policy': the author cannot approve ..."</summary>
    public static string Sentence(DocumentAction action, IReadOnlyList<BulkDocumentOutcome> outcomes)
    {
        var done = outcomes.Count(o => o.Refusal is null);
        var past = action switch
        {
            DocumentAction.Submit => "submitted for review",
            DocumentAction.Publish => "published",
            _ => "approved",
        };
        var text = $"{done} of {outcomes.Count} {(outcomes.Count == 1 ? "document" : "documents")} {past}";
        var refused = outcomes.Where(o => o.Refusal is not null).ToArray();
        return refused.Length == 0 ? text : text + "; not done: " + string.Join(" ", refused.Take(10).Select(o => $"'{o.Title}': {o.Refusal}")) + (refused.Length > 10 ? $" and {refused.Length - 10} more" : string.Empty);
    }
}
