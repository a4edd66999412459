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

    public async Task<IReadOnlyList<BulkDocumentOutcome>> HandleAsync(IReadOnlyList<Guid> documentIds, DocumentAction action, string? change = null, CancellationToken cancellationToken = default)
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
        if (titles.Count != ids.Length)
        {
            throw new NotFoundException("document");
        }

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
        }

        return outcomes;
    }
}
