using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Audits;
using Harmonia.App.Features.AuditTrail;
using Harmonia.App.Features.Catalogs;
using Harmonia.App.Features.Certification;
using Harmonia.App.Features.Comments;
using Harmonia.App.Features.Competence;
using Harmonia.App.Features.Consistency;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Features.Interop;
using Harmonia.App.Features.Jobs;
using Harmonia.App.Features.Objectives;
using Harmonia.App.Features.Operations;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Features.Pickers;
using Harmonia.App.Features.Readiness;
using Harmonia.App.Features.Reviews;
using Harmonia.App.Features.Risks;
using Harmonia.App.Features.Search;
using Harmonia.App.Features.Soa;
using Harmonia.App.Features.Suppliers;
using Harmonia.App.Features.Webhooks;
using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Harmonia.Domain.Mapping;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Harmonia.App;

public static class HarmoniaServices
{
    /// <summary>
    /// The one registration every host (web, CLI, tests, benchmarks) uses, so they all run the same handlers: the shared
    /// services, the database, then each module once.
    /// </summary>
    /// <param name="keyEncryption">How the data-protection keys are encrypted; by default from the environment.</param>
    public static IServiceCollection AddHarmonia(this IServiceCollection services, DatabaseSettings settings, KeyEncryptionSettings? keyEncryption = null) => services
        .AddCommon()
        .AddPersistence(settings, keyEncryption)
        .AddAccountsModule()
        .AddAiSystemsModule()
        .AddAuditTrailModule()
        .AddAuditsModule()
        .AddCatalogsModule()
        .AddCertificationModule()
        .AddCommentsModule()
        .AddCompetenceModule()
        .AddConsistencyModule()
        .AddControlsModule()
        .AddDocumentsModule()
        .AddEvidenceModule()
        .AddGapsModule()
        .AddInteropModule()
        .AddJobsModule()
        .AddObjectivesModule()
        .AddOperationsModule()
        .AddOrganizationsModule()
        .AddReadinessModule()
        .AddReviewsModule()
        .AddRisksModule()
        .AddSearchModule()
        .AddPickersModule()
        .AddSoaModule()
        .AddSuppliersModule()
        .AddWebhooksModule()
        .AddWorkModule();

    private static IServiceCollection AddCommon(this IServiceCollection services)
    {
        services.AddSingleton(_ => LoadedContent.Shipped);
        services.AddSingleton(sp => new MappingEngine(sp.GetRequiredService<LoadedContent>().Catalog));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OrganizationResultCache>();
        services.TryAddSingleton(EvidenceStoreSettings.From(null, null));
        services.TryAddSingleton(InputLimits.Default);
        services.TryAddSingleton(EvidenceStoreChoice.Local);
        services.AddSingleton(sp => sp.GetRequiredService<EvidenceStoreChoice>().Create(sp.GetRequiredService<EvidenceStoreSettings>()));
        services.AddScoped<AuditActor>();
        return services;
    }

    // Contexts come from a pool (ADR 0038): building a context's internal services anew for every request was a tenth
    // of a cached API answer's time. The pool keeps at most this many idle contexts.
    private const int ContextPoolSize = 64;

    // Prepared statements kept per PostgreSQL connection; a dashboard visit's and an API request's fit with room to spare.
    private const int AutoPreparedStatements = 64;

    /// <summary>
    /// A pooled context bound to the scope's tenant, actor and clock. The scope disposes it at its end, which returns it
    /// to the pool reset (change tracker emptied, connection closed).
    /// </summary>
    private static TContext Lend<TContext>(IServiceProvider services)
        where TContext : HarmoniaDbContext
    {
        var db = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        db.Bind(services.GetRequiredService<TenantScope>(), services.GetRequiredService<AuditActor>(), services.GetRequiredService<TimeProvider>());
        return db;
    }

    /// <summary>
    /// The connection string with two Npgsql settings added, each unless the string sets it itself (docs/deploy.md says
    /// when to set them otherwise):
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare=64</c>: every request runs the same few statements, and PostgreSQL parsing and planning
    /// them anew each time was, at ten times today's data, the difference between the dashboard's p99 of 90-320 ms and
    /// 41-45 ms on two cores. Off behind a connection pooler that does not keep prepared statements.</item>
    /// <item><c>No Reset On Close=true</c>: a connection going back to the pool is otherwise reset by seven statements
    /// sent before its next query, as much work for the database server as the one query of a cached API answer.
    /// Harmonia leaves no session state to reset: no SET, no session lock, no LISTEN, no temporary table, no cursor
    /// kept open (ADR 0038; <c>Persistence/PooledContextTests</c> checks the pool after a working day's kinds of
    /// writes), and Npgsql still rolls back a transaction left open.</item>
    /// </list>
    /// </summary>
    internal static string WithConnectionDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };

        // Npgsql takes each keyword with or without its spaces.
        bool Sets(string keyword) => given.ContainsKey(keyword) || given.ContainsKey(keyword.Replace(" ", string.Empty, StringComparison.Ordinal));
        var defaults = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets("Max Auto Prepare"))
        {
            defaults.MaxAutoPrepare = AutoPreparedStatements;
        }

        if (!Sets("No Reset On Close"))
        {
            defaults.NoResetOnClose = true;
        }

        return defaults.ConnectionString;
    }

    private static IServiceCollection AddPersistence(this IServiceCollection services, DatabaseSettings settings, KeyEncryptionSettings? keyEncryption)
    {
        services.AddSingleton(settings);
        services.AddScoped<TenantScope>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            services.AddPooledDbContextFactory<SqliteHarmoniaDbContext>(o => o.UseSqlite(settings.ConnectionString), ContextPoolSize);

            // One connection for the context's whole life (a request), opened here: EF otherwise opens and closes it
            // around every query, and each open takes the pool's lock and registers EF's SQL functions again. A
            // dashboard runs about twenty queries; under load the pool's lock was the most contended spot. Not on
            // PostgreSQL, where a connection held through a page's rendering would be one the pool cannot lend.
            services.AddScoped<HarmoniaDbContext>(sp =>
            {
                var db = Lend<SqliteHarmoniaDbContext>(sp);
                db.Database.OpenConnection();
                return db;
            });
        }
        else
        {
            services.AddPooledDbContextFactory<PostgresHarmoniaDbContext>(o => o.UseNpgsql(WithConnectionDefaults(settings.ConnectionString)), ContextPoolSize);
            services.AddScoped<HarmoniaDbContext>(Lend<PostgresHarmoniaDbContext>);
        }

        services.AddScoped<MigrateDatabaseHandler>();

        // Keys for cookies, antiforgery and the audit-pack signing key live in the database, so several web nodes over
        // one PostgreSQL database accept each other's cookies, a restart signs nobody out, and the CLI can use them too.
        // They are encrypted with a certificate kept outside the database (KeyEncryptionSettings).
        services.AddDataProtection().SetApplicationName("Harmonia").PersistKeysToDbContext<HarmoniaDbContext>().ProtectKeys(keyEncryption ?? KeyEncryptionSettings.FromEnvironment());
        return services;
    }
}
