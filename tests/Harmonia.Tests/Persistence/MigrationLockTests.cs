using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Persistence;

/// <summary>
/// Issue 20, item 3: a start killed while holding SQLite's migration lock used to leave every later start hanging
/// without a word. Nothing pending takes no lock; a lock left behind is removed with a log line.
/// </summary>
public sealed class MigrationLockTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_fresh_lock_does_not_block_a_start_with_nothing_to_migrate()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await database.ExecuteRawAsync($"CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL PRIMARY KEY, \"Timestamp\" TEXT NOT NULL); INSERT INTO \"__EFMigrationsLock\" VALUES (1, '{DateTimeOffset.UtcNow:O}');");

        var run = await CliRun.OnAsync(database, "db", "migrate").WaitAsync(Hang);

        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Fact]
    public async Task A_lock_left_by_a_killed_migration_is_removed_and_the_migration_completes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        var taken = DateTimeOffset.UtcNow - MigrateDatabaseHandler.StaleLockAfter - TimeSpan.FromMinutes(1);
        await database.ExecuteRawAsync($"CREATE TABLE \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL PRIMARY KEY, \"Timestamp\" TEXT NOT NULL); INSERT INTO \"__EFMigrationsLock\" VALUES (1, '{taken:O}');");

        await using var scope = database.Scope();
        var outcome = await scope.ServiceProvider.GetRequiredService<MigrateDatabaseHandler>().HandleAsync().WaitAsync(Hang);

        Assert.NotEmpty(outcome.Applied);
        Assert.True(outcome.ContentLoaded);
    }
}
