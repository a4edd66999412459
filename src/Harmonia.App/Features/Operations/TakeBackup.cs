using System.Data;
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

/// <param name="OutputPath">The archive to write; an existing file is never overwritten.</param>
/// <param name="Evidence">The evidence store the server uses (the folder, or the S3 bucket with Evidence:Store=s3).</param>
/// <param name="EvidenceName">The store in words, for messages ("the evidence folder /srv/evidence").</param>
/// <param name="AnchorFolder">The audit-trail anchor folder the server uses (AuditTrail:AnchorFolder).</param>
public sealed record BackupRequest(string OutputPath, IEvidenceStore Evidence, string EvidenceName, string AnchorFolder);

/// <summary>
/// Writes one archive with a consistent copy of the database (SQLite's online backup, or pg_dump in custom format on
/// the same snapshot the figures are read from), every stored file the copy names, the trail anchors and a manifest of
/// counts and hashes. It runs while the server writes: the anchors are read before the copy, so none is ahead of it,
/// and stored files are immutable, so a file the copy names is the file that was there when it was taken.
/// </summary>
public sealed class TakeBackupHandler(HarmoniaDbContext db, TimeProvider time)
{
    private sealed record Snapshot(string File, string Entry, Dictionary<string, long> Tables, string Migration, IReadOnlyList<string> Files);

    public async Task<BackupManifest> HandleAsync(BackupRequest request, CancellationToken cancellationToken = default)
    {
        var output = Path.GetFullPath(request.OutputPath);
        if (File.Exists(output) || Directory.Exists(output))
        {
            throw new InvalidInputException($"{output} already exists; a backup never overwrites one. Choose another name.");
        }

        var folder = Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(folder);
        var work = Directory.CreateDirectory(Path.Combine(folder, $".{Path.GetFileName(output)}.work-{Guid.NewGuid():N}"));
        var partial = Path.Combine(folder, $".{Path.GetFileName(output)}.partial-{Guid.NewGuid():N}");
        try
        {
            var anchors = ReadAnchors(request.AnchorFolder);
            var sqlite = db.Database.IsSqlite();
            var snapshot = sqlite ? await SqliteAsync(work.FullName, cancellationToken) : await PostgresAsync(work.FullName, cancellationToken);

            var files = new List<BackupFile>();
            BackupManifest manifest;
            await using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
                {
                    // A custom-format dump is compressed already; a SQLite file compresses well.
                    string databaseSha256;
                    await using (var source = File.OpenRead(snapshot.File))
                    {
                        databaseSha256 = await CopyAsync(source, zip, snapshot.Entry, sqlite ? CompressionLevel.Fastest : CompressionLevel.NoCompression, cancellationToken);
                    }

                    foreach (var sha256 in snapshot.Files)
                    {
                        files.Add(await CopyStoredFileAsync(request, sha256, zip, cancellationToken));
                    }

                    manifest = new BackupManifest(
                        BackupManifest.FormatName, BackupManifest.CurrentVersion, time.GetUtcNow().UtcDateTime, sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres,
                        snapshot.Migration, snapshot.Entry, databaseSha256, snapshot.Tables, files, anchors);
                    await using var manifestStream = zip.CreateEntry(BackupManifest.EntryName, CompressionLevel.Optimal).Open();
                    await JsonSerializer.SerializeAsync(manifestStream, manifest, BackupManifest.Json, cancellationToken);
                }

                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(partial, output);
            return manifest;
        }
        finally
        {
            File.Delete(partial);
            work.Delete(recursive: true);
        }
    }

    private static async Task<BackupFile> CopyStoredFileAsync(BackupRequest request, string sha256, ZipArchive zip, CancellationToken cancellationToken)
    {
        await using var source = (EvidenceValues.IsSha256(sha256) ? await request.Evidence.OpenAsync(sha256, cancellationToken) : null)
            ?? throw new InvalidInputException($"The stored file {sha256} that the database names is missing from {request.EvidenceName}; no backup was written. Check Evidence:Store and Evidence:Folder (--evidence).");
        var counted = new CountingStream(source);
        var actual = await CopyAsync(counted, zip, BackupManifest.FileEntry(sha256), CompressionLevel.Fastest, cancellationToken);
        return actual == sha256
            ? new BackupFile(sha256, counted.BytesRead)
            : throw new InvalidInputException($"The stored file {sha256} no longer has that content (its SHA-256 is {actual}): the store is damaged. No backup was written; put that file back from an earlier backup first.");
    }

    /// <summary>Copies into a new entry and returns the SHA-256 of what was copied.</summary>
    private static async Task<string> CopyAsync(Stream source, ZipArchive zip, string name, CompressionLevel level, CancellationToken cancellationToken)
    {
        await using var target = zip.CreateEntry(name, level).Open();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static List<BackupAnchor> ReadAnchors(string folder)
    {
        var anchors = new AuditTrailAnchors(new AuditTrailAnchorSettings(folder));
        var found = new List<BackupAnchor>();
        if (!Directory.Exists(folder))
        {
            return found;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            if (Guid.TryParseExact(Path.GetFileNameWithoutExtension(file), "N", out var organization) && anchors.Latest(organization) is { } anchor)
            {
                found.Add(new BackupAnchor(organization, anchor.Sequence, anchor.Hash));
            }
        }

        return found;
    }

    private async Task<Snapshot> SqliteAsync(string work, CancellationToken cancellationToken)
    {
        var file = Path.Combine(work, "harmonia.db");
        await using (var source = new SqliteConnection(db.Database.GetConnectionString()))
        await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString))
        {
            await source.OpenAsync(cancellationToken);
            await target.OpenAsync(cancellationToken);

            // SQLite's online backup copies a consistent state while other connections keep writing.
            source.BackupDatabase(target);
            await using var journal = target.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode=DELETE";
            await journal.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
        await copy.OpenAsync(cancellationToken);
        return new Snapshot(
            file, "database/harmonia.db",
            await DatabaseSnapshot.CountTablesAsync(copy, null, sqlite: true, cancellationToken),
            await DatabaseSnapshot.LatestMigrationAsync(copy, null, cancellationToken),
            await DatabaseSnapshot.FileAddressesAsync(copy, null, StoredFileColumns.Of(db), cancellationToken));
    }

    private async Task<Snapshot> PostgresAsync(string work, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString()!;
        var file = Path.Combine(work, "harmonia.pgdump");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // The figures and pg_dump read the same exported snapshot, so the manifest describes exactly the dump.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction);
        var snapshotId = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
        var tables = await DatabaseSnapshot.CountTablesAsync(connection, transaction, sqlite: false, cancellationToken);
        var migration = await DatabaseSnapshot.LatestMigrationAsync(connection, transaction, cancellationToken);
        var files = await DatabaseSnapshot.FileAddressesAsync(connection, transaction, StoredFileColumns.Of(db), cancellationToken);
        await PostgresTools.RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshotId}", $"--file={file}"], connectionString, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Snapshot(file, "database/harmonia.pgdump", tables, migration, files);
    }

    // An S3 response stream has no length; the manifest records the bytes actually read.
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
