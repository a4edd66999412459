using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Harmonia.Tests.Organizations;

public sealed class StartPageTests : IClassFixture<StartPageTests.SqliteAppFactory>
{
    private readonly WebApplicationFactory<Program> _factory;

    public StartPageTests(SqliteAppFactory factory) => _factory = factory;

    /// <summary>The app on a throwaway SQLite file, never the repository's working folder.</summary>
    public sealed class SqliteAppFactory : WebApplicationFactory<Program>
    {
        private readonly string _file = Path.Combine(Path.GetTempPath(), $"harmonia-web-{Guid.NewGuid():N}.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.UseSetting("ConnectionStrings:Harmonia", $"Data Source={_file};Pooling=False");

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            File.Delete(_file);
        }
    }

    [Fact]
    public async Task Start_page_lists_the_loaded_frameworks()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("ISO/IEC 27001:2022", html, StringComparison.Ordinal);
        Assert.Contains("ISO/IEC 42001:2023", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\"", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_the_content_version()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(5, body.GetProperty("checks")[0].GetProperty("data").GetProperty("frameworks").GetInt32());
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task The_stylesheet_is_served_whole_in_every_environment(string environment)
    {
        using var client = _factory.WithWebHostBuilder(b => b.UseEnvironment(environment)).CreateClient();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var stylesheet = System.Text.RegularExpressions.Regex.Match(html, "href=\"/?(app\\.[^\"]+\\.css)\"").Groups[1].Value;

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/" + stylesheet, UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100, $"{stylesheet} came back empty in {environment}");
    }

    [Fact]
    public async Task Unknown_pages_answer_404()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
