using System.Text.Json;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Architecture;

/// <summary>The OpenAPI document tells a client generator every error an organization endpoint can answer.</summary>
public sealed class OpenApiErrorResponseTests
{
    [Fact]
    public async Task Every_organization_operation_lists_its_problem_responses()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var client = host.Client(null);
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var checkedOperations = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/orgs/{orgId}", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete"))
            {
                var responses = operation.Value.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
                string[] expected = operation.Name == "get" ? ["400", "401", "403", "404"] : ["400", "401", "403", "404", "409", "412", "428"];
                Assert.True(expected.All(responses.Contains), $"{operation.Name.ToUpperInvariant()} {path.Name} lists {string.Join(", ", responses.Order())}");
                var notFound = operation.Value.GetProperty("responses").GetProperty("404").GetProperty("content");
                Assert.True(notFound.TryGetProperty("application/problem+json", out _), $"{path.Name}: 404 is not problem details");
                checkedOperations++;
            }
        }

        Assert.True(checkedOperations > 100, $"only {checkedOperations} organization operations in the document");
    }
}
