using Harmonia.App.Common;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Harmonia.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Architecture;

/// <summary>The backstop under route-based tenancy: the query filter and the insert stamping.</summary>
public sealed class TenantIsolationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_context_sees_only_its_own_organizations_rows_and_cannot_write_another_s(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid acme, other;
        await using (var scope = database.Scope())
        {
            acme = (await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(PersistenceTests.Acme()))).OrganizationId;
        }

        await using (var scope = database.Scope())
        {
            var small = PersistenceTests.Acme() with { Controls = PersistenceTests.Acme().Controls.Take(2).ToArray(), Suppliers = [] };
            other = (await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(small))).OrganizationId;
        }

        await using (var scope = database.Scope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(other);
            var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();

            Assert.Equal(2, await db.Controls.CountAsync());
            Assert.All(await db.AuditEvents.ToListAsync(), e => Assert.Equal(other, e.OrganizationId));

            db.Controls.Add(new ControlRecord { OrganizationId = acme, Key = "X-1", Name = "Smuggled", Status = "planned" });
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            Assert.Equal(0, await db.Controls.CountAsync());
            Assert.Equal(45, await db.Controls.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unknown_organization_is_not_found(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Scope();

        var ex = await Assert.ThrowsAsync<NotFoundException>(() =>
            scope.ServiceProvider.GetRequiredService<LoadOrganizationHandler>().HandleAsync(new LoadOrganizationRequest(Guid.NewGuid())));

        Assert.Contains("No organization", ex.Message, StringComparison.Ordinal);
    }
}
