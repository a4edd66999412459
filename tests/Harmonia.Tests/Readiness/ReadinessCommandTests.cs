using System.Text.Json;
using Harmonia.App.Features.Audits;
using Harmonia.App.Persistence;
using Harmonia.Cli;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Readiness;

public sealed class ReadinessCommandTests
{
    [Fact]
    public async Task Readiness_lists_the_blocking_items_gates_a_pipeline_and_the_audit_report_is_written()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var import = await CliRun.OnAsync(database, "org", "import", CliRun.Example("acme-iso27001-certified.yaml"));
        var id = System.Text.RegularExpressions.Regex.Match(import.Out, "organization ([0-9a-f-]{36})").Groups[1].Value;

        var table = await CliRun.OnAsync(database, "readiness", "--org", id);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Integrated audit: ISO/IEC 27001:2022 + ISO/IEC 42001:2023", table.Out, StringComparison.Ordinal);
        Assert.Contains("Stage 1 (documents and records): not ready, 0% (0 of 34 checks pass)", table.Out, StringComparison.Ordinal);
        Assert.Contains("- No internal audit completed since", table.Out, StringComparison.Ordinal);

        var gate = await CliRun.OnAsync(database, "readiness", "--org", id, "--check", "--format", "json");
        Assert.Equal(ReadinessCommands.NotReady, gate.ExitCode);
        var json = JsonDocument.Parse(gate.Out).RootElement;
        Assert.False(json.GetProperty("integrated").GetProperty("stage2").GetProperty("ready").GetBoolean());
        Assert.Equal(90, json.GetProperty("integrated").GetProperty("stage1").GetProperty("blocking").GetArrayLength());

        var unknown = await CliRun.OnAsync(database, "readiness", "--org", Guid.NewGuid().ToString());
        Assert.Equal((1, true), (unknown.ExitCode, unknown.Error.Contains("There is no organization", StringComparison.Ordinal)));

        await using (var scope = database.Scope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(Guid.Parse(id));
            var audit = await scope.ServiceProvider.GetRequiredService<PlanAuditHandler>().HandleAsync(new(
                "IA-CLI-1", "Policy audit", null, ["iso27001-2022:5.2"], null, null, null, null, new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 5), ["Internal auditor"]));
            await scope.ServiceProvider.GetRequiredService<RecordAuditResultHandler>().HandleAsync(audit.Id, new("iso27001-2022:5.2", "MinorNonconformity", "The policy names a retired CISO.", "Policy v2"));
        }

        var folder = Directory.CreateTempSubdirectory("harmonia-audit-report-").FullName;
        try
        {
            var report = await CliRun.OnAsync(database, "audits", "report", "--org", id, "--audit", "IA-CLI-1", "--format", "md", "--out", Path.Combine(folder, "report.md"));
            Assert.True(report.ExitCode == 0, report.Error);
            var text = await File.ReadAllTextAsync(Path.Combine(folder, "report.md"));
            Assert.Contains("The policy names a retired CISO.", text, StringComparison.Ordinal);
            Assert.Contains("not completed yet (draft report)", text, StringComparison.Ordinal);

            var missing = await CliRun.OnAsync(database, "audits", "report", "--org", id, "--audit", "IA-NOPE", "--out", Path.Combine(folder, "nope.pdf"));
            Assert.Equal((1, true), (missing.ExitCode, missing.Error.Contains("no audit 'IA-NOPE'", StringComparison.Ordinal)));
            Assert.False(File.Exists(Path.Combine(folder, "nope.pdf")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
