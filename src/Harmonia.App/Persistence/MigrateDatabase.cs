using Harmonia.App.Content;
using Harmonia.App.Features.Catalogs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Harmonia.App.Persistence;

/// <param name="Applied">Migrations applied by this run, oldest first.</param>
/// <param name="ContentLoaded">True when this run loaded a new content version into the catalog tables.</param>
public sealed record MigrationOutcome(IReadOnlyList<string> Applied, bool ContentLoaded, string ContentVersion);

/// <summary>
/// Brings the database to the current schema (SQLite in WAL mode) and loads the shipped content version into the
/// catalog tables once. Loading the same version again changes nothing; a new version replaces catalog rows only
/// and never touches organization data.
/// </summary>
public sealed partial class MigrateDatabaseHandler(HarmoniaDbContext db, LoadedContent content, TimeProvider time, ILogger<MigrateDatabaseHandler> logger)
{
    /// <summary>
    /// How long a SQLite migration lock may stand before it counts as left behind by a killed process. Real
    /// migrations hold it for well under a second; one process per SQLite file migrates at a time.
    /// </summary>
    public static readonly TimeSpan StaleLockAfter = TimeSpan.FromMinutes(2);

    public async Task<MigrationOutcome> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            EnsureFolderOf(db.Database.GetConnectionString());
        }

        // Migrating takes the database's migration lock even when nothing is pending, and a start killed while
        // holding it used to leave every later start hanging: ask first, and take the lock only to change something.
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToArray();
        if (pending.Length > 0)
        {
            using var migrating = db.Database.IsSqlite() ? HoldMigrationFile(db.Database.GetConnectionString()) : null;
            if (db.Database.IsSqlite())
            {
                await ClearStaleSqliteLockAsync(alone: migrating is not null, cancellationToken);
            }

            Applying(logger, pending.Length, pending[^1]);
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var loaded = await LoadContentAsync(cancellationToken);
        return new MigrationOutcome(pending, loaded, content.Version);
    }

    /// <summary>
    /// EF Core keeps the SQLite migration lock as a row in __EFMigrationsLock and waits for it without end. A row
    /// older than <see cref="StaleLockAfter"/> (by its own time stamp, or watched that long) was left by a process
    /// that died while migrating: it is removed, with a warning in the log. When this process holds the migration
    /// file (<see cref="HoldMigrationFile"/>) no other process on this machine is migrating, so a row is stale at once:
    /// a start killed mid-migration no longer holds up the next start for minutes.
    /// </summary>
    private async Task ClearStaleSqliteLockAsync(bool alone, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var watchedSince = time.GetUtcNow();
            var announced = false;
            while (await MigrationLockAsync(connection, cancellationToken) is { Held: true } row)
            {
                var now = time.GetUtcNow();
                var heldSince = row.Taken ?? watchedSince;
                if (alone || now - heldSince >= StaleLockAfter || now - watchedSince >= StaleLockAfter)
                {
                    await using var delete = connection.CreateCommand();
                    delete.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
                    await delete.ExecuteNonQueryAsync(cancellationToken);
                    RemovedStaleLock(logger, heldSince);
                    return;
                }

                if (!announced)
                {
                    WaitingForLock(logger, heldSince, StaleLockAfter.TotalMinutes);
                    announced = true;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Whether a lock row stands, and when it was taken (null if its stamp cannot be read).</summary>
    private static async Task<(bool Held, DateTimeOffset? Taken)> MigrationLockAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return (false, null);
        }

        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT \"Timestamp\" FROM \"__EFMigrationsLock\" LIMIT 1";
        var stamp = await read.ExecuteScalarAsync(cancellationToken);
        if (stamp is null or DBNull)
        {
            return (false, null);
        }

        var readable = DateTimeOffset.TryParse(Convert.ToString(stamp, System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var taken);
        return (true, readable ? taken : null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migrations, up to {Latest}")]
    private static partial void Applying(ILogger logger, int count, string latest);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed a database migration lock taken at {Taken}: the process holding it stopped without releasing it")]
    private static partial void RemovedStaleLock(ILogger logger, DateTimeOffset taken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for the database migration lock taken at {Taken} by another process (removed as stale after {Minutes} minutes)")]
    private static partial void WaitingForLock(ILogger logger, DateTimeOffset taken, double minutes);

    /// <summary>SQLite creates the database file but not its folder (the default is data/ under the working folder).</summary>
    /// <summary>
    /// An exclusive lock on a file next to the database for as long as this process migrates. The operating system
    /// releases it when the process dies, however it dies, unlike the lock row EF Core writes into the database.
    /// Null when another process holds it (it is migrating now) or the database is not a file.
    /// </summary>
    private static FileStream? HoldMigrationFile(string? connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            return null;
        }

        try
        {
            return new FileStream(Path.GetFullPath(file) + ".migrating", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void EnsureFolderOf(string? connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }

    private async Task<bool> LoadContentAsync(CancellationToken cancellationToken)
    {
        if (await db.ContentReleases.AnyAsync(r => r.Version == content.Version, cancellationToken))
        {
            return false;
        }

        var catalog = content.Catalog;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.CatalogMappings.ExecuteDeleteAsync(cancellationToken);
        await db.CatalogRequirements.ExecuteDeleteAsync(cancellationToken);
        await db.CatalogFrameworks.ExecuteDeleteAsync(cancellationToken);
        db.CatalogFrameworks.AddRange(catalog.Frameworks.Select(f => new CatalogFramework { Id = f.Id, Name = f.Name, Title = f.Title, Publisher = f.Publisher }));
        db.CatalogRequirements.AddRange(catalog.Frameworks.SelectMany(f => f.Requirements.Select((r, i) => new CatalogRequirement
        {
            Id = r.Id,
            FrameworkId = r.FrameworkId,
            Ref = r.Ref,
            Title = r.Title,
            GroupId = r.GroupId,
            Kind = r.Kind.ToString().ToLowerInvariant(),
            Summary = r.Summary,
            Evidence = r.Evidence,
            EffortHundredths = (int)Math.Round(r.EffortDays * 100),
            SortOrder = i,
        })));
        db.CatalogMappings.AddRange(catalog.Mappings.Select(m => new CatalogMapping
        {
            SourceId = m.SourceId,
            TargetId = m.TargetId,
            Relationship = Domain.Mapping.RelationshipExtensions.ToToken(m.Relationship),
            Strength = m.Strength,
            Rationale = m.Rationale,
        }));
        db.ContentReleases.Add(new ContentRelease
        {
            Version = content.Version,
            LoadedUtc = time.GetUtcNow().UtcDateTime,
            Frameworks = catalog.Frameworks.Count,
            Requirements = catalog.Requirements.Count(),
            Mappings = catalog.Mappings.Count,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
