using System.Net;
using System.Text;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Evidence;

/// <summary>One organization cannot fill the disk every tenant shares: evidence files stop at a quota per organization.</summary>
public sealed class EvidenceQuotaTests
{
    private static MultipartFormDataContent Upload(string name, int bytes) => new()
    {
        { new StringContent("Quota test " + name), "title" },
        { new StringContent("2026-04-01"), "effectiveOn" },
        { new ByteArrayContent(Encoding.UTF8.GetBytes(name + new string('x', bytes - name.Length))), "file", name + ".txt" },
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_upload_past_the_organizations_quota_is_refused_and_stores_no_row_while_other_organizations_keep_uploading(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider, new Dictionary<string, string> { ["Evidence:MaxBytesPerOrganization"] = "10000" });
        using var a = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var b = host.Client(host.TokenB);
        var controlA = await host.NewControlAsync(host.OrganizationA);
        var controlB = await host.NewControlAsync(host.OrganizationB);
        var uploadA = new Uri($"/api/orgs/{host.OrganizationA}/controls/{controlA}/evidence/upload", UriKind.Relative);

        Assert.Equal(HttpStatusCode.Created, (await a.PostAsync(uploadA, Upload("first", 6000))).StatusCode);
        using var refused = await a.PostAsync(uploadA, Upload("second", 6000));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("evidence storage is full", problem, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", refused.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);

        var listed = await a.GetStringAsync(new Uri($"/api/orgs/{host.OrganizationA}/controls/{controlA}", UriKind.Relative));
        Assert.Contains("Quota test first", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("Quota test second", listed, StringComparison.Ordinal);

        // The quota is per organization: the other tenant's upload of the same size goes through.
        Assert.Equal(HttpStatusCode.Created, (await b.PostAsync(new Uri($"/api/orgs/{host.OrganizationB}/controls/{controlB}/evidence/upload", UriKind.Relative), Upload("second", 6000))).StatusCode);
    }
}
