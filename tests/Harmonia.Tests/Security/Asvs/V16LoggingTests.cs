using System.Net;
using Harmonia.App.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Harmonia.Tests.Security.Asvs;

/// <summary>OWASP ASVS 5.0 chapter V16, security logging and error handling.</summary>
public sealed class V16LoggingTests
{
    [Fact]
    public async Task V16_2_2_console_log_lines_carry_a_utc_timestamp()
    {
        await using var host = await AsvsProbes.StartAsync();
        var options = host.Services.GetRequiredService<IOptionsMonitor<SimpleConsoleFormatterOptions>>().CurrentValue;

        Assert.True(options.UseUtcTimestamp);
        Assert.Equal("2026-12-04T08:09:10.123Z ", new DateTime(2026, 12, 4, 8, 9, 10, 123, DateTimeKind.Utc).ToString(options.TimestampFormat, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task V16_3_2_a_refused_authorization_is_logged_with_who_what_and_why()
    {
        var logs = new LogCollector();
        await using var host = await AsvsProbes.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(logs));
        using var client = host.RawClient();
        var controlId = await host.NewControlAsync(host.OrganizationA);

        using var forbidden = await AsvsProbes.SendAsync(client, HttpMethod.Delete, $"/api/orgs/{host.OrganizationA}/controls/{controlId}", host.TokensA[OrganizationRole.Viewer]);
        using var foreign = await AsvsProbes.SendAsync(client, HttpMethod.Get, $"/api/orgs/{host.OrganizationB}/controls", host.TokensA[OrganizationRole.Viewer]);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var refusals = logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Authorization refused", StringComparison.Ordinal)).Select(e => e.Message).ToList();
        Assert.Contains(refusals, m => m.Contains("viewer@a.example", StringComparison.Ordinal) && m.Contains($"DELETE /api/orgs/{host.OrganizationA}/controls/{controlId}", StringComparison.Ordinal));
        Assert.Contains(refusals, m => m.Contains("viewer@a.example", StringComparison.Ordinal) && m.Contains($"GET /api/orgs/{host.OrganizationB}/controls", StringComparison.Ordinal));
    }

    [Fact]
    public async Task V16_5_1_an_unexpected_error_answers_a_generic_problem_and_the_details_go_only_to_the_log()
    {
        var logs = new LogCollector();
        var clock = new FailingClock();
        await using var host = await AsvsProbes.StartAsync(services: s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.AddSingleton<TimeProvider>(clock);
        });
        using var client = host.RawClient();
        clock.FailFromNowOn();

        using var response = await AsvsProbes.SendAsync(client, HttpMethod.Get, $"/api/orgs/{host.OrganizationA}/controls", host.TokensA[OrganizationRole.Owner]);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var leak in new[] { "hunter2", "db-internal-7", "InvalidOperationException", "   at ", "Harmonia.", "stack", "exception" })
        {
            Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);
        }

        // V16.3.4: the operator still learns what happened.
        Assert.Contains(logs.Entries, e => e.Level >= LogLevel.Error && e.Exception?.Message == FailingClock.Secret);
    }
}
