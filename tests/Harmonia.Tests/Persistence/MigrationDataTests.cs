using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Persistence;

/// <summary>An upgrade carries stored data over: nothing a tenant entered is lost by a schema change.</summary>
public sealed class MigrationDataTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Evidence_entered_before_versions_existed_becomes_version_1(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var scope = database.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().GetService<IMigrator>().MigrateAsync("Initial");
        }

        var (organization, control, evidence) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var created = provider == DatabaseProvider.Sqlite ? "'2026-01-01 00:00:00'" : "'2026-01-01 00:00:00+00'";
        await database.ExecuteRawAsync($"""
            INSERT INTO "Organizations" ("Id", "Name", "Locations", "TeamCapacityHundredths", "CreatedUtc") VALUES ({database.Literal(organization)}, 'Before Upgrade Ltd', '', 100, {created});
            INSERT INTO "Controls" ("Id", "OrganizationId", "Key", "Name", "Status", "Version") VALUES ({database.Literal(control)}, {database.Literal(organization)}, 'C-1', 'Access review', 'implemented', 1);
            INSERT INTO "ControlEvidence" ("Id", "OrganizationId", "ControlId", "Title", "Date") VALUES ({database.Literal(evidence)}, {database.Literal(organization)}, {database.Literal(control)}, 'Review minutes Q1', '2026-03-31');
            """);

        await using (var scope = database.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().Database.MigrateAsync();
        }

        await using (var scope = database.Scope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization);
            var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            var stored = await db.Evidence.Include(e => e.Versions).SingleAsync();
            var version = Assert.Single(stored.Versions);
            Assert.Equal(("Review minutes Q1", 1, control), (stored.Title, stored.CurrentVersion, stored.ControlId));
            Assert.Equal((1, "record", new DateOnly(2026, 3, 31), "migration"), (version.Number, version.Kind, version.EffectiveOn!.Value, version.CreatedBy));
            Assert.Equal(organization, version.OrganizationId);
        }
    }
}
