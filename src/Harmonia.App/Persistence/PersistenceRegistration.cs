using Harmonia.App.Features.AuditTrail;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Features.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Persistence;

public static class PersistenceRegistration
{
    /// <summary>The database, the per-scope tenant and actor, and the use cases that need them.</summary>
    public static IServiceCollection AddHarmoniaPersistence(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<TenantScope>();
        services.AddScoped<AuditActor>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(settings.ConnectionString);
            services.AddDbContext<SqliteHarmoniaDbContext>(o => o.UseSqlite(settings.ConnectionString));
            services.AddScoped<HarmoniaDbContext>(sp => sp.GetRequiredService<SqliteHarmoniaDbContext>());
        }
        else
        {
            services.AddDbContext<PostgresHarmoniaDbContext>(o => o.UseNpgsql(settings.ConnectionString));
            services.AddScoped<HarmoniaDbContext>(sp => sp.GetRequiredService<PostgresHarmoniaDbContext>());
        }

        services.AddScoped<MigrateDatabaseHandler>();
        services.AddScoped<ImportOrganizationHandler>();
        services.AddScoped<LoadOrganizationHandler>();
        services.AddScoped<ListOrganizationsHandler>();
        services.AddScoped<VerifyAuditTrailHandler>();
        return services;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
