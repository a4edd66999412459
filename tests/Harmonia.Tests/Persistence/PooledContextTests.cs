using System.Data;
using Harmonia.App;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Harmonia.Tests.Persistence;

/// <summary>
/// Contexts are lent by a pool (ADR 0038): a context used by one request must come to the next with nothing of it —
/// not its organization, not its actor, not its tracked rows, not its remembered change token, not an open connection;
/// and on PostgreSQL a connection comes back from its pool with no session state.
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
        var off = new NpgsqlConnectionStringBuilder(HarmoniaServices.WithConnectionDefaults("Host=db.example;Database=harmonia;Max Auto Prepare=0;No Reset On Close=false"));
        Assert.Equal(0, off.MaxAutoPrepare);
        Assert.False(off.NoResetOnClose);
        var defaults = new NpgsqlConnectionStringBuilder(HarmoniaServices.WithConnectionDefaults("Host=db.example;Database=harmonia"));
        Assert.Equal(64, defaults.MaxAutoPrepare);
        Assert.True(defaults.NoResetOnClose);
    }

    /// <summary>
    /// Npgsql resets nothing when a connection goes back to its pool (No Reset On Close, ADR 0038), which is safe only
    /// while Harmonia leaves no session state behind. After the months of certification work through the API (answers,
    /// documents approved and published, risks, controls, evidence, SoAs, impact assessments), parallel writers and a
    /// refused write, every connection the pool lends must be as a new one is.
    /// </summary>
    [Fact]
    public async Task On_PostgreSQL_connections_go_back_to_the_pool_with_no_session_state_so_none_needs_a_reset()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Postgres);
        var api = $"/api/orgs/{host.OrganizationA}";
        using (var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]))
        using (var owner = host.Client(host.TokensA[OrganizationRole.Owner]))
        {
            await AcmeCertificationWork.DoAsync(contributor, owner, api);
            var writers = Enumerable.Range(1, 8).Select(i => contributor.PostAsync(new Uri($"{api}/objectives", UriKind.Relative), new StringContent(
                $$"""{"title":"Objective {{i}} set in parallel","system":"ai","measure":"Share of models with a model card","unit":"%","target":90,"direction":"at-least","owner":"AI Governance Lead","frequency":"quarterly"}""",
                System.Text.Encoding.UTF8, "application/json"))).ToArray();
            Assert.All(await Task.WhenAll(writers), r => Assert.Equal(System.Net.HttpStatusCode.Created, r.StatusCode));
            var refused = await contributor.PostAsync(new Uri($"{api}/objectives", UriKind.Relative), new StringContent("""{"title":""}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        }

        // Lent all at once, the contexts get distinct connections: first the idle ones the work above left in the pool.
        var scopes = Enumerable.Range(0, 12).Select(_ => host.Services.CreateAsyncScope()).ToArray();
        try
        {
            var found = await Task.WhenAll(scopes.Select(async scope =>
            {
                var connection = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().Database.GetDbConnection();
                await connection.OpenAsync();
                return await SessionStateAsync(connection);
            }));
            Assert.All(found, state => Assert.Equal(string.Empty, state));
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }

        // The probe sees each kind of state it looks for, or the check above could pass by seeing nothing.
        var unpooled = new NpgsqlConnectionStringBuilder(host.Database.Settings.ConnectionString) { Pooling = false }.ConnectionString;
        await using var dirty = new NpgsqlConnection(unpooled);
        await dirty.OpenAsync();
        await using (var leave = new NpgsqlCommand(
            "SET work_mem = '7MB'; SELECT pg_advisory_lock(42); LISTEN harmonia_probe; CREATE TEMPORARY TABLE probe (x int); PREPARE probe_statement AS SELECT 1; BEGIN; DECLARE probe_cursor CURSOR WITH HOLD FOR SELECT 1; COMMIT; BEGIN; SELECT count(*) FROM \"Organizations\";",
            dirty))
        {
            await leave.ExecuteNonQueryAsync();
        }

        var seen = await SessionStateAsync(dirty);
        foreach (var kind in new[] { "settings: work_mem", "advisory locks: 1", "listening: harmonia_probe", "temporary tables: probe", "held cursors: probe_cursor", "prepared in SQL: probe_statement", "open transaction" })
        {
            Assert.Contains(kind, seen, StringComparison.Ordinal);
        }
    }

    // What a connection can carry from one use to the next; empty when it carries nothing. A transaction left open shows
    // by a write's transaction id or by a lock on one of Harmonia's tables (the probe itself reads only the catalog).
    private static async Task<string> SessionStateAsync(System.Data.Common.DbConnection connection)
    {
        await using var probe = connection.CreateCommand();
        probe.CommandText = """
            SELECT concat_ws('; ',
              (SELECT 'settings: ' || string_agg(name, ',') FROM pg_settings WHERE source = 'session'),
              (SELECT 'advisory locks: ' || count(*) FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'advisory' HAVING count(*) > 0),
              (SELECT 'listening: ' || string_agg(channel, ',') FROM pg_listening_channels() AS channel),
              (SELECT 'temporary tables: ' || string_agg(relname, ',') FROM pg_class WHERE relnamespace = pg_my_temp_schema()),
              (SELECT 'held cursors: ' || string_agg(name, ',') FROM pg_cursors WHERE is_holdable),
              (SELECT 'prepared in SQL: ' || string_agg(name, ',') FROM pg_prepared_statements WHERE from_sql),
              (SELECT 'open transaction' WHERE pg_current_xact_id_if_assigned() IS NOT NULL OR EXISTS (
                SELECT 1 FROM pg_locks AS l JOIN pg_class AS c ON c.oid = l.relation
                WHERE l.pid = pg_backend_pid() AND c.relnamespace = 'public'::regnamespace)))
            """;
        return (string)(await probe.ExecuteScalarAsync())!;
    }
}
