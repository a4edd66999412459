using System.Collections.Concurrent;
using System.Data.Common;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Features.Operations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Harmonia.Tests.Operations;

/// <summary>
/// Issue 17, item 4: a backup taken while writers keep writing restores into a fresh database and store whose row
/// counts and file hashes equal the manifest and whose audit trails verify; a damaged archive or a target that is not
/// empty changes nothing.
/// </summary>
public sealed class BackupRestoreTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_backup_taken_under_write_load_restores_with_equal_counts_hashes_and_verified_trails(DatabaseProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("harmonia-backup-test-").FullName;
        try
        {
            var anchors = Path.Combine(folder, "anchors");
            await using var host = await ApiHost.StartAsync(provider, new Dictionary<string, string> { ["AuditTrail:AnchorFolder"] = anchors });
            var api = $"/api/orgs/{host.OrganizationA}";
            using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
            var control = await host.NewControlAsync(host.OrganizationA);
            await UploadAsync(host, control, "before the load");
            Assert.True((await owner.GetAsync(new Uri($"{api}/audit-trail/verify", UriKind.Relative))).IsSuccessStatusCode);
            Assert.NotEmpty(Directory.GetFiles(anchors));

            // Writers create risks and upload distinct files until the backup is written.
            using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
            using var stop = new CancellationTokenSource();
            var acknowledged = new ConcurrentQueue<string>();
            var failures = new ConcurrentQueue<string>();
            var writers = Enumerable.Range(1, 4).Select(w => Task.Run(async () =>
            {
                for (var n = 1; !stop.IsCancellationRequested; n++)
                {
                    var key = $"R-B{w}-{n}";
                    using var response = await contributor.PostAsync(new Uri($"{api}/risks", UriKind.Relative), new StringContent($$"""
                        {"key":"{{key}}","title":"Risk {{key}}","categories":["robustness"],"inherentLikelihood":2,"inherentImpact":3,"treatment":"accept","residualLikelihood":2,"residualImpact":3}
                        """, Encoding.UTF8, "application/json"));
                    if (response.IsSuccessStatusCode)
                    {
                        acknowledged.Enqueue(key);
                    }
                    else
                    {
                        failures.Enqueue($"{key}: {(int)response.StatusCode}");
                    }

                    await UploadAsync(host, control, $"writer {w} file {n}");
                }
            })).ToArray();

            while (acknowledged.Count < 8)
            {
                await Task.Delay(20);
            }

            var before = acknowledged.ToArray();
            var archive = Path.Combine(folder, "harmonia.backup");
            var backup = await CliRun.OnAsync(host.Database, "backup", "--out", archive, "--evidence", host.EvidenceFolder, "--anchors", anchors);
            var during = acknowledged.Count - before.Length;
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Assert.True(backup.ExitCode == 0, backup.Error);
            Assert.Empty(failures);
            output.WriteLine($"{provider}: {backup.Out.Trim()} ({before.Length} risks acknowledged before the backup started, {during} while it ran)");

            // Writing over an existing archive is refused.
            var again = await CliRun.OnAsync(host.Database, "backup", "--out", archive, "--evidence", host.EvidenceFolder, "--anchors", anchors);
            Assert.Equal((1, true), (again.ExitCode, again.Error.Contains("already exists", StringComparison.Ordinal)));

            var manifest = ReadManifest(archive);
            Assert.Equal(provider, manifest.Provider);
            Assert.True(manifest.Files.Count >= 2, "the files uploaded before the backup are in it");
            Assert.Contains(manifest.Anchors, a => a.OrganizationId == host.OrganizationA);

            await using var fresh = await TestDatabase.CreateAsync(provider, migrate: false);
            var evidence = Path.Combine(folder, "restored-evidence");
            var restoredAnchors = Path.Combine(folder, "restored-anchors");
            var restore = await CliRun.OnAsync(fresh, "restore", archive, "--evidence", evidence, "--anchors", restoredAnchors);
            Assert.True(restore.ExitCode == 0, restore.Out + restore.Error);
            Assert.Contains($"Audit trail of {host.OrganizationA}: intact", restore.Out, StringComparison.Ordinal);
            Assert.Contains($"Audit trail of {host.OrganizationB}: intact", restore.Out, StringComparison.Ordinal);
            output.WriteLine(restore.Out.Trim());

            // Counted again here, independently of the restore's own check.
            Assert.Equal(Sorted(manifest.Tables), await CountAsync(fresh));
            foreach (var file in manifest.Files)
            {
                var path = Path.Combine(evidence, file.Sha256[..2], file.Sha256[2..4], file.Sha256);
                Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))));
            }

            // Every risk acknowledged before the backup began is in the restored database.
            var restoredRisks = await RisksAsync(fresh, host.OrganizationA);
            Assert.Subset(restoredRisks, before.ToHashSet());

            // A second restore into the now filled target is refused and changes nothing.
            var twice = await CliRun.OnAsync(fresh, "restore", archive, "--evidence", Path.Combine(folder, "other-evidence"), "--anchors", Path.Combine(folder, "other-anchors"));
            Assert.Equal((1, true), (twice.ExitCode, twice.Error.Contains("not empty", StringComparison.Ordinal)));
            Assert.Equal(Sorted(manifest.Tables), await CountAsync(fresh));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_damaged_archive_is_refused_before_anything_is_written()
    {
        var folder = Directory.CreateTempSubdirectory("harmonia-backup-damaged-").FullName;
        try
        {
            await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["AuditTrail:AnchorFolder"] = Path.Combine(folder, "anchors") });
            var control = await host.NewControlAsync(host.OrganizationA);
            await UploadAsync(host, control, "a file to damage");
            var archive = Path.Combine(folder, "harmonia.backup");
            Assert.Equal(0, (await CliRun.OnAsync(host.Database, "backup", "--out", archive, "--evidence", host.EvidenceFolder, "--anchors", Path.Combine(folder, "anchors"))).ExitCode);

            // One stored file's bytes changed inside the archive.
            var damaged = ReadManifest(archive).Files[0].Sha256;
            using (var zip = ZipFile.Open(archive, ZipArchiveMode.Update))
            {
                var name = "evidence/" + damaged[..2] + "/" + damaged[2..4] + "/" + damaged;
                zip.GetEntry(name)!.Delete();
                await using var stream = zip.CreateEntry(name).Open();
                await stream.WriteAsync("not the evidence"u8.ToArray());
            }

            await using var fresh = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
            var evidence = Path.Combine(folder, "restored-evidence");
            var restore = await CliRun.OnAsync(fresh, "restore", archive, "--evidence", evidence, "--anchors", Path.Combine(folder, "restored-anchors"));
            Assert.Equal(1, restore.ExitCode);
            Assert.Contains("is damaged", restore.Error, StringComparison.Ordinal);
            Assert.Contains("Nothing was changed", restore.Error, StringComparison.Ordinal);
            Assert.Empty(await CountAsync(fresh));
            Assert.False(Directory.Exists(evidence) && Directory.EnumerateFiles(evidence, "*", SearchOption.AllDirectories).Any());

            // Not an archive at all.
            var text = Path.Combine(folder, "notes.txt");
            await File.WriteAllTextAsync(text, "not a backup");
            var refused = await CliRun.OnAsync(fresh, "restore", text, "--evidence", evidence, "--anchors", Path.Combine(folder, "restored-anchors"));
            Assert.Equal((1, true), (refused.ExitCode, refused.Error.Contains("not a Harmonia backup", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [S3Fact]
    public async Task With_evidence_in_S3_the_backup_reads_the_bucket_and_the_restore_fills_an_empty_one_with_verified_files()
    {
        var folder = Directory.CreateTempSubdirectory("harmonia-backup-s3-").FullName;
        try
        {
            await using var s3 = await S3Server.StartAsync();
            var anchors = Path.Combine(folder, "anchors");
            var settings = new Dictionary<string, string>(s3.Configuration()) { ["AuditTrail:AnchorFolder"] = anchors };
            await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, settings);
            var control = await host.NewControlAsync(host.OrganizationA);
            foreach (var text in new[] { "policy scan", "access review", "supplier list" })
            {
                await UploadAsync(host, control, text);
            }

            // Nothing in the local folder: the files are only in the bucket.
            Assert.Empty(Directory.Exists(host.EvidenceFolder)
                ? Directory.EnumerateFiles(host.EvidenceFolder, "*", SearchOption.AllDirectories).Where(f => EvidenceValues.IsSha256(Path.GetFileName(f)))
                : []);
            var archive = Path.Combine(folder, "harmonia.backup");
            var backup = await CliRun.OnAsync(host.Database, settings, "backup", "--out", archive, "--anchors", anchors);
            Assert.True(backup.ExitCode == 0, backup.Out + backup.Error);
            var manifest = ReadManifest(archive);
            Assert.Equal(3, manifest.Files.Count);
            Assert.All(manifest.Files, f => Assert.True(f.Bytes > 0));

            // A fresh instance with its own, empty bucket.
            using var client = s3.Client();
            await client.PutBucketAsync("harmonia-restored");
            var restoredSettings = new Dictionary<string, string>(s3.Configuration()) { ["Evidence:S3:Bucket"] = "harmonia-restored" };
            await using var fresh = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
            var restore = await CliRun.OnAsync(fresh, restoredSettings, "restore", archive, "--anchors", Path.Combine(folder, "restored-anchors"));
            Assert.True(restore.ExitCode == 0, restore.Out + restore.Error);
            Assert.Contains($"Audit trail of {host.OrganizationA}: intact", restore.Out, StringComparison.Ordinal);
            Assert.Equal(Sorted(manifest.Tables), await CountAsync(fresh));
            foreach (var file in manifest.Files)
            {
                using var stored = await client.GetObjectAsync("harmonia-restored", S3EvidenceStore.KeyOf(file.Sha256));
                using var bytes = new MemoryStream();
                await stored.ResponseStream.CopyToAsync(bytes);
                Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray())));
                Assert.Equal(file.Bytes, bytes.Length);
            }

            // A bucket that already holds files is refused before anything is written.
            await using var another = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
            var refused = await CliRun.OnAsync(another, restoredSettings, "restore", archive, "--anchors", Path.Combine(folder, "other-anchors"));
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("already holds stored files", refused.Error, StringComparison.Ordinal);
            Assert.Empty(await CountAsync(another));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task<int> UploadAsync(ApiHost host, Guid control, string text) => host.WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
        using var content = new MemoryStream(Encoding.UTF8.GetBytes($"evidence: {text}\n"));
        await s.GetRequiredService<AddEvidenceHandler>().HandleAsync(
            control, new EvidenceInput("File " + text, null, null, new DateOnly(2026, 4, 1), null), new EvidenceUpload(content, "evidence.txt", null));
        return 0;
    });

    private static SortedDictionary<string, long> Sorted(IReadOnlyDictionary<string, long> tables) => new(tables.ToDictionary(), StringComparer.Ordinal);

    private static BackupManifest ReadManifest(string archive)
    {
        using var zip = ZipFile.OpenRead(archive);
        using var stream = zip.GetEntry(BackupManifest.EntryName)!.Open();
        return JsonSerializer.Deserialize<BackupManifest>(stream, BackupManifest.Json)!;
    }

    private static async Task<SortedDictionary<string, long>> CountAsync(TestDatabase database)
    {
        var sqlite = database.Settings.Provider == DatabaseProvider.Sqlite;
        await using DbConnection connection = sqlite ? new SqliteConnection(database.Settings.ConnectionString) : new NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static async Task<HashSet<string>> RisksAsync(TestDatabase database, Guid organization)
    {
        await using var scope = database.Scope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization);
        var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
        return (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Risks.Select(r => r.Key))).ToHashSet(StringComparer.Ordinal);
    }
}
