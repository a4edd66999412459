using System.Text.Json;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Architecture;

/// <summary>The OpenAPI document: served with the security headers, and telling a client every error an endpoint can answer.</summary>
public sealed class OpenApiDocumentTests(ReadOnlyHost shared) : IClassFixture<ReadOnlyHost>
{
    [Fact]
    public async Task The_document_is_served_with_the_security_headers()
    {
        using var client = shared.Host.Client(null);
        using var openApi = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var document = JsonDocument.Parse(await openApi.Content.ReadAsStringAsync());

        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/orgs/{orgId}/controls/{controlId}", out _));
        Assert.Equal("nosniff", openApi.Headers.GetValues("X-Content-Type-Options").Single());
        var csp = openApi.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_organization_operation_lists_its_problem_responses()
    {
        using var client = shared.Host.Client(null);
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
