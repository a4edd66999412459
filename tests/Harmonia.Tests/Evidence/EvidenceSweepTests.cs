using System.Net;
using System.Security.Cryptography;
using System.Text;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Evidence;

/// <summary>The server sweeps files no record names on a schedule, not only at start, and keeps every file a record names.</summary>
public sealed class EvidenceSweepTests
{
    [Fact]
    public async Task A_running_server_removes_an_old_file_no_record_names_and_keeps_uploaded_evidence()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["Evidence:SweepEvery"] = "00:00:01",
            ["Evidence:OrphanSweepAfter"] = "00:10:00",
        });
        using var client = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var control = await host.NewControlAsync(host.OrganizationA);
        var bytes = Encoding.UTF8.GetBytes("kept evidence");
        using (var form = new MultipartFormDataContent { { new StringContent("Kept"), "title" }, { new StringContent("2026-04-01"), "effectiveOn" }, { new ByteArrayContent(bytes), "file", "kept.txt" } })
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync(new Uri($"/api/orgs/{host.OrganizationA}/controls/{control}/evidence/upload", UriKind.Relative), form)).StatusCode);
        }

        string Stored(string sha) => Path.Combine(host.EvidenceFolder, sha[..2], sha[2..4], sha);
        var kept = Stored(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.True(File.Exists(kept));

        // A file an interrupted upload left behind two hours ago, and one of today that may still be in flight.
        var orphanSha = Convert.ToHexStringLower(SHA256.HashData("left behind"u8));
        var orphan = Stored(orphanSha);
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        await File.WriteAllTextAsync(orphan, "left behind");
        File.SetLastWriteTimeUtc(orphan, DateTime.UtcNow.AddHours(-2));
        var fresh = Stored(Convert.ToHexStringLower(SHA256.HashData("in flight"u8)));
        Directory.CreateDirectory(Path.GetDirectoryName(fresh)!);
        await File.WriteAllTextAsync(fresh, "in flight");
        File.SetLastWriteTimeUtc(kept, DateTime.UtcNow.AddHours(-2));

        // Waits for the schedule (ticks every second) with a generous deadline; no claim about speed is made.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (File.Exists(orphan) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.False(File.Exists(orphan), "the scheduled sweep did not remove the old orphan file");
        Assert.True(File.Exists(kept), "a file a record names was removed");
        Assert.True(File.Exists(fresh), "a file younger than Evidence:OrphanSweepAfter was removed");
    }
}
