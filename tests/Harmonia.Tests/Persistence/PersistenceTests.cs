using Harmonia.App.Content;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.App.Rendering;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Persistence;

/// <summary>Schema, content loading and organization round trips on both real providers.</summary>
public sealed class PersistenceTests
{
    internal static OrganizationFile Acme() => OrganizationFileReader.Read(
        "acme.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "acme-iso27001-certified.yaml")), LoadedContent.Shipped.Catalog);

    [Fact]
    public void Neither_migration_set_has_pending_model_changes()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "run scripts/add-migration.sh: the SQLite model changed");
        Assert.False(postgres.Database.HasPendingModelChanges(), "run scripts/add-migration.sh: the PostgreSQL model changed");
        Assert.Equal(sqlite.Database.GetMigrations().Select(m => m[15..]), postgres.Database.GetMigrations().Select(m => m[15..]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Content_loads_once_per_version(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();

        var again = await scope.ServiceProvider.GetRequiredService<MigrateDatabaseHandler>().HandleAsync();

        Assert.Empty(again.Applied);
        Assert.False(again.ContentLoaded);
        Assert.Equal(1, await db.ContentReleases.CountAsync());
        Assert.Equal(LoadedContent.Shipped.Catalog.Requirements.Count(), await db.CatalogRequirements.CountAsync());
        Assert.Equal(LoadedContent.Shipped.Catalog.Mappings.Count, await db.CatalogMappings.CountAsync());
        Assert.Equal("AI system impact assessment", (await db.CatalogRequirements.SingleAsync(r => r.Id == "iso42001-2023:6.1.4")).Title);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_content_upgrade_replaces_catalog_rows_and_never_touches_tenant_data(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        await using (var scope = database.Scope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(Acme()))).OrganizationId;
        }

        // Pretend the database holds an older content version, as after an upgrade of the product.
        await database.ExecuteRawAsync("""UPDATE "ContentReleases" SET "Version" = 'older'""");
        await using (var scope = database.Scope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<MigrateDatabaseHandler>().HandleAsync();
            Assert.True(outcome.ContentLoaded);
        }

        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(id);
            Assert.Equal(43, await db.Controls.CountAsync());
            Assert.Equal(2, await db.ContentReleases.CountAsync());
            var events = await db.AuditEvents.CountAsync();
            var reloaded = await scope.ServiceProvider.GetRequiredService<LoadOrganizationHandler>().HandleAsync(new LoadOrganizationRequest(id));
            Assert.Equal(Acme().Controls.Select(c => c.Id), reloaded.Controls.Select(c => c.Id));
            Assert.Equal(events, await db.AuditEvents.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_gap_analysis_of_a_stored_organization_equals_the_one_from_its_file(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        await using (var scope = database.Scope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(Acme()))).OrganizationId;
        }

        await using (var scope = database.Scope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<LoadOrganizationHandler>().HandleAsync(new LoadOrganizationRequest(id));
            var gap = scope.ServiceProvider.GetRequiredService<RunGapAnalysisHandler>();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);

            Assert.Equal(
                GapJsonWriter.Write(gap.Handle(new RunGapAnalysisRequest(Acme().ToState(today), "iso42001-2023"))),
                GapJsonWriter.Write(gap.Handle(new RunGapAnalysisRequest(stored.ToState(today), "iso42001-2023"))));
            Assert.Equal(Acme().Suppliers, stored.Suppliers, new SupplierEntryComparer());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_then_import_into_the_same_organization_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid id;
        string exported;
        await using (var scope = database.Scope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(Acme()))).OrganizationId;
        }

        await using (var scope = database.Scope())
        {
            exported = OrganizationFileWriter.Write(await scope.ServiceProvider.GetRequiredService<LoadOrganizationHandler>().HandleAsync(new LoadOrganizationRequest(id)));
        }

