using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Architecture;

/// <summary>A key or name already in use answers 409 Conflict with problem details everywhere (ADR 0012), and changes nothing.</summary>
public sealed class DuplicateConflictTests
{
    [Theory]
    [InlineData("audits", """{"key":"IA-DUP-1","title":"AI audit","frameworks":["iso42001-2023"],"plannedStart":"2026-06-01","plannedEnd":"2026-06-03","auditors":["Internal auditor"]}""")]
    [InlineData("competence/competences", """{"key":"model-red-teaming","name":"Model red teaming","area":"ai"}""")]
    [InlineData("controls", """{"key":"DUP-1","name":"Duplicate control","status":"planned","requirements":[]}""")]
    public async Task A_second_record_with_the_same_key_is_a_conflict(string collection, string body)
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var url = new Uri($"/api/orgs/{host.OrganizationA}/{collection}", UriKind.Relative);

        using var first = await owner.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var second = await owner.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Contains("already", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
