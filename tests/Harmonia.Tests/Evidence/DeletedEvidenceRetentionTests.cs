using System.Net;
using System.Security.Cryptography;
using System.Text;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Harmonia.Web.Features.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harmonia.Tests.Evidence;

/// <summary>
/// Issue 20, item 8: the files of deleted evidence (deleted alone or with its control) stay in the store for
/// Evidence:RetainDeletedFor after the deletion, while files no row ever named still go after Evidence:OrphanSweepAfter
/// and files a row names always stay. The sweep runs on a clock moved forward, not by waiting.
/// </summary>
public sealed class DeletedEvidenceRetentionTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Files_of_deleted_evidence_are_kept_for_the_retention_window_and_orphans_only_for_the_grace_period(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider, new Dictionary<string, string> { ["Evidence:RetainDeletedFor"] = "30.00:00:00" });
        var retention = EvidenceSweepService.RetentionPeriod(host.Services.GetRequiredService<IConfiguration>());
        Assert.Equal(TimeSpan.FromDays(30), retention);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);

        var control = await host.NewControlAsync(host.OrganizationA);
        var doomedControl = await host.NewControlAsync(host.OrganizationA);
        var (deleted, deletedFile) = await UploadAsync(host, contributor, api, control, "minutes deleted by mistake");
        var (_, keptFile) = await UploadAsync(host, contributor, api, control, "minutes still in use");
        var (_, withControlFile) = await UploadAsync(host, contributor, api, doomedControl, "minutes of a retired control");
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(new Uri($"{api}/evidence/{deleted}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(new Uri($"{api}/controls/{doomedControl}", UriKind.Relative))).StatusCode);

        // A file a killed upload left (no row ever named it), and every stored file old enough for the grace period.
        var orphanFile = Stored(host, Convert.ToHexStringLower(SHA256.HashData("left by a killed upload"u8)));
        Directory.CreateDirectory(Path.GetDirectoryName(orphanFile)!);
        await File.WriteAllTextAsync(orphanFile, "left by a killed upload");
        foreach (var file in new[] { deletedFile, keptFile, withControlFile, orphanFile })
        {
            Assert.True(File.Exists(file), file);
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow - (2 * Grace));
        }

        var now = DateTimeOffset.UtcNow;
        Assert.Equal(1, await SweepAsync(host, now, retention));
        Assert.False(File.Exists(orphanFile), "a file no row ever named outlived the grace period");
        Assert.True(File.Exists(deletedFile) && File.Exists(withControlFile), "the file of deleted evidence went at the next sweep");
        Assert.Equal(2, await ReleasesAsync(host));

        Assert.Equal(0, await SweepAsync(host, now.AddDays(29), retention));
        Assert.True(File.Exists(deletedFile) && File.Exists(withControlFile), "the file of deleted evidence went within the retention window");

        Assert.Equal(2, await SweepAsync(host, now.AddDays(31), retention));
        Assert.False(File.Exists(deletedFile), "the file of deleted evidence outlived the retention window");
        Assert.False(File.Exists(withControlFile), "the file of evidence deleted with its control outlived the retention window");
        Assert.True(File.Exists(keptFile), "a file a row names was removed");
        Assert.Equal(0, await ReleasesAsync(host));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bytes_uploaded_again_after_a_deletion_stay_while_the_new_row_names_them(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var control = await host.NewControlAsync(host.OrganizationA);
        var (first, file) = await UploadAsync(host, contributor, api, control, "the same minutes twice");
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(new Uri($"{api}/evidence/{first}", UriKind.Relative))).StatusCode);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-60));

        // Storing the same bytes again makes the stored file young: a sweep that read the rows a moment earlier spares it.
        var (_, again) = await UploadAsync(host, contributor, api, control, "the same minutes twice");
        Assert.Equal(file, again);
        Assert.True(DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < Grace, "storing known bytes again did not refresh the file");

        Assert.Equal(0, await SweepAsync(host, DateTimeOffset.UtcNow.AddDays(90), TimeSpan.FromDays(30)));
        Assert.True(File.Exists(file));
    }

    private static async Task<(string Id, string File)> UploadAsync(ApiHost host, HttpClient client, string api, Guid control, string text)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(text), "title" },
            { new StringContent("2026-04-01"), "effectiveOn" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", "minutes.txt" },
        };
        using var response = await client.PostAsync(new Uri($"{api}/controls/{control}/evidence/upload", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var id = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        return (id, Stored(host, sha));
    }

    private static string Stored(ApiHost host, string sha) => Path.Combine(host.EvidenceFolder, sha[..2], sha[2..4], sha);

    private static Task<int> SweepAsync(ApiHost host, DateTimeOffset now, TimeSpan retention) => host.WithScopeAsync(s =>
        new SweepOrphanFilesHandler(s.GetRequiredService<HarmoniaDbContext>(), s.GetRequiredService<IEvidenceStore>(), new FixedClock(now), NullLogger<SweepOrphanFilesHandler>.Instance)
            .HandleAsync(Grace, retention));

    private static Task<int> ReleasesAsync(ApiHost host) => host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().ReleasedEvidenceFiles.CountAsync());

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
