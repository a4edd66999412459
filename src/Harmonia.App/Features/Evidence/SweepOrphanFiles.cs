using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Harmonia.App.Features.Evidence;

/// <summary>
/// At start: files in the store that no row of any organization names are removed once older than the grace period.
/// An upload's file is flushed and placed before its row commits, so a kill in between (the crash test does it) leaves
/// a file without a row; a row without a file cannot happen. The grace period protects uploads in flight on other web
/// nodes sharing the folder (Evidence:OrphanSweepAfter, one hour by default).
/// </summary>
public sealed partial class SweepOrphanFilesHandler(HarmoniaDbContext db, EvidenceFileStore store, TimeProvider time, ILogger<SweepOrphanFilesHandler> logger)
{
    public async Task<int> HandleAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        // Every column that names a stored file, across organizations; a file named anywhere stays.
        var everyTenant = new[] { HarmoniaDbContext.TenantFilter };
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        referenced.UnionWith(await db.EvidenceVersions.IgnoreQueryFilters(everyTenant).Where(v => v.Sha256 != null).Select(v => v.Sha256!).ToListAsync(cancellationToken));
        referenced.UnionWith(await db.DocumentRevisions.IgnoreQueryFilters(everyTenant).Where(r => r.DocxSha256 != null).Select(r => r.DocxSha256!).ToListAsync(cancellationToken));
        referenced.UnionWith(await db.DocumentRevisions.IgnoreQueryFilters(everyTenant).Where(r => r.PdfSha256 != null).Select(r => r.PdfSha256!).ToListAsync(cancellationToken));
        referenced.UnionWith(await db.DocumentRevisions.IgnoreQueryFilters(everyTenant).Select(r => r.ContentSha256).ToListAsync(cancellationToken));
        referenced.UnionWith(await db.RegisteredDocuments.IgnoreQueryFilters(everyTenant).Select(r => r.Sha256).ToListAsync(cancellationToken));
        var removed = store.SweepUnreferenced(referenced.Select(s => s.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal), olderThan, time.GetUtcNow().UtcDateTime);
        if (removed > 0)
        {
            Removed(logger, removed);
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {Count} evidence files no record names (left by an upload interrupted before it was saved)")]
    private static partial void Removed(ILogger logger, int count);
}