        await using (var scope = database.Scope())
        {
            var file = OrganizationFileReader.Read("exported.yaml", exported, LoadedContent.Shipped.Catalog);
            var outcome = await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(file, id));
            Assert.Equal(0, outcome.Changes);
            Assert.False(outcome.Created);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Importing_a_changed_file_updates_adds_and_removes_by_key(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var acme = Acme();
        Guid id;
        await using (var scope = database.Scope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(acme))).OrganizationId;
        }

        var changed = acme with
        {
            Controls = [.. acme.Controls.Skip(1).Select((c, i) => i == 0 ? c with { Status = Harmonia.Domain.Gaps.ControlStatus.InProgress } : c),
                new Harmonia.Domain.Gaps.OrganizationControl("AI-1", "AI impact assessment procedure", "AI lead", Harmonia.Domain.Gaps.ControlStatus.Planned, ["iso42001-2023:6.1.4"], [])],
        };
        await using (var scope = database.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(changed, id));
        }

        await using (var scope = database.Scope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<LoadOrganizationHandler>().HandleAsync(new LoadOrganizationRequest(id));
            Assert.Equal(changed.Controls.Select(c => (c.Id, c.Status)).OrderBy(c => c.Id, StringComparer.Ordinal), stored.Controls.Select(c => (c.Id, c.Status)));
            Assert.DoesNotContain(stored.Controls, c => c.Id == acme.Controls[0].Id);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Imported_evidence_changes_become_new_versions_and_links_and_expiry_round_trip(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        const string Yaml = """
            organization: { name: Evidence Kinds Ltd }
            controls:
              - id: C-1
                name: Supplier reviews
                status: implemented
                satisfies: [iso27001-2022:A.5.19]
                evidence:
                  - { title: Supplier certificate, url: "https://supplier.example/cert.pdf", date: 2025-01-01, expires: 2026-01-01 }
                  - { title: Review minutes, date: 2026-02-01 }
                  - { title: Scan of the contract, file: contract.pdf, sha256: 0000000000000000000000000000000000000000000000000000000000000000 }
            """;
        Guid id;
        await using (var scope = database.Scope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(
                new ImportOrganizationRequest(OrganizationFileReader.Read("kinds.yaml", Yaml, LoadedContent.Shipped.Catalog)))).OrganizationId;
        }

        string exported;
        await using (var scope = database.Scope())
        {
            exported = OrganizationFileWriter.Write(await scope.ServiceProvider.GetRequiredService<LoadOrganizationHandler>().HandleAsync(new LoadOrganizationRequest(id)));
        }

        Assert.Contains("url: https://supplier.example/cert.pdf", exported, StringComparison.Ordinal);
        Assert.Contains("expires: 2026-01-01", exported, StringComparison.Ordinal);

        // The file's bytes were never uploaded here, so it is kept as a record that names the file: the store
        // must never hand out bytes of a hash an organization merely claims.
        Assert.DoesNotContain("sha256: 0000", exported, StringComparison.Ordinal);

        var renewed = Yaml.Replace("date: 2025-01-01, expires: 2026-01-01", "date: 2026-01-01, expires: 2027-01-01", StringComparison.Ordinal);
        await using (var scope = database.Scope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(
                new ImportOrganizationRequest(OrganizationFileReader.Read("kinds.yaml", renewed, LoadedContent.Shipped.Catalog), id));
            Assert.Equal(2, outcome.Changes);
        }

        await using (var scope = database.Scope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(id);
            var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            var certificate = await db.Evidence.Include(e => e.Versions).SingleAsync(e => e.Title == "Supplier certificate");
            Assert.Equal(2, certificate.CurrentVersion);
            Assert.Equal(
                [(1, new DateOnly(2026, 1, 1)), (2, new DateOnly(2027, 1, 1))],
                certificate.Versions.OrderBy(v => v.Number).Select(v => (v.Number, v.ExpiresOn!.Value)));
            var scan = await db.EvidenceVersions.SingleAsync(v => v.Note != null && v.Note.Contains("contract.pdf"));
            Assert.Equal(("record", null), (scan.Kind, scan.Sha256));
        }
    }
}

/// <summary>Suppliers compare by value, lists included (records compare lists by reference).</summary>
internal sealed class SupplierEntryComparer : IEqualityComparer<Harmonia.App.Features.Organizations.SupplierEntry>
{
    public bool Equals(Harmonia.App.Features.Organizations.SupplierEntry? x, Harmonia.App.Features.Organizations.SupplierEntry? y) =>
        x is not null && y is not null && System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);

    public int GetHashCode(Harmonia.App.Features.Organizations.SupplierEntry obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
}

