using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Evidence;

/// <summary>Which evidence a list shows, judged by the current version's expiry date.</summary>
public enum EvidenceFreshness
{
    All,
    Current,

    /// <summary>Still valid, but expiring within 30 days.</summary>
    Expiring,
    Expired,
}

public sealed record EvidenceListItem(Guid Id, Guid ControlId, string ControlKey, string Title, EvidenceVersionDto Current);

public sealed class ListEvidenceHandler(HarmoniaDbContext db, TimeProvider time)
{
    public const int ExpiringWithinDays = 30;

    public static readonly SortOrder DefaultSort = new("control", false);

    /// <summary>The columns the list sorts by (control key, title, kind, version number, effective and expiry dates).</summary>
    public static readonly IReadOnlyList<string> SortColumns = ["control", "title", "kind", "version", "effective", "expires"];

    /// <param name="search">Part of the title or of the control's key, case as typed.</param>
    public async Task<Page<EvidenceListItem>> HandleAsync(PageRequest page, Guid? controlId, EvidenceFreshness freshness, string? search = null, CancellationToken cancellationToken = default) =>
        await HandleAsync(page, controlId, freshness, search, null, cancellationToken);

    public async Task<Page<EvidenceListItem>> HandleAsync(PageRequest page, Guid? controlId, EvidenceFreshness freshness, string? search, SortOrder? sort, CancellationToken cancellationToken = default)
    {
        var (total, items) = await ReadAsync(controlId, freshness, search, sort, page, cancellationToken);
        return new Page<EvidenceListItem>(items, page.PageNumber, page.PageSize, total);
    }

    /// <summary>Every item the filter lets through, in the order asked for: the export of a view reads the same.</summary>
    public async Task<IReadOnlyList<EvidenceListItem>> MatchingAsync(Guid? controlId, EvidenceFreshness freshness, string? search, SortOrder? sort, CancellationToken cancellationToken = default) =>
        (await ReadAsync(controlId, freshness, search, sort, null, cancellationToken)).Items;

    private async Task<(int Total, EvidenceListItem[] Items)> ReadAsync(Guid? controlId, EvidenceFreshness freshness, string? search, SortOrder? sort, PageRequest? page, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var soon = today.AddDays(ExpiringWithinDays);
        var query = db.Evidence.AsNoTracking()
            .Join(db.EvidenceVersions, e => new { e.Id, Number = e.CurrentVersion }, v => new { Id = v.EvidenceId, v.Number }, (e, v) => new { Evidence = e, Version = v })
            .Join(db.Controls, x => x.Evidence.ControlId, c => c.Id, (x, c) => new { x.Evidence, x.Version, c.Key });
        if (controlId is not null)
        {
            query = query.Where(x => x.Evidence.ControlId == controlId);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(x => x.Evidence.Title.Contains(term) || x.Key.Contains(term));
        }

        query = freshness switch
        {
            EvidenceFreshness.Current => query.Where(x => x.Version.ExpiresOn == null || x.Version.ExpiresOn >= today),
            EvidenceFreshness.Expiring => query.Where(x => x.Version.ExpiresOn >= today && x.Version.ExpiresOn <= soon),
            EvidenceFreshness.Expired => query.Where(x => x.Version.ExpiresOn < today),
            _ => query,
        };
        var total = await query.CountAsync(cancellationToken);

        // The rows are an anonymous join, so the column's key is chosen here rather than from a dictionary of keys.
        var order = sort ?? DefaultSort;
        var ordered = order.Column switch
        {
            "title" => order.Descending ? query.OrderByDescending(x => x.Evidence.Title.ToLower()) : query.OrderBy(x => x.Evidence.Title.ToLower()),
            "kind" => order.Descending ? query.OrderByDescending(x => x.Version.Kind) : query.OrderBy(x => x.Version.Kind),
            "version" => order.Descending ? query.OrderByDescending(x => x.Version.Number) : query.OrderBy(x => x.Version.Number),
            "effective" => order.Descending ? query.OrderByDescending(x => x.Version.EffectiveOn) : query.OrderBy(x => x.Version.EffectiveOn),
            "expires" => order.Descending ? query.OrderByDescending(x => x.Version.ExpiresOn) : query.OrderBy(x => x.Version.ExpiresOn),
            _ => order.Descending ? query.OrderByDescending(x => x.Key) : query.OrderBy(x => x.Key),
        };
        var paged = ordered.ThenBy(x => x.Key).ThenBy(x => x.Evidence.Title).ThenBy(x => x.Evidence.Id).AsQueryable();
        if (page is not null)
        {
            paged = paged.Skip(page.Skip).Take(page.PageSize);
        }

        var rows = await paged.ToListAsync(cancellationToken);
        return (total, rows.Select(x => new EvidenceListItem(x.Evidence.Id, x.Evidence.ControlId, x.Key, x.Evidence.Title, EvidenceVersionDto.From(x.Version))).ToArray());
    }
}
