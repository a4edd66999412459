using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Harmonia.App.Persistence;

// Used only by `dotnet ef` (scripts/add-migration.sh) to build each provider's model; no database is opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHarmoniaDbContext>
{
    public SqliteHarmoniaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHarmoniaDbContext>().UseSqlite("Data Source=design-time.db").Options, new TenantScope(), new AuditActor(), TimeProvider.System);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHarmoniaDbContext>
{
    public PostgresHarmoniaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHarmoniaDbContext>().UseNpgsql("Host=localhost;Database=harmonia_design").Options, new TenantScope(), new AuditActor(), TimeProvider.System);
}
