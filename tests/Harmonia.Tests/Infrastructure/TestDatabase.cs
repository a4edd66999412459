using Harmonia.App;
using Harmonia.App.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Harmonia.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database on a real provider: a temporary SQLite file, or a new database on the private
/// PostgreSQL server that ./test.sh starts (HARMONIA_TEST_POSTGRES). Dropped when disposed.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresDatabase;

    private TestDatabase(DatabaseSettings settings, string? sqliteFile, string? postgresDatabase)
    {
        Settings = settings;
        _sqliteFile = sqliteFile;
        _postgresDatabase = postgresDatabase;
        Services = new ServiceCollection().AddHarmonia(settings).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);

    public DatabaseSettings Settings { get; }

    public ServiceProvider Services { get; }

    /// <summary>What only this database's connection string holds (its file or its name), to tell its commands from others'.</summary>
    public string Name => _sqliteFile is not null ? Path.GetFileName(_sqliteFile) : _postgresDatabase!;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"harmonia-test-{Guid.NewGuid():N}.db");
            database = new TestDatabase(new DatabaseSettings(provider, $"Data Source={file};Pooling=False"), file, null);
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable("HARMONIA_TEST_POSTGRES")
                ?? throw new InvalidOperationException("HARMONIA_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts a private PostgreSQL server.");
            var name = $"t_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }

            database = new TestDatabase(new DatabaseSettings(provider, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString), null, name);
        }

        if (migrate)
        {
            await using var scope = database.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MigrateDatabaseHandler>().HandleAsync();
        }

        return database;
    }

    /// <summary>A scope with its own context, tenant and actor, as one request or one CLI command has.</summary>
    public AsyncServiceScope Scope(string actor = "test")
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = actor;
        return scope;
    }

    /// <summary>How this provider stores a Guid, for raw SQL (SQLite: upper-case text; PostgreSQL: uuid).</summary>
    public string Literal(Guid id) => _sqliteFile is not null ? $"'{id.ToString().ToUpperInvariant()}'" : $"'{id}'";

    /// <summary>Runs SQL behind the application's back (to tamper with stored rows, as an attacker with database access could).</summary>
    public async Task ExecuteRawAsync(string sql)
    {
        if (_sqliteFile is not null)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(Settings.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            await using var connection = new NpgsqlConnection(Settings.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_sqliteFile is not null)
        {
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("HARMONIA_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
