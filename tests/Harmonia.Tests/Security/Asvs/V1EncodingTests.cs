using System.Net;
using System.Net.Http.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Security.Asvs;

/// <summary>OWASP ASVS 5.0 chapter V1, encoding and sanitization (the rest is proven by the rendering and export tests the document names).</summary>
public sealed class V1EncodingTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task V1_2_2_evidence_links_accept_only_http_and_https(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var client = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var controlId = await host.NewControlAsync(host.OrganizationA);
        var url = new Uri($"/api/orgs/{host.OrganizationA}/controls/{controlId}/evidence", UriKind.Relative);

        foreach (var link in new[] { "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "vbscript:msgbox(1)", "//evil.example/x" })
        {
            using var refused = await client.PostAsJsonAsync(url, new { title = "Link", url = link, effectiveOn = "2026-04-01" });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Equal(0, await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            return await s.GetRequiredService<HarmoniaDbContext>().Evidence.CountAsync(e => e.ControlId == controlId);
        }));

        using var accepted = await client.PostAsJsonAsync(url, new { title = "Link", url = "https://intranet.example/review", effectiveOn = "2026-04-01" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }
}
