using System.Net;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Hardening;

/// <summary>Long work stops when the request's time budget is spent, with a problem the client can read.</summary>
public sealed class TimeBudgetTests
{
    [Fact]
    public async Task A_document_pack_that_outlasts_the_budget_is_stopped_with_a_problem()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Limits:RequestSeconds"] = "0.001" });
        using var client = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";

        // Without answers the pack still renders every template (with missing-answer markers): enough work for 1 ms.
        using var response = await client.GetAsync(new Uri($"{api}/documents/pack.zip?format=docx,pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Time budget spent", body, StringComparison.Ordinal);
        Assert.Contains("Limits:RequestSeconds", body, StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
