using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Persistence;

/// <summary>The database commands of the CLI, in-process, on both providers.</summary>
public sealed class DatabaseCliTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_list_gap_export_and_verify(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);

        var migrate = await CliRun.OnAsync(database, "db", "migrate");
        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains("Applied ", migrate.Out, StringComparison.Ordinal);
        Assert.Contains("Catalogs already at content version", (await CliRun.OnAsync(database, "db", "migrate")).Out, StringComparison.Ordinal);

        var import = await CliRun.OnAsync(database, "org", "import", CliRun.Example("acme-iso27001-certified.yaml"));
        Assert.Equal(0, import.ExitCode);
        var id = System.Text.RegularExpressions.Regex.Match(import.Out, "organization ([0-9a-f-]{36})").Groups[1].Value;

        Assert.Contains("Acme Analytics GmbH", (await CliRun.OnAsync(database, "org", "list")).Out, StringComparison.Ordinal);
        var fromDatabase = await CliRun.OnAsync(database, "gap", "--org", id, "--target", "iso42001-2023", "--format", "md");
        Assert.Equal(CliRun.Of("gap", "--org", CliRun.Example("acme-iso27001-certified.yaml"), "--target", "iso42001-2023", "--format", "md").Out, fromDatabase.Out);
        Assert.StartsWith("# Harmonia organization file", (await CliRun.OnAsync(database, "org", "export", "--org", id)).Out, StringComparison.Ordinal);

        var verify = await CliRun.OnAsync(database, "audit-trail", "verify", "--org", id);
        Assert.Equal(0, verify.ExitCode);
        Assert.StartsWith("Audit trail intact: 330 events, every hash and link verified. Head: 330:", verify.Out, StringComparison.Ordinal);

        await database.ExecuteRawAsync("""UPDATE "AuditEvents" SET "Changes" = '{}' WHERE "Sequence" = 100""");
        var broken = await CliRun.OnAsync(database, "audit-trail", "verify", "--org", id);
        Assert.Equal(1, broken.ExitCode);
        Assert.StartsWith("error: audit trail broken after 99 good events: event 100 ", broken.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_organization_ids_and_files_change_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var unknown = await CliRun.OnAsync(database, "org", "export", "--org", Guid.NewGuid().ToString());
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No organization", unknown.Error, StringComparison.Ordinal);

        var notAnId = await CliRun.OnAsync(database, "audit-trail", "verify", "--org", "acme");
        Assert.Equal(1, notAnId.ExitCode);
        Assert.Contains("is not an organization id", notAnId.Error, StringComparison.Ordinal);

        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(broken, "organization:\n  name: X\ncontrols:\n  - id: C-1\n    name: Y\n    status: implemented\n    satisfies: [nope:1]\n");
        var bad = await CliRun.OnAsync(database, "org", "import", broken);
        File.Delete(broken);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("unknown requirement id 'nope:1'", bad.Error, StringComparison.Ordinal);
        Assert.Contains("No organizations yet", (await CliRun.OnAsync(database, "org", "list")).Out, StringComparison.Ordinal);
    }
}
