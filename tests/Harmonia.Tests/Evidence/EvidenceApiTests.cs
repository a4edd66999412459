using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Evidence;

/// <summary>Evidence through the REST API: uploads hashed while streaming, stored by content, versions never change.</summary>
public sealed class EvidenceApiTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName, string? title = "Access review minutes Q2", string? sha256 = null, string? expiresOn = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in new[] { ("title", title), ("sha256", sha256), ("effectiveOn", "2026-04-01"), ("expiresOn", expiresOn) })
        {
            if (value is not null)
            {
                form.Add(new StringContent(value), name);
            }
        }

        return form;
    }

    private static async Task<int> EvidenceRowsAsync(ApiHost host) => await host.WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
        var db = s.GetRequiredService<HarmoniaDbContext>();
        return await db.Evidence.CountAsync() + await db.EvidenceVersions.CountAsync();
    });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_uploaded_file_is_hashed_stored_by_content_sniffed_and_downloaded_unchanged(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var client = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var controlId = await host.NewControlAsync(host.OrganizationA);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Pdf));

        using var response = await client.PostAsync(
            new Uri($"/api/orgs/{host.OrganizationA}/controls/{controlId}/evidence/upload", UriKind.Relative),
            Upload(Pdf, "../../etc/Review: <Q2>\u0007.pdf", sha256: sha256.ToUpperInvariant(), expiresOn: "2027-03-31"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ReadAsync(response);
        var version = body.GetProperty("versions")[0];
        Assert.Equal("file", version.GetProperty("kind").GetString());
        Assert.Equal(sha256, version.GetProperty("sha256").GetString());
        Assert.Equal(Pdf.Length, version.GetProperty("sizeBytes").GetInt64());
        Assert.Equal("application/pdf", version.GetProperty("contentType").GetString());
        Assert.Equal("Review_ _Q2__.pdf", version.GetProperty("fileName").GetString());
        Assert.Equal("2027-03-31", version.GetProperty("expiresOn").GetString());
        Assert.True(File.Exists(Path.Combine(host.EvidenceFolder, sha256[..2], sha256[2..4], sha256)));
        Assert.Empty(Directory.GetFiles(Path.Combine(host.EvidenceFolder, "incoming")));

        using var download = await client.GetAsync(new Uri(response.Headers.Location + "/versions/1/file", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"\"{sha256}\"", download.Headers.ETag?.Tag);

        var control = await ReadAsync(await client.GetAsync(new Uri($"/api/orgs/{host.OrganizationA}/controls/{controlId}", UriKind.Relative)));
        Assert.Equal("Access review minutes Q2", control.GetProperty("evidence")[0].GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_refused_upload_is_a_problem_and_leaves_no_row_and_no_file(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider, new Dictionary<string, string> { ["Evidence:MaxFileBytes"] = "1000" });
        using var client = host.Client(host.TokensA[OrganizationRole.Owner]);
        var controlId = await host.NewControlAsync(host.OrganizationA);
        var url = new Uri($"/api/orgs/{host.OrganizationA}/controls/{controlId}/evidence/upload", UriKind.Relative);
        var rows = await EvidenceRowsAsync(host);

        var cases = new (MultipartFormDataContent Form, HttpStatusCode Status, string Detail)[]
        {
            (Upload(Pdf, "minutes.pdf", sha256: new string('a', 64)), HttpStatusCode.BadRequest, "it changed on the way"),
            (Upload(new byte[1001], "big.txt"), HttpStatusCode.RequestEntityTooLarge, "limited to"),
            (Upload([0x4D, 0x5A, 0x90, 0x00, 0x03], "tool.pdf"), HttpStatusCode.BadRequest, "executable"),
            (Upload(Encoding.UTF8.GetBytes("<!doctype html><script>alert(1)</script>"), "page.txt"), HttpStatusCode.BadRequest, "HTML"),
            (Upload([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "scan.pdf"), HttpStatusCode.BadRequest, "named .pdf but its content is image/png"),
            (Upload(Pdf, "minutes.pdf", title: null), HttpStatusCode.BadRequest, "invalid"),
            (Upload([], "empty.pdf"), HttpStatusCode.BadRequest, "file"),
        };
        foreach (var (form, status, detail) in cases)
        {
            using (form)
            using (var response = await client.PostAsync(url, form))
            {
                Assert.Equal(status, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Contains(detail, (await ReadAsync(response)).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.Equal(rows, await EvidenceRowsAsync(host));
        Assert.Empty(Directory.EnumerateFiles(host.EvidenceFolder, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_version_supersedes_without_changing_the_old_one_and_expiry_filters_the_list(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var client = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var controlId = await host.NewControlAsync(host.OrganizationA);
        var api = $"/api/orgs/{host.OrganizationA}";

        using var link = await client.PostAsync(
            new Uri($"{api}/controls/{controlId}/evidence", UriKind.Relative),
            new StringContent("""{"title":"Supplier certificate","url":"https://supplier.example/iso27001.pdf","effectiveOn":"2024-01-01","expiresOn":"2025-01-01"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, link.StatusCode);
        var evidence = link.Headers.Location!.OriginalString;

        var expired = await ReadAsync(await client.GetAsync(new Uri($"{api}/evidence?freshness=Expired&controlId={controlId}", UriKind.Relative)));
        Assert.Equal(1, expired.GetProperty("total").GetInt32());

        using var renewed = await client.PostAsync(new Uri(evidence + "/versions/upload", UriKind.Relative), Upload(Pdf, "certificate-2026.pdf", title: null, expiresOn: "2099-01-01"));
        Assert.Equal(HttpStatusCode.Created, renewed.StatusCode);

        var detail = await ReadAsync(await client.GetAsync(new Uri(evidence, UriKind.Relative)));
        var versions = detail.GetProperty("versions");
        Assert.Equal(2, versions.GetArrayLength());
        Assert.Equal(("file", 2), (versions[0].GetProperty("kind").GetString(), versions[0].GetProperty("number").GetInt32()));
        Assert.Equal(("link", "2025-01-01"), (versions[1].GetProperty("kind").GetString(), versions[1].GetProperty("expiresOn").GetString()));
        Assert.Equal(0, (await ReadAsync(await client.GetAsync(new Uri($"{api}/evidence?freshness=Expired&controlId={controlId}", UriKind.Relative)))).GetProperty("total").GetInt32());
        Assert.Equal(1, (await ReadAsync(await client.GetAsync(new Uri($"{api}/evidence?freshness=Current&controlId={controlId}", UriKind.Relative)))).GetProperty("total").GetInt32());

        // Behind the API: changing a stored version is refused by the model itself.
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var db = s.GetRequiredService<HarmoniaDbContext>();
            var first = await db.EvidenceVersions.SingleAsync(v => v.Number == 1 && v.Url != null);
            first.ExpiresOn = new DateOnly(2099, 1, 1);
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("immutable", refused.Message, StringComparison.Ordinal);

        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var trail = await ReadAsync(await owner.GetAsync(new Uri($"{api}/audit-trail?pageSize=5", UriKind.Relative)));
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), e => e.GetProperty("entityType").GetString() == "EvidenceVersion" && e.GetProperty("changes").GetString()!.Contains("certificate-2026.pdf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evidence_of_another_organization_answers_404_even_with_a_valid_id()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        var foreignControl = await host.NewControlAsync(host.OrganizationB);
        var foreignEvidence = await host.NewEvidenceAsync(host.OrganizationB, foreignControl);
        using var client = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"{api}/evidence/{foreignEvidence}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"{api}/evidence/{foreignEvidence}/versions/1/file", UriKind.Relative))).StatusCode);
        using var version = await client.PostAsync(new Uri($"{api}/evidence/{foreignEvidence}/versions", UriKind.Relative), new StringContent("""{"note":"x"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, version.StatusCode);
        using var attach = await client.PostAsync(new Uri($"{api}/controls/{foreignControl}/evidence", UriKind.Relative), new StringContent("""{"title":"x"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, attach.StatusCode);
    }
}
