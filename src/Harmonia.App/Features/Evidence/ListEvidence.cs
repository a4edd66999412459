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

    /// <param name="search">Part of the title or of the control's key, case as typed.</param>
    public async Task<Page<EvidenceListItem>> HandleAsync(PageRequest page, Guid? controlId, EvidenceFreshness freshness, string? search = null, CancellationToken cancellationToken = default)
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
        var rows = await query.OrderBy(x => x.Key).ThenBy(x => x.Evidence.Title).ThenBy(x => x.Evidence.Id)
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Page<EvidenceListItem>(
            rows.Select(x => new EvidenceListItem(x.Evidence.Id, x.Evidence.ControlId, x.Key, x.Evidence.Title, EvidenceVersionDto.From(x.Version))).ToArray(),
            page.PageNumber,
            page.PageSize,
            total);
    }
}
