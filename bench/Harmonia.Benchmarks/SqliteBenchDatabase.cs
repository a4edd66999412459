using Harmonia.App;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Benchmarks;

/// <summary>
/// A migrated SQLite file in the temporary folder with the services the hosts register, for benchmarks that measure a
/// use case with its database work; each unit of work runs in its own scope, as a request does.
/// </summary>
internal sealed class SqliteBenchDatabase : IDisposable
{
    private readonly string _file;
    private readonly ServiceProvider _services;

    private SqliteBenchDatabase(string name)
    {
        _file = Path.Combine(Path.GetTempPath(), $"harmonia-{name}-bench-{Guid.NewGuid():N}.db");
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddHarmonia(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={_file}"))
            .BuildServiceProvider();
    }

    public Guid Organization { get; private set; }

    /// <summary>Migrates the file and creates the organization with the given members (the first is its owner).</summary>
    public static async Task<(SqliteBenchDatabase Database, HarmoniaUser[] People)> CreateAsync(string name, string organizationName, int people)
    {
        var database = new SqliteBenchDatabase(name);
        await using var scope = database._services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MigrateDatabaseHandler>().HandleAsync();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "benchmark";
        var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
        var members = Enumerable.Range(1, people).Select(i => new HarmoniaUser
        {
            Id = Guid.NewGuid(),
            Email = $"person{i}@acme.example",
            NormalizedEmail = $"PERSON{i}@ACME.EXAMPLE",
            UserName = $"person{i}@acme.example",
            NormalizedUserName = $"PERSON{i}@ACME.EXAMPLE",
            SecurityStamp = Guid.NewGuid().ToString(),
        }).ToArray();
        db.Users.AddRange(members);
        await db.SaveChangesAsync();
        database.Organization = (await scope.ServiceProvider.GetRequiredService<CreateOrganizationHandler>().HandleAsync(new CreateOrganizationRequest(members[0].Id, organizationName))).Id;
        return (database, members);
    }

    /// <summary>Runs the work in a fresh scope of the organization, as "benchmark".</summary>
    public async Task<T> InScopeAsync<T>(Func<HarmoniaDbContext, IServiceProvider, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "benchmark";
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(Organization);
        return await work(scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>(), scope.ServiceProvider);
    }

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }
    }
}
