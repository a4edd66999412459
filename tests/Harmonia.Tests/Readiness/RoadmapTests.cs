using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Readiness;

public sealed class RoadmapTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_acme_roadmap_takes_four_to_six_months_and_exports(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        var api = $"/api/orgs/{host.OrganizationA}";

        var plan = JsonDocument.Parse(await viewer.GetStringAsync(new Uri($"{api}/roadmap?start=2027-01-04", UriKind.Relative))).RootElement;

        Assert.InRange(plan.GetProperty("totalMonths").GetDouble(), 4, 6);
        Assert.False(plan.GetProperty("baselineFirst").GetBoolean());
        Assert.Equal("2027-01-04", plan.GetProperty("start").GetString());
        var tasks = plan.GetProperty("tasks").EnumerateArray().ToArray();
        Assert.True(tasks.Length >= 7, $"{tasks.Length} tasks");
        Assert.All(tasks, t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("ownerRole").GetString())));

        var xlsx = await viewer.GetByteArrayAsync(new Uri($"{api}/roadmap/export/xlsx", UriKind.Relative));
        using (var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(book));
        }

        using var browser = await host.SignedInAsync("viewer@a.example");
        var html = await browser.GetStringAsync(new Uri($"/orgs/{host.OrganizationA}/roadmap", UriKind.Relative));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("ISO/IEC 42001 on the ISMS", html, StringComparison.Ordinal);
    }
}
