using System.Data;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Persistence;

/// <summary>
/// Contexts are lent by a pool (ADR 0038): a context used by one request must come to the next with nothing of it —
/// not its organization, not its actor, not its tracked rows, not its remembered change token, not an open connection.
/// </summary>
public sealed class PooledContextTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_lent_context_keeps_nothing_of_the_scope_that_used_it_before(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid acme;
        await using (var scope = database.Scope())
        {
            acme = (await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new ImportOrganizationRequest(PersistenceTests.Acme()))).OrganizationId;
        }

        HarmoniaDbContext first;
        System.Data.Common.DbConnection firstConnection;
        long acmeToken;
        await using (var scope = database.Scope("user:first@acme.example"))
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(acme);
            first = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            firstConnection = first.Database.GetDbConnection();
            Assert.NotEmpty(await first.Controls.ToListAsync());
            Assert.NotEmpty(first.ChangeTracker.Entries());
            acmeToken = await first.ChangeTokenAsync(acme);
            Assert.True(acmeToken > 0);
        }

        // The scope's end returned the context: its connection is closed, whichever provider.
        Assert.Equal(ConnectionState.Closed, firstConnection.State);

        await using (var scope = database.Scope("user:second@acme.example"))
        {
            var second = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            Assert.Same(first, second);
            Assert.Empty(second.ChangeTracker.Entries());
            // No organization entered: the tenant filter shows nothing, although the same object saw Acme's controls.
            Assert.Equal(Guid.Empty, second.TenantId);
            Assert.Empty(await second.Controls.ToListAsync());

            // What it writes carries this scope's actor, not the previous one's.
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(acme);
            var control = await second.Controls.FirstAsync();
            control.Owner = "Head of IT (pooled)";
            await second.SaveChangesAsync();
            var newest = await second.AuditEvents.OrderByDescending(e => e.Sequence).FirstAsync();
            Assert.Equal("user:second@acme.example", newest.Actor);
            Assert.True(newest.Sequence > acmeToken);
            Assert.Equal(newest.Sequence, await second.ChangeTokenAsync(acme));
        }
    }

    [Fact]
    public async Task On_PostgreSQL_the_statements_a_connection_repeats_are_prepared_unless_the_connection_string_says_otherwise()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            await db.Database.OpenConnectionAsync();
            for (var i = 0; i < 6; i++)
            {
                await db.Organizations.IgnoreQueryFilters().CountAsync();
            }

            var prepared = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM pg_prepared_statements").SingleAsync();
            Assert.True(prepared > 0, "no statement of this connection is prepared");
        }

        // A deployment behind a pooler that keeps no prepared statements turns it off, and that is kept.
        const string off = "Host=db.example;Database=harmonia;Max Auto Prepare=0";
        Assert.Equal(off, Harmonia.App.HarmoniaServices.WithPreparedStatements(off));
        Assert.Contains("Max Auto Prepare=64", Harmonia.App.HarmoniaServices.WithPreparedStatements("Host=db.example;Database=harmonia"), StringComparison.Ordinal);
    }
}
