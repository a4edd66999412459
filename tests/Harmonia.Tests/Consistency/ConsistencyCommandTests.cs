using System.Text.Json;
using Harmonia.App.Content;
using Harmonia.App.Features.Documents;
using Harmonia.App.Persistence;
using Harmonia.Cli;
using Harmonia.Domain.Consistency;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Consistency;

public sealed class ConsistencyCommandTests
{
    [Fact]
    public async Task The_command_lists_the_findings_and_gates_a_pipeline_while_one_is_open()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var import = await CliRun.OnAsync(database, "org", "import", CliRun.Example("acme-iso27001-certified.yaml"));
        var id = System.Text.RegularExpressions.Regex.Match(import.Out, "organization ([0-9a-f-]{36})").Groups[1].Value;

        async Task SaveAnswersAsync(Func<Answers, Answers> change)
        {
            await using var scope = database.Scope();
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(Guid.Parse(id));
            var questionnaire = scope.ServiceProvider.GetRequiredService<LoadedContent>().Documents.Questionnaire;
            var path = CliRun.Example("acme-answers.yaml");
            var answers = AnswersFileReader.Read(path, await File.ReadAllTextAsync(path), questionnaire);
            await scope.ServiceProvider.GetRequiredService<SaveAnswersHandler>().HandleAsync(change(answers));
        }

        // The acme answers agree with the acme inventory.
        await SaveAnswersAsync(a => a);
        var agreed = await CliRun.OnAsync(database, "consistency", "--org", id, "--check");
        Assert.Equal(0, agreed.ExitCode);
        Assert.Contains("0 open, 0 acknowledged", agreed.Out, StringComparison.Ordinal);

        // Stating only the customer side contradicts the credit model the organization builds and offers.
        await SaveAnswersAsync(a => a.With("ai.roles", (IReadOnlyList<string>)["AI user"]));
        var table = await CliRun.OnAsync(database, "consistency", "--org", id);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("1 open, 0 acknowledged", table.Out, StringComparison.Ordinal);
        Assert.Contains("[open]", table.Out, StringComparison.Ordinal);
        Assert.Contains("Fix at: answer ai.roles, AI system", table.Out, StringComparison.Ordinal);
        Assert.Contains("Blocks publishing:", table.Out, StringComparison.Ordinal);

        var gate = await CliRun.OnAsync(database, "consistency", "--org", id, "--check", "--format", "json");
        Assert.Equal(ConsistencyCommands.OpenFindings, gate.ExitCode);
        var finding = Assert.Single(JsonDocument.Parse(gate.Out).RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(ConsistencyRules.AiRoleUnstated, finding.GetProperty("rule").GetString());

        var unknown = await CliRun.OnAsync(database, "consistency", "--org", Guid.NewGuid().ToString());
        Assert.Equal((1, true), (unknown.ExitCode, unknown.Error.Contains("There is no organization", StringComparison.Ordinal)));
    }
}
