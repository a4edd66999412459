using System.Text.Json;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Certification;

public sealed class AuditTimeCommandTests
{
    [Fact]
    public async Task Audit_time_states_the_acme_figures_as_text_and_json_and_refuses_an_unknown_organization()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var import = await CliRun.OnAsync(database, "org", "import", CliRun.Example("acme-iso27001-certified.yaml"));
        var id = System.Text.RegularExpressions.Regex.Match(import.Out, "organization ([0-9a-f-]{36})").Groups[1].Value;

        var text = await CliRun.OnAsync(database, "audit-time", "--org", id);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("## ISO/IEC 27001: 15.5 days initial", text.Out, StringComparison.Ordinal);
        Assert.Contains("Initial 15.5 (Stage 1 5.0 + Stage 2 10.5), surveillance 5.5 per year, recertification 10.5", text.Out, StringComparison.Ordinal);
        Assert.Contains("## ISO/IEC 42001: 24.5 days initial", text.Out, StringComparison.Ordinal);
        Assert.Contains("## Integrated audit: 40.0 days initial", text.Out, StringComparison.Ordinal);
        Assert.Contains("- [ ] One risk methodology for information-security and AI risks", text.Out, StringComparison.Ordinal);
        Assert.Contains("## Sources (checked 2026-12-04; verify with your certification body)", text.Out, StringComparison.Ordinal);

        var json = await CliRun.OnAsync(database, "audit-time", "--org", id, "--format", "json");
        Assert.Equal(0, json.ExitCode);
        var estimate = JsonDocument.Parse(json.Out).RootElement.GetProperty("estimate");
        Assert.Equal(40.0, estimate.GetProperty("integrated").GetProperty("days").GetProperty("initial").GetDouble());

        var unknown = await CliRun.OnAsync(database, "audit-time", "--org", Guid.NewGuid().ToString());
        Assert.Equal((1, true), (unknown.ExitCode, unknown.Error.Contains("There is no organization", StringComparison.Ordinal)));
        Assert.Equal(2, (await CliRun.OnAsync(database, "audit-time", "--org", id, "--format", "xml")).ExitCode);
    }
}
