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

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Links_stored_as_keys_become_links_by_id(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var scope = database.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().GetService<IMigrator>().MigrateAsync("OrganizationKeyOnEveryRecord");
        }

        var (organization, other, c1, c2, otherC1, system, risk) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (evidence, suggestion, concern, role, person) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var created = provider == DatabaseProvider.Sqlite ? "'2026-01-01 00:00:00'" : "'2026-01-01 00:00:00+00'";
        var yes = provider == DatabaseProvider.Sqlite ? "1" : "true";
        string L(Guid id) => database.Literal(id);
        await database.ExecuteRawAsync($"""
            INSERT INTO "Organizations" ("Id", "Name", "Locations", "TeamCapacityHundredths", "CreatedUtc") VALUES ({L(organization)}, 'Before Upgrade Ltd', '', 100, {created});
            INSERT INTO "Organizations" ("Id", "Name", "Locations", "TeamCapacityHundredths", "CreatedUtc") VALUES ({L(other)}, 'Other Ltd', '', 100, {created});
            INSERT INTO "Controls" ("Id", "OrganizationId", "Key", "Name", "Status", "Version") VALUES ({L(c1)}, {L(organization)}, 'C-1', 'Access review', 'implemented', 1);
            INSERT INTO "Controls" ("Id", "OrganizationId", "Key", "Name", "Status", "Version") VALUES ({L(c2)}, {L(organization)}, 'C-2', 'Bias testing', 'implemented', 1);
            INSERT INTO "Controls" ("Id", "OrganizationId", "Key", "Name", "Status", "Version") VALUES ({L(otherC1)}, {L(other)}, 'C-1', 'Another tenant''s control', 'implemented', 1);
            INSERT INTO "AiSystems" ("Id", "OrganizationId", "Key", "Name", "Role", "DataSourcesJson", "Controls", "InScope", "Version") VALUES ({L(system)}, {L(organization)}, 'AI-1', 'Scoring', 'deployer', '[]', 'C-2', {yes}, 1);
            INSERT INTO "Risks" ("Id", "OrganizationId", "Key", "Title", "Categories", "RiskSources", "AiSystems", "InherentLikelihood", "InherentImpact", "Treatment", "Controls", "ResidualLikelihood", "ResidualImpact", "Version")
                VALUES ({L(risk)}, {L(organization)}, 'R-1', 'Unfair scores', 'fairness', '', 'AI-1', 3, 3, 'mitigate', 'C-1,C-2,C-9', 2, 2, 1);
            INSERT INTO "AiEvidence" ("Id", "OrganizationId", "AiSystemKey", "Kind", "Metric", "MeasuredOn", "Controls", "RecordedBy", "RecordedUtc") VALUES ({L(evidence)}, {L(organization)}, 'AI-1', 'bias', 'parity', '2026-03-31', 'C-2', 'tester', {created});
            INSERT INTO "RiskSuggestions" ("Id", "OrganizationId", "AiEvidenceId", "AiSystemKey", "Title", "Category", "Detail", "Status", "RiskKey", "CreatedUtc") VALUES ({L(suggestion)}, {L(organization)}, {L(evidence)}, 'AI-1', 'AI-1: unfair', 'fairness', 'failed', 'accepted', 'R-1', {created});
            INSERT INTO "AiConcerns" ("Id", "OrganizationId", "Key", "AiSystemKey", "Kind", "Severity", "Description", "ReportedBy", "ReportedOn", "Status", "RecordedBy", "Version") VALUES ({L(concern)}, {L(organization)}, 'CON-1', 'AI-1', 'concern', 'low', 'Drift', 'staff', '2026-03-01', 'open', 'tester', 1);
            INSERT INTO "CompetenceRoles" ("Id", "OrganizationId", "Name", "RequiredCompetences", "Version") VALUES ({L(role)}, {L(organization)}, 'AI engineer', 'machine-learning', 1);
            INSERT INTO "People" ("Id", "OrganizationId", "Name", "Roles", "Version") VALUES ({L(person)}, {L(organization)}, 'Ada', 'ai ENGINEER,Unknown role', 1);
            """);

        await using (var scope = database.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().Database.MigrateAsync();
        }

        await using (var scope = database.Scope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization);
            var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            var stored = await db.Risks.Include(r => r.ControlLinks).Include(r => r.AiSystemLinks).AsSplitQuery().SingleAsync();
            // C-9 never existed: the dangling key is dropped; the other tenant's C-1 is not linked.
            Assert.Equal(new[] { c1, c2 }.Order(), stored.ControlLinks.Select(l => l.ControlId).Order());
            Assert.Equal([system], stored.AiSystemLinks.Select(l => l.AiSystemId));
            Assert.All(stored.ControlLinks, l => Assert.Equal(organization, l.OrganizationId));
            Assert.Equal([c2], (await db.AiSystems.Include(a => a.ControlLinks).SingleAsync()).ControlLinks.Select(l => l.ControlId));
            var measured = await db.AiEvidence.Include(e => e.ControlLinks).SingleAsync();
            Assert.Equal((system, c2), (measured.AiSystemId, Assert.Single(measured.ControlLinks).ControlId));
            var suggested = await db.RiskSuggestions.SingleAsync();
            Assert.Equal((system, (Guid?)risk), (suggested.AiSystemId, suggested.RiskId));
            Assert.Equal(system, (await db.AiConcerns.SingleAsync()).AiSystemId);
            Assert.Equal([role], (await db.People.Include(p => p.RoleLinks).SingleAsync()).RoleLinks.Select(l => l.RoleId));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_old_single_ai_role_becomes_iso_22989_roles_and_an_eu_ai_act_role(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var scope = database.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().GetService<IMigrator>().MigrateAsync("RiskOwnersAndTopManagement");
        }

        var organization = Guid.NewGuid();
        var created = provider == DatabaseProvider.Sqlite ? "'2026-01-01 00:00:00'" : "'2026-01-01 00:00:00+00'";
        var yes = provider == DatabaseProvider.Sqlite ? "1" : "true";
        string L(Guid id) => database.Literal(id);
        string Row(string key, string role) =>
            $"""INSERT INTO "AiSystems" ("Id", "OrganizationId", "Key", "Name", "Role", "DataSourcesJson", "InScope", "Version") VALUES ({L(Guid.NewGuid())}, {L(organization)}, '{key}', 'System {key}', '{role}', '[]', {yes}, 1);""";
        const string oldAnswers = """{"ai.prohibited_uses":["user"],"ai.roles":["user","developer","deployer"],"org.name":"Before Upgrade Ltd"}""";
        const string noRoles = """{"org.name":"Before Upgrade Ltd"}""";
        await database.ExecuteRawAsync($"""
            INSERT INTO "Organizations" ("Id", "Name", "Locations", "TeamCapacityHundredths", "CreatedUtc") VALUES ({L(organization)}, 'Before Upgrade Ltd', '', 100, {created});
            {Row("AI-1", "developer")}
            {Row("AI-2", "provider")}
            {Row("AI-3", "deployer")}
            {Row("AI-4", "user")}
            INSERT INTO "AnswerSets" ("Id", "OrganizationId", "Version", "Json", "CreatedUtc", "CreatedBy") VALUES ({L(Guid.NewGuid())}, {L(organization)}, 1, '{oldAnswers}', {created}, 'tester');
            INSERT INTO "AnswerSets" ("Id", "OrganizationId", "Version", "Json", "CreatedUtc", "CreatedBy") VALUES ({L(Guid.NewGuid())}, {L(organization)}, 2, '{noRoles}', {created}, 'tester');
            """);

        await using (var scope = database.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().Database.MigrateAsync();
        }

        await using (var scope = database.Scope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization);
            var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            var systems = (await db.AiSystems.OrderBy(a => a.Key).ToListAsync()).Select(a => (a.Key, a.AiRoles, a.EuAiActRole));
            Assert.Equal(
                [("AI-1", "ai-developer", (string?)"provider"), ("AI-2", "ai-product-provider", "provider"), ("AI-3", "ai-user", "deployer"), ("AI-4", "ai-user", "deployer")],
                systems);

            // The answer keeps its order, loses the duplicate the mapping creates, and no other answer is touched.
            var answers = await db.AnswerSets.OrderBy(a => a.Version).Select(a => a.Json).ToListAsync();
            var first = System.Text.Json.JsonDocument.Parse(answers[0]).RootElement;
            Assert.Equal(["AI user", "AI developer"], first.GetProperty("ai.roles").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(["user"], first.GetProperty("ai.prohibited_uses").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("Before Upgrade Ltd", first.GetProperty("org.name").GetString());
            Assert.False(System.Text.Json.JsonDocument.Parse(answers[1]).RootElement.TryGetProperty("ai.roles", out _));
        }
    }
}
