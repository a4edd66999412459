using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Harmonia.App.Common;
using Harmonia.App.Features.AuditTrail;
using Harmonia.App.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Harmonia.App.Features.Operations;

/// <param name="BackupPath">An archive written by <see cref="TakeBackupHandler"/>.</param>
/// <param name="Evidence">The evidence store to fill (the folder, or the S3 bucket); it must hold no stored file yet.</param>
/// <param name="EvidenceName">The store in words, for messages.</param>
/// <param name="AnchorFolder">The anchor folder to fill; it must hold no anchor of an organization in the backup.</param>
public sealed record RestoreRequest(string BackupPath, IEvidenceStore Evidence, string EvidenceName, string AnchorFolder);

/// <param name="Migrated">Migrations applied after the restore because the backup came from an older version.</param>
public sealed record RestoreOutcome(BackupManifest Manifest, IReadOnlyList<string> Migrated, IReadOnlyList<AuditTrailVerification> Trails);

/// <summary>
/// Restores a backup into an empty database and store, then proves it: every table has the manifest's row count,
/// every file the manifest lists is in the store with its hash, and every organization's audit trail verifies
/// against the anchors the backup carried. Everything in the archive is checked before anything is written, so a
/// damaged archive changes nothing.
/// </summary>
public sealed class RestoreBackupHandler(HarmoniaDbContext db, MigrateDatabaseHandler migrate)
{
    public async Task<RestoreOutcome> HandleAsync(RestoreRequest request, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(request.BackupPath);
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"There is no backup at {path}.");
        }

        using var zip = OpenArchive(path);
        var manifest = ReadManifest(zip);
        var sqlite = db.Database.IsSqlite();
        var target = sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
        if (manifest.Provider != target)
        {
            throw new InvalidInputException($"The backup is of a {manifest.Provider} database and the target is {target}; restore it into the same kind of database. Nothing was changed.");
        }

        await RefuseNonEmptyTargetsAsync(request, manifest, sqlite, cancellationToken);
        await VerifyEntriesAsync(zip, manifest, cancellationToken);

        var work = Directory.CreateTempSubdirectory("harmonia-restore-");
        try
        {
            var dump = Path.Combine(work.FullName, Path.GetFileName(manifest.DatabaseEntry));
            await using (var source = zip.GetEntry(manifest.DatabaseEntry)!.Open())
            await using (var file = File.Create(dump))
            {
                await source.CopyToAsync(file, cancellationToken);
            }

            await RestoreDatabaseAsync(dump, sqlite, cancellationToken);
        }
        finally
        {
            work.Delete(recursive: true);
        }

        await CompareCountsAsync(manifest, sqlite, cancellationToken);
        await PlaceFilesAsync(zip, manifest, request.Evidence, cancellationToken);
        var anchors = new AuditTrailAnchors(new AuditTrailAnchorSettings(Path.GetFullPath(request.AnchorFolder)));
        foreach (var anchor in manifest.Anchors)
        {
            anchors.Record(anchor.OrganizationId, new AuditTrailAnchor(anchor.Sequence, anchor.Hash, manifest.CreatedUtc));
        }

        // A backup of an older version is brought to this version's schema, as a start would do.
        var migrated = await migrate.HandleAsync(cancellationToken);
        var verify = new VerifyAuditTrailHandler(db, anchors);
        var organizations = await db.Organizations.AsNoTracking().Select(o => o.Id).OrderBy(id => id).ToListAsync(cancellationToken);
        var trails = new List<AuditTrailVerification>();
        foreach (var organization in organizations)
        {
            trails.Add(await verify.HandleAsync(new VerifyAuditTrailRequest(organization), cancellationToken));
        }

        return new RestoreOutcome(manifest, migrated.Applied, trails);
    }

    private static ZipArchive OpenArchive(string path)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException)
        {
            throw new InvalidInputException($"{path} is not a Harmonia backup (not a readable archive). Nothing was changed.");
        }
    }

    private static BackupManifest ReadManifest(ZipArchive zip)
    {
        var entry = zip.GetEntry(BackupManifest.EntryName);
        if (entry is null || entry.Length > BackupManifest.MaxBytes)
        {
            throw new InvalidInputException("The archive has no readable manifest.json: it is not a Harmonia backup. Nothing was changed.");
        }

        BackupManifest? manifest;
        try
        {
            using var stream = entry.Open();
            manifest = JsonSerializer.Deserialize<BackupManifest>(stream, BackupManifest.Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException($"The backup's manifest is damaged ({ex.Message}). Nothing was changed.");
        }

        if (manifest is not { Format: BackupManifest.FormatName } || manifest.Tables is null || manifest.Files is null || manifest.Anchors is null || manifest.DatabaseEntry is null)
        {
            throw new InvalidInputException("The archive's manifest.json is not a Harmonia backup manifest. Nothing was changed.");
        }

        if (manifest.FormatVersion > BackupManifest.CurrentVersion)
        {
            throw new InvalidInputException($"The backup has format version {manifest.FormatVersion}; this Harmonia reads up to {BackupManifest.CurrentVersion}. Restore it with the version that wrote it. Nothing was changed.");
        }

        if (manifest.Files.FirstOrDefault(f => !EvidenceValues.IsSha256(f.Sha256) || f.Sha256.Any(char.IsUpper)) is { } odd)
        {
            throw new InvalidInputException($"The manifest names a file '{odd.Sha256}' that is not a SHA-256 address. Nothing was changed.");
        }

        return manifest;
    }

    private async Task RefuseNonEmptyTargetsAsync(RestoreRequest request, BackupManifest manifest, bool sqlite, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (await DatabaseSnapshot.HasTablesAsync(connection, sqlite, cancellationToken))
            {
                throw new InvalidInputException("The target database is not empty; a backup is restored only into an empty database, so nothing can be overwritten. Nothing was changed.");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        await foreach (var _ in request.Evidence.ListAsync(cancellationToken))
        {
            throw new InvalidInputException($"{char.ToUpperInvariant(request.EvidenceName[0])}{request.EvidenceName[1..]} already holds stored files; restore into an empty store. Nothing was changed.");
        }

        var anchors = new AuditTrailAnchors(new AuditTrailAnchorSettings(Path.GetFullPath(request.AnchorFolder)));
        if (manifest.Anchors.FirstOrDefault(a => anchors.Latest(a.OrganizationId) is not null) is { } existing)
        {
            throw new InvalidInputException($"The anchor folder {request.AnchorFolder} already anchors organization {existing.OrganizationId}; restore into an empty anchor folder. Nothing was changed.");
        }
    }

    /// <summary>Reads every entry the manifest names through SHA-256 before anything is written.</summary>
    private static async Task VerifyEntriesAsync(ZipArchive zip, BackupManifest manifest, CancellationToken cancellationToken)
    {
        async Task Check(string name, string expected)
        {
            var entry = zip.GetEntry(name) ?? throw new InvalidInputException($"The backup lacks {name}, which its manifest lists. Nothing was changed.");
            await using var stream = entry.Open();
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            if (actual != expected)
            {
                throw new InvalidInputException($"{name} in the backup is damaged (SHA-256 {actual}, the manifest says {expected}). Nothing was changed.");
            }
        }

        if (manifest.DatabaseEntry is not ("database/harmonia.db" or "database/harmonia.pgdump"))
        {
            throw new InvalidInputException($"The manifest names an unexpected database entry '{manifest.DatabaseEntry}'. Nothing was changed.");
        }

        await Check(manifest.DatabaseEntry, manifest.DatabaseSha256);
        foreach (var file in manifest.Files)
        {
            await Check(BackupManifest.FileEntry(file.Sha256), file.Sha256);
        }
    }

    private async Task RestoreDatabaseAsync(string dump, bool sqlite, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString()!;
        if (sqlite)
        {
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dump, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
            await using var target = new SqliteConnection(connectionString);
            await source.OpenAsync(cancellationToken);
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
            SqliteConnection.ClearPool(target);
            return;
        }

        var database = new NpgsqlConnectionStringBuilder(connectionString).Database ?? throw new InvalidInputException("The PostgreSQL connection string names no database.");
        await PostgresTools.RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", $"--dbname={database}", dump], connectionString, cancellationToken);
    }

    private async Task CompareCountsAsync(BackupManifest manifest, bool sqlite, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var counts = await DatabaseSnapshot.CountTablesAsync(db.Database.GetDbConnection(), null, sqlite, cancellationToken);
            var differences = manifest.Tables.Keys.Union(counts.Keys).Order(StringComparer.Ordinal)
                .Where(t => manifest.Tables.GetValueOrDefault(t, -1) != counts.GetValueOrDefault(t, -1))
                .Select(t => $"{t}: {counts.GetValueOrDefault(t, 0)} rows, the manifest says {manifest.Tables.GetValueOrDefault(t, 0)}")
                .ToArray();
            if (differences.Length > 0)
            {
                throw new InvalidInputException($"The restored database differs from the backup's manifest ({string.Join("; ", differences.Take(5))}); do not use it.");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // Each file goes through a local copy: the store verifies what it keeps (the S3 store reads the object back).
    private static async Task PlaceFilesAsync(ZipArchive zip, BackupManifest manifest, IEvidenceStore evidence, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("harmonia-restore-files-");
        try
        {
            foreach (var file in manifest.Files)
            {
                var copy = Path.Combine(work.FullName, file.Sha256);
                await using (var source = zip.GetEntry(BackupManifest.FileEntry(file.Sha256))!.Open())
                await using (var target = new FileStream(copy, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                {
                    await source.CopyToAsync(target, cancellationToken);
                }

                await evidence.RestoreAsync(copy, file.Sha256, cancellationToken);
                File.Delete(copy);
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
