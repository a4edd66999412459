using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Harmonia.App.Features.Evidence;

/// <summary>
/// Files in the store that no row of any organization names are removed, by two clocks. A file no row ever named goes
/// once older than <c>olderThan</c>: an upload's file is flushed and placed before its row commits, so a kill in between
/// (the crash test does it) leaves a file without a row, and the grace period protects uploads in flight on other web
/// nodes sharing the folder (Evidence:OrphanSweepAfter, one hour by default). A file whose evidence was deleted
/// (<see cref="ReleasedEvidenceFile"/>) is kept for <c>retainDeletedFor</c> after its latest release
/// (Evidence:RetainDeletedFor, 30 days), so a deletion by mistake can still be undone from the store and a backup.
/// </summary>
public sealed partial class SweepOrphanFilesHandler(HarmoniaDbContext db, IEvidenceStore store, TimeProvider time, ILogger<SweepOrphanFilesHandler> logger)
{
    public const int DefaultRetainDeletedForDays = 30;

    public async Task<int> HandleAsync(TimeSpan olderThan, TimeSpan retainDeletedFor, CancellationToken cancellationToken = default)
    {
        // Every column that names a stored file, across organizations; a file named anywhere stays. Read before the
        // releases: a deletion that commits in between is then either still seen as a name or already seen as a release.
        var everyTenant = new[] { HarmoniaDbContext.TenantFilter };
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        referenced.UnionWith(await db.EvidenceVersions.IgnoreQueryFilters(everyTenant).Where(v => v.Sha256 != null).Select(v => v.Sha256!).ToListAsync(cancellationToken));
        referenced.UnionWith(await db.DocumentRevisions.IgnoreQueryFilters(everyTenant).Where(r => r.DocxSha256 != null).Select(r => r.DocxSha256!).ToListAsync(cancellationToken));
        referenced.UnionWith(await db.DocumentRevisions.IgnoreQueryFilters(everyTenant).Where(r => r.PdfSha256 != null).Select(r => r.PdfSha256!).ToListAsync(cancellationToken));
        referenced.UnionWith(await db.DocumentRevisions.IgnoreQueryFilters(everyTenant).Select(r => r.ContentSha256).ToListAsync(cancellationToken));
        referenced.UnionWith(await db.RegisteredDocuments.IgnoreQueryFilters(everyTenant).Select(r => r.Sha256).ToListAsync(cancellationToken));

        // A job's file (a prepared pack) stays while it may still be downloaded; a running job's file is not named yet,
        // but it is younger than the grace period.
        var jobFilesSince = time.GetUtcNow().UtcDateTime - Jobs.BackgroundJobRunner.ResultsKeptFor;
        referenced.UnionWith(await db.BackgroundJobs.IgnoreQueryFilters(everyTenant).Where(j => j.ResultSha256 != null && j.FinishedUtc > jobFilesSince).Select(j => j.ResultSha256!).ToListAsync(cancellationToken));

        // Files a supplier attached to questionnaire answers are named inside the answer versions' JSON.
        foreach (var answers in await db.SupplierAnswerVersions.IgnoreQueryFilters(everyTenant).Select(v => v.AnswersJson).ToListAsync(cancellationToken))
        {
            referenced.UnionWith(Suppliers.SupplierJson.Read<Harmonia.Domain.Suppliers.QuestionnaireAnswer>(answers).Select(a => a.Sha256).OfType<string>());
        }

        var now = time.GetUtcNow().UtcDateTime;
        var keepReleasedSince = now - retainDeletedFor;
        var retained = (await db.ReleasedEvidenceFiles.Where(r => r.ReleasedUtc > keepReleasedSince).Select(r => r.Sha256).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var removed = await store.SweepUnreferencedAsync(referenced.Select(s => s.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal), olderThan, now, retained.Contains, cancellationToken);

        // A release older than the retention holds nothing back any more, whether its file went now or is named again.
        await db.ReleasedEvidenceFiles.Where(r => r.ReleasedUtc <= keepReleasedSince).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            Removed(logger, removed);
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {Count} evidence files no record names (left by an upload interrupted before it was saved, or by evidence deleted longer ago than Evidence:RetainDeletedFor)")]
    private static partial void Removed(ILogger logger, int count);
}
