using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Audits;

/// <param name="ItemKeys">The checklist items that get the same result (at most <see cref="RecordAuditResultsHandler.MaxItems"/>).</param>
public sealed record AuditResultsInput(IReadOnlyList<string>? ItemKeys, string? Grade, string? Note, string? Sampled);

/// <param name="Raised">The nonconformities the results opened, one per item graded as a nonconformity.</param>
public sealed record AuditResultsRecorded(int Recorded, IReadOnlyList<string> Refs, IReadOnlyList<string> Raised);

/// <summary>
/// Several checklist items get the same result in one step (an auditor who sampled a dozen conforming clauses grades
/// them together): each item through the same rules as one result, all of them or none, in one save.
/// </summary>
public sealed class RecordAuditResultsHandler(HarmoniaDbContext db, LoadedContent content, AuditActor actor, TimeProvider time)
{
    public const int MaxItems = 500;

    /// <summary>Throws NotFoundException when the organization has no such audit.</summary>
    public async Task<AuditResultsRecorded> HandleAsync(Guid auditId, AuditResultsInput input, CancellationToken cancellationToken = default)
    {
        var keys = (input.ItemKeys ?? []).Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0)
        {
            throw new InvalidInputException("Tick the checklist items the result is for.");
        }

        if (keys.Length > MaxItems)
        {
            throw new InvalidInputException($"At most {MaxItems} items at once; {keys.Length} were ticked.");
        }

        var (audit, checklist) = await RecordAuditResultHandler.OpenAsync(db, content, auditId, cancellationToken);
        var one = new AuditResultInput(null, input.Grade, input.Note, input.Sampled);
        var grade = RecordAuditResultHandler.Check(one);
        var items = keys.Select(k => RecordAuditResultHandler.Item(checklist, k)).ToArray();
        var itemKeys = items.Select(i => i.Key).ToArray();
        var existing = await db.AuditResults.Where(r => r.AuditId == auditId && itemKeys.Contains(r.ItemKey)).ToDictionaryAsync(r => r.ItemKey, StringComparer.Ordinal, cancellationToken);
        var raised = new List<NonconformityRecord>();
        foreach (var item in items)
        {
            var (_, nonconformity) = RecordAuditResultHandler.Apply(db, actor, time, audit, item, existing.GetValueOrDefault(item.Key), grade, one);
            if (nonconformity is not null)
            {
                raised.Add(nonconformity);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new AuditResultsRecorded(items.Length, items.Select(i => i.Ref).ToArray(), raised.Select(n => n.Key).ToArray());
    }
}
