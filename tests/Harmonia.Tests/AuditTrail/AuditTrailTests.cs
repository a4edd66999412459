using System.Text.Json;
using Harmonia.App.Features.AuditTrail;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Features.Suppliers;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Harmonia.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.AuditTrail;

/// <summary>Every change is chained into the organization's audit trail, and tampering is found.</summary>
public sealed class AuditTrailTests
{
    private static async Task<Guid> ImportAcmeAsync(TestDatabase database)
    {
        await using var scope = database.Scope("alice");
        return (await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(PersistenceTests.Acme()))).OrganizationId;
    }

    private static async Task<AuditTrailVerification> VerifyAsync(TestDatabase database, Guid id)
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<VerifyAuditTrailHandler>().HandleAsync(new VerifyAuditTrailRequest(id));
    }

    [Fact]
    public async Task Key_material_never_enters_the_trail_nor_shows_from_an_older_event()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var id = await ImportAcmeAsync(database);
        await using (var scope = database.Scope("alice"))
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(id);
            await scope.ServiceProvider.GetRequiredService<Harmonia.App.Features.Readiness.AuditPackSigningKey>().PublicAsync();
        }

        await using var read = database.Scope();
        read.ServiceProvider.GetRequiredService<TenantScope>().Enter(id);
        var db = read.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
        var key = await db.SigningKeys.SingleAsync();
        var recorded = await db.AuditEvents.SingleAsync(e => e.EntityType == "SigningKeyRecord");
        Assert.DoesNotContain(key.ProtectedPrivateKey, recorded.Changes, StringComparison.Ordinal);
        Assert.Contains(AuditEventText.KeyMaterialMark, recorded.Changes, StringComparison.Ordinal);

        // An event written before this rule shows the mark, not the value.
        var older = JsonSerializer.Serialize(new { ProtectedPrivateKey = new { before = (string?)null, after = "CfDJ8-encrypted-key" } });
        Assert.Equal([new AuditFieldChange("ProtectedPrivateKey", null, AuditEventText.KeyMaterialMark)], AuditEventText.Changes(older));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_created_row_is_an_event_in_one_unbroken_chain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var id = await ImportAcmeAsync(database);

        await using var scope = database.Scope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(id);
        var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
        var events = await db.AuditEvents.OrderBy(e => e.Sequence).ToListAsync();
        var rows = 1 + await db.Controls.CountAsync() + await db.ControlRequirements.CountAsync() + await db.Evidence.CountAsync() + await db.EvidenceVersions.CountAsync() + await db.AiSystems.CountAsync() + await db.Certifications.CountAsync()
            + await db.Suppliers.CountAsync() + await db.SupplierTiers.CountAsync() + await db.SupplierSubProcessors.CountAsync()
            + await db.Set<SupplierAiSystemLink>().CountAsync() + await db.Set<SupplierRiskLink>().CountAsync()
            + await db.Set<SupplierControlLink>().CountAsync() + await db.Set<SupplierEvidenceLink>().CountAsync()
            + await db.SupplierQuestionnaires.CountAsync() + await db.SupplierAnswerVersions.CountAsync();

        Assert.Equal(rows, events.Count);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.All(events, e => Assert.Equal(("alice", "created"), (e.Actor, e.Action)));
        Assert.Contains(events, e => e.EntityType == "Organization" && e.Changes.Contains("Acme Analytics GmbH", StringComparison.Ordinal));
        Assert.True((await VerifyAsync(database, id)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_update_records_the_changed_fields_before_and_after(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var id = await ImportAcmeAsync(database);
        await using (var scope = database.Scope("bob"))
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(id);
            var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            var control = await db.Controls.SingleAsync(c => c.Key == "C-01");
            control.Status = "in_progress";
            await db.SaveChangesAsync();
        }

        await using (var scope = database.Scope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(id);
            var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            var last = await db.AuditEvents.OrderByDescending(e => e.Sequence).FirstAsync();
            Assert.Equal(("bob", "updated", "ControlRecord"), (last.Actor, last.Action, last.EntityType));
            var changes = JsonDocument.Parse(last.Changes).RootElement;
            Assert.Equal("implemented", changes.GetProperty("Status").GetProperty("before").GetString());
            Assert.Equal("in_progress", changes.GetProperty("Status").GetProperty("after").GetString());
            Assert.Equal("2", changes.GetProperty("Version").GetProperty("after").GetString());
            Assert.Equal(2, (await db.Controls.SingleAsync(c => c.Key == "C-01")).Version);
        }

        Assert.True((await VerifyAsync(database, id)).Intact);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Editing_a_stored_event_behind_the_applications_back_is_detected(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var id = await ImportAcmeAsync(database);

        await database.ExecuteRawAsync($"""UPDATE "AuditEvents" SET "Actor" = 'mallory' WHERE "Sequence" = 17 AND "OrganizationId" = {database.Literal(id)}""");

        var result = await VerifyAsync(database, id);
        Assert.False(result.Intact);
        Assert.Equal(16, result.Events);
        Assert.StartsWith("event 17 ", result.FirstBroken, StringComparison.Ordinal);
        Assert.Contains("was altered", result.FirstBroken, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleting_or_relinking_events_is_detected(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var id = await ImportAcmeAsync(database);

        await database.ExecuteRawAsync($"""DELETE FROM "AuditEvents" WHERE "Sequence" = 5 AND "OrganizationId" = {database.Literal(id)}""");
        Assert.Equal("event 5 is missing (the next stored event is 6)", (await VerifyAsync(database, id)).FirstBroken);

        await database.ExecuteRawAsync($"""UPDATE "AuditEvents" SET "Sequence" = 5 WHERE "Sequence" = 6 AND "OrganizationId" = {database.Literal(id)}""");
        Assert.Contains("does not link to event 4", (await VerifyAsync(database, id)).FirstBroken, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Removing_the_newest_events_is_detected_against_the_anchor_kept_outside_the_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var id = await ImportAcmeAsync(database);
        var before = await VerifyAsync(database, id);
        Assert.True(before.Intact);
        var head = AuditTrailAnchor.Parse(before.Head!)!;
        Assert.Equal(before.Events, head.Sequence);

        // A shortened chain is still a valid chain: only the anchor shows the three newest events are gone.
        await database.ExecuteRawAsync($"""DELETE FROM "AuditEvents" WHERE "Sequence" > {before.Events - 3} AND "OrganizationId" = {database.Literal(id)}""");
        var truncated = await VerifyAsync(database, id);
        Assert.False(truncated.Intact);
        Assert.Equal(before.Events - 3, truncated.Events);
        Assert.EndsWith("the newest 3 events were removed", truncated.FirstBroken, StringComparison.Ordinal);

        var cli = await CliRun.OnAsync(database, "audit-trail", "verify", "--org", id.ToString(), "--anchor", before.Head!);
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("the newest 3 events were removed", cli.Error, StringComparison.Ordinal);

        var forged = await CliRun.OnAsync(database, "audit-trail", "verify", "--org", id.ToString(), "--anchor", $"2:{new string('0', 64)}");
        Assert.Contains("is not the event anchored as 2:", forged.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await CliRun.OnAsync(database, "audit-trail", "verify", "--org", id.ToString(), "--anchor", "yesterday")).ExitCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Chains_are_per_organization(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await ImportAcmeAsync(database);
        var second = await ImportAcmeAsync(database);

        await database.ExecuteRawAsync($"""UPDATE "AuditEvents" SET "Actor" = 'mallory' WHERE "Sequence" = 3 AND "OrganizationId" = {database.Literal(first)}""");

        Assert.False((await VerifyAsync(database, first)).Intact);
        Assert.True((await VerifyAsync(database, second)).Intact);
    }
}
