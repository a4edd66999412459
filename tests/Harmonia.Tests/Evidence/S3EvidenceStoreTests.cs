using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.S3.Model;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Evidence;

/// <summary>
/// Issue 17 item 2: evidence files in an S3-compatible store (a real s3rver on 127.0.0.1), verified on write, streamed
/// or handed out as presigned addresses, and migrated from the local folder with resumption.
/// </summary>
public sealed class S3EvidenceStoreTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string TempFolder() => Path.Combine(Path.GetTempPath(), "harmonia-s3-local-" + Guid.NewGuid().ToString("N"));

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    private static byte[] PdfOf(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    [S3Fact]
    public async Task A_file_goes_up_and_comes_back_with_the_same_hash_and_the_bucket_holds_exactly_those_bytes()
    {
        await using var server = await S3Server.StartAsync();
        var folder = TempFolder();
        try
        {
            using var store = new S3EvidenceStore(server.Settings(), new EvidenceStoreSettings(folder, 1024 * 1024));
            var stored = await store.SaveAsync(new MemoryStream(Pdf), "minutes.pdf", Sha(Pdf).ToUpperInvariant());

            Assert.Equal(Sha(Pdf), stored.Sha256);
            Assert.Equal("application/pdf", stored.ContentType);
            Assert.Equal(Pdf, await ReadAllAsync((await store.OpenAsync(stored.Sha256))!));
            Assert.True(await store.ExistsAsync(stored.Sha256));
            Assert.Equal([stored.Sha256], await store.ListAsync().Select(o => o.Sha256).ToListAsync());

            // Read by another client, the object is the file itself: no chunk signatures stored with it.
            using var client = server.Client();
            using var raw = await client.GetObjectAsync(S3Server.Bucket, S3EvidenceStore.KeyOf(stored.Sha256));
            Assert.Equal(Pdf, await ReadAllAsync(raw.ResponseStream));

            // Nothing stays behind locally: the upload was received in the incoming folder and sent on.
            Assert.Empty(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));
            Assert.Null(await store.OpenAsync(new string('a', 64)));
            Assert.False(await store.ExistsAsync(new string('a', 64)));

            // The orphan sweep lists and deletes through the same store.
            Assert.Equal(1, await store.SweepUnreferencedAsync(new HashSet<string>(), TimeSpan.Zero, DateTime.UtcNow.AddMinutes(5)));
            Assert.False(await store.ExistsAsync(stored.Sha256));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [S3Fact]
    public async Task A_file_over_the_multipart_threshold_goes_up_in_parts_and_is_verified_whole()
    {
        await using var server = await S3Server.StartAsync();
        var folder = TempFolder();
        try
        {
            var content = PdfOf(20 * 1024 * 1024 + 12345, seed: 17);
            using var store = new S3EvidenceStore(server.Settings(), new EvidenceStoreSettings(folder, 64L * 1024 * 1024));
            var stored = await store.SaveAsync(new MemoryStream(content), "scan.pdf", null);

            Assert.Equal(Sha(content), stored.Sha256);
            Assert.Equal(content.Length, stored.SizeBytes);
            Assert.Equal(Sha(content), Sha(await ReadAllAsync((await store.OpenAsync(stored.Sha256))!)));

            // Three parts of 8 MB at most: the server saw part 3 of a multipart upload, and no plain PUT of the whole.
            var log = string.Join('\n', server.Log);
            Assert.Contains("partNumber=3", log, StringComparison.Ordinal);
            Assert.DoesNotContain("partNumber=4", log, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [S3Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Evidence_uploaded_through_the_api_lands_in_the_bucket_and_downloads_unchanged(DatabaseProvider provider)
    {
        await using var server = await S3Server.StartAsync();
        await using var host = await ApiHost.StartAsync(provider, server.Configuration());
        using var client = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var controlId = await host.NewControlAsync(host.OrganizationA);

        using var response = await client.PostAsync(new Uri($"/api/orgs/{host.OrganizationA}/controls/{controlId}/evidence/upload", UriKind.Relative), Upload(Pdf, "review.pdf"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Sha(Pdf), JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("versions")[0].GetProperty("sha256").GetString());

        using var s3 = server.Client();
        Assert.Equal(Pdf, await ReadAllAsync((await s3.GetObjectAsync(S3Server.Bucket, S3EvidenceStore.KeyOf(Sha(Pdf)))).ResponseStream));
        Assert.Empty(Directory.EnumerateFiles(host.EvidenceFolder, "*", SearchOption.AllDirectories));

        using var download = await client.GetAsync(new Uri(response.Headers.Location + "/versions/1/file", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal($"\"{Sha(Pdf)}\"", download.Headers.ETag?.Tag);

        // Another organization's token still finds nothing, whichever store keeps the file.
        using var foreign = host.Client(host.TokenB);
        var evidenceId = response.Headers.Location!.OriginalString.Split('/')[^1];
        using var refused = await foreign.GetAsync(new Uri($"/api/orgs/{host.OrganizationB}/evidence/{evidenceId}/versions/1/file", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        using var raw = host.RawClient();
        var (ready, body) = await Operations.TelemetryAndHealthTests.ReadyAsync(raw);
        Assert.True(ready == HttpStatusCode.OK, body);
    }

    [S3Fact]
    public async Task An_object_the_store_gives_back_changed_fails_the_upload_and_nothing_is_recorded()
    {
        await using var server = await S3Server.StartAsync();
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, server.Configuration());
        using var client = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var controlId = await host.NewControlAsync(host.OrganizationA);
        var before = await EvidenceRowsAsync(host);

        // Between the upload and its read-back the object changes on the server, as a server that mangles uploads would leave it.
        using var tamperer = server.Client();
        var store = (S3EvidenceStore)host.Services.GetRequiredService<IEvidenceStore>();
        store.AfterUpload = (key, ct) => tamperer.PutObjectAsync(
            new PutObjectRequest { BucketName = S3Server.Bucket, Key = key, InputStream = new MemoryStream([.. Pdf, .. "tail"u8.ToArray()]), UseChunkEncoding = false }, ct);

        using var response = await client.PostAsync(new Uri($"/api/orgs/{host.OrganizationA}/controls/{controlId}/evidence/upload", UriKind.Relative), Upload(Pdf, "review.pdf"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("gave back different bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await EvidenceRowsAsync(host));
        Assert.False(await store.ExistsAsync(Sha(Pdf)));

        // Without the fault the same upload succeeds: the refusal came from the check, not from the request.
        store.AfterUpload = null;
        using var retried = await client.PostAsync(new Uri($"/api/orgs/{host.OrganizationA}/controls/{controlId}/evidence/upload", UriKind.Relative), Upload(Pdf, "review.pdf"));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.True(await store.ExistsAsync(Sha(Pdf)));
    }

    [S3Fact]
    public async Task Bytes_sent_with_the_sdk_defaults_come_back_changed_from_this_server_and_the_check_refuses_them()
    {
        await using var server = await S3Server.StartAsync();
        var folder = TempFolder();
        try
        {
            // A client left at the SDK's defaults (checksums whenever supported, chunked upload encoding) sends the same
            // bytes over the store's upload; s3rver, like some other S3-compatible servers, keeps the chunk framing.
            var config = new Amazon.S3.AmazonS3Config { ServiceURL = server.ServiceUrl.AbsoluteUri, ForcePathStyle = true, AuthenticationRegion = "us-east-1" };
            using var defaults = new Amazon.S3.AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials("S3RVER", "S3RVER"), config);
            using var store = new S3EvidenceStore(server.Settings(), new EvidenceStoreSettings(folder, 1024 * 1024));
            store.AfterUpload = (key, ct) => defaults.PutObjectAsync(new PutObjectRequest { BucketName = S3Server.Bucket, Key = key, InputStream = new MemoryStream(Pdf) }, ct);

            var refused = await Assert.ThrowsAsync<EvidenceStoreException>(() => store.SaveAsync(new MemoryStream(Pdf), "minutes.pdf", null));
            Assert.Contains("gave back different bytes", refused.Message, StringComparison.Ordinal);
            Assert.False(await store.ExistsAsync(Sha(Pdf)));

            // With the store's own settings the same bytes arrive intact.
            store.AfterUpload = null;
            Assert.Equal(Sha(Pdf), (await store.SaveAsync(new MemoryStream(Pdf), "minutes.pdf", null)).Sha256);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [S3Fact]
    public async Task With_presigned_downloads_the_file_address_redirects_to_the_bucket_for_a_short_while()
    {
        await using var server = await S3Server.StartAsync();
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, server.Configuration(presignedDownloadMinutes: 5));
        using var client = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var controlId = await host.NewControlAsync(host.OrganizationA);
        using var response = await client.PostAsync(new Uri($"/api/orgs/{host.OrganizationA}/controls/{controlId}/evidence/upload", UriKind.Relative), Upload(Pdf, "Review Q2.pdf"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        using var raw = host.RawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(response.Headers.Location + "/versions/1/file", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.TokensA[OrganizationRole.Contributor]);
        using var redirect = await raw.SendAsync(request);

        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.True(redirect.Headers.CacheControl?.NoStore);
        var address = redirect.Headers.Location!;
        Assert.StartsWith(server.ServiceUrl.AbsoluteUri + S3Server.Bucket + "/", address.AbsoluteUri, StringComparison.Ordinal);
        // s3rver does not check SigV4 signatures, so the address's lifetime is checked here rather than a forged one refused.
        var lifetime = int.Parse(System.Text.RegularExpressions.Regex.Match(address.Query, "X-Amz-Expires=([0-9]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(lifetime, 290, 301);

        // The browser follows it without any Harmonia credential; the bucket serves the file under its name and type.
        using var plain = new HttpClient();
        using var file = await plain.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Review Q2.pdf", file.Content.Headers.ContentDisposition?.FileNameStar);

        // A version that has no file is still a 404 from Harmonia, not a redirect to nothing.
        using var missing = new HttpRequestMessage(HttpMethod.Get, new Uri(response.Headers.Location + "/versions/2/file", UriKind.Relative));
        missing.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.TokensA[OrganizationRole.Contributor]);
        using var notFound = await raw.SendAsync(missing);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    [S3Fact]
    public async Task A_published_documents_files_are_kept_in_the_bucket_and_its_download_page_redirects_there()
    {
        await using var server = await S3Server.StartAsync();
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, server.Configuration(presignedDownloadMinutes: 2));
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
        (await contributor.PutAsync(new Uri($"{api}/answers", UriKind.Relative), Json(Documents.DocumentControlTests.AcmeAnswersJson()))).EnsureSuccessStatusCode();
        (await contributor.PostAsync(new Uri($"{api}/documents/generate", UriKind.Relative), Json("{}"))).EnsureSuccessStatusCode();
        var list = JsonDocument.Parse(await contributor.GetStringAsync(new Uri($"{api}/documents", UriKind.Relative))).RootElement;
        var id = list.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("templateId").GetString() == "ai-policy").GetProperty("documentId").GetString();
        var url = $"{api}/documents/{id}";
        Assert.Equal(HttpStatusCode.NoContent, (await contributor.PostAsync(new Uri(url + "/submit", UriKind.Relative), Json("""{"change":"material"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(new Uri(url + "/approve", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(new Uri(url + "/publish", UriKind.Relative), null)).StatusCode);

        // The page route (a signed-in browser) answers with the bucket's address; the bytes there are the kept PDF.
        using var browser = await host.SignedInAsync("viewer@a.example");
        using var redirect = await browser.GetAsync(new Uri($"/orgs/{host.OrganizationA}/documents/{id}/revisions/1/pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        using var plain = new HttpClient();
        var pdf = await plain.GetByteArrayAsync(redirect.Headers.Location!);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        using var s3 = server.Client();
        using var stored = await s3.GetObjectAsync(S3Server.Bucket, S3EvidenceStore.KeyOf(Sha(pdf)));
        Assert.Equal(pdf, await ReadAllAsync(stored.ResponseStream));
        Assert.Empty(Directory.EnumerateFiles(host.EvidenceFolder, "*", SearchOption.AllDirectories));
    }

    [S3Fact]
    public async Task Evidence_migrate_copies_every_local_file_with_verification_and_resumes_after_an_interruption()
    {
        await using var server = await S3Server.StartAsync();
        var folder = TempFolder();
        try
        {
            var settings = new EvidenceStoreSettings(folder, 64L * 1024 * 1024);
            var local = new LocalEvidenceStore(settings);
            var files = new List<byte[]> { Pdf, PdfOf(4096, 1), PdfOf(9 * 1024 * 1024, 2) };
            foreach (var (bytes, i) in files.Select((b, i) => (b, i)))
            {
                await local.SaveAsync(new MemoryStream(bytes), $"file{i}.pdf", null);
            }

            // The first run is interrupted once one file is across.
            var choice = new EvidenceStoreChoice(false, server.Settings());
            using var stop = new CancellationTokenSource();
            var copiedBeforeStop = new List<string>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new MigrateEvidenceToS3Handler(settings, choice).HandleAsync(
                step =>
                {
                    copiedBeforeStop.Add(step.Sha256);
                    stop.Cancel();
                },
                cancellationToken: stop.Token));
            Assert.Single(copiedBeforeStop);

            var configuration = server.Configuration();
            configuration["Evidence:Store"] = "local";
            configuration["Evidence:Folder"] = folder;
            var run = await RunCliAsync(configuration, "evidence", "migrate", "--to", "s3");
            Assert.True(run.ExitCode == 0, run.Error + run.Out);
            Assert.Contains("3 files in", run.Out, StringComparison.Ordinal);
            Assert.Contains("2 copied and verified, 1 already there, 0 failed", run.Out, StringComparison.Ordinal);
            Assert.Contains($"already there {copiedBeforeStop[0]}", run.Out, StringComparison.Ordinal);

            using var store = new S3EvidenceStore(server.Settings(), settings);
            foreach (var bytes in files)
            {
                Assert.Equal(Sha(bytes), await store.HashOfObjectAsync(S3EvidenceStore.KeyOf(Sha(bytes)), CancellationToken.None));
            }

            // The local folder is left as it was; a third run finds everything in place.
            Assert.Equal(3, await local.ListAsync().CountAsync());
            var again = await RunCliAsync(configuration, "evidence", "migrate", "--to", "s3");
            Assert.Equal(0, again.ExitCode);
            Assert.Contains("0 copied and verified, 3 already there, 0 failed", again.Out, StringComparison.Ordinal);

            // An object that went bad in the bucket is not "already there": it is sent again.
            using var client = server.Client();
            await client.PutObjectAsync(new PutObjectRequest { BucketName = S3Server.Bucket, Key = S3EvidenceStore.KeyOf(Sha(Pdf)), ContentBody = "damaged", UseChunkEncoding = false });
            var healed = await RunCliAsync(configuration, "evidence", "migrate", "--to", "s3");
            Assert.Contains("1 copied and verified, 2 already there, 0 failed", healed.Out, StringComparison.Ordinal);
            Assert.Equal(Sha(Pdf), await store.HashOfObjectAsync(S3EvidenceStore.KeyOf(Sha(Pdf)), CancellationToken.None));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [S3Fact]
    public async Task Evidence_migrate_fails_with_a_readable_line_on_a_damaged_local_file_or_an_unreachable_store()
    {
        await using var server = await S3Server.StartAsync();
        var folder = TempFolder();
        try
        {
            var local = new LocalEvidenceStore(new EvidenceStoreSettings(folder, 1024 * 1024));
            var good = await local.SaveAsync(new MemoryStream(Pdf), "good.pdf", null);
            var bad = await local.SaveAsync(new MemoryStream(PdfOf(2048, 3)), "bad.pdf", null);
            await File.WriteAllTextAsync(Path.Combine(folder, bad.Sha256[..2], bad.Sha256[2..4], bad.Sha256), "bit rot");

            var configuration = server.Configuration();
            configuration["Evidence:Folder"] = folder;
            var run = await RunCliAsync(configuration, "evidence", "migrate", "--to", "s3");
            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"FAILED  {bad.Sha256}: the local file's bytes hash to", run.Out, StringComparison.Ordinal);
            Assert.Contains("1 copied and verified, 0 already there, 1 failed", run.Out, StringComparison.Ordinal);
            Assert.StartsWith("error: 1 files were not migrated", run.Error, StringComparison.Ordinal);
            using var store = new S3EvidenceStore(server.Settings(), new EvidenceStoreSettings(folder, 1024 * 1024));
            Assert.True(await store.ExistsAsync(good.Sha256));
            Assert.False(await store.ExistsAsync(bad.Sha256));

            configuration["Evidence:S3:ServiceUrl"] = $"http://127.0.0.1:{ServerProcess.FreePort()}/";
            var unreachable = await RunCliAsync(configuration, "evidence", "migrate", "--to", "s3");
            Assert.Equal(1, unreachable.ExitCode);
            Assert.Contains("cannot be reached", unreachable.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("S3RVER", unreachable.Error, StringComparison.Ordinal);

            var wrongTarget = await RunCliAsync(configuration, "evidence", "migrate", "--to", "azure");
            Assert.Equal(2, wrongTarget.ExitCode);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Settings_that_cannot_work_are_refused_with_the_setting_named()
    {
        static string Refusal(Dictionary<string, string> values) =>
            Assert.Throws<InvalidInputException>(() => EvidenceStoreChoice.From(key => values.GetValueOrDefault(key))).Message;

        Assert.Contains("Evidence:Store", Refusal(new() { ["Evidence:Store"] = "ftp" }), StringComparison.Ordinal);
        Assert.Contains("Evidence:S3:Bucket", Refusal(new() { ["Evidence:Store"] = "s3" }), StringComparison.Ordinal);
        Assert.Contains("ServiceUrl", Refusal(new() { ["Evidence:S3:Bucket"] = "b", ["Evidence:S3:ServiceUrl"] = "file:///etc" }), StringComparison.Ordinal);
        Assert.Contains("PresignedDownloadMinutes", Refusal(new() { ["Evidence:S3:Bucket"] = "b", ["Evidence:S3:PresignedDownloadMinutes"] = "-1" }), StringComparison.Ordinal);
        Assert.Contains("go together", Refusal(new() { ["Evidence:S3:Bucket"] = "b", ["Evidence:S3:AccessKey"] = "k" }), StringComparison.Ordinal);

        var chosen = EvidenceStoreChoice.From(key => key == "Evidence:S3:Bucket" ? "b" : null);
        Assert.False(chosen.UseS3);
        Assert.True(chosen.S3!.ForcePathStyle);
        Assert.Equal(0, chosen.S3.PresignedDownloadMinutes);
        Assert.IsType<LocalEvidenceStore>(chosen.Create(new EvidenceStoreSettings(TempFolder(), 1)));
    }

    private static async Task<CliRun> RunCliAsync(Dictionary<string, string> configuration, params string[] args)
    {
        await using var stdout = new StringWriter();
        await using var stderr = new StringWriter();
        var code = await Harmonia.Cli.HarmoniaCli.RunAsync(args, stdout, stderr, settings: key => configuration.GetValueOrDefault(key));
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        form.Add(new StringContent("Access review minutes"), "title");
        form.Add(new StringContent("2026-04-01"), "effectiveOn");
        return form;
    }

    private static async Task<int> EvidenceRowsAsync(ApiHost host) => await host.WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
        var db = s.GetRequiredService<HarmoniaDbContext>();
        return await db.Evidence.CountAsync() + await db.EvidenceVersions.CountAsync();
    });
}
