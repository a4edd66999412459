using Harmonia.App.Content;
using Harmonia.App.Features.Catalogs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Persistence;

/// <param name="Applied">Migrations applied by this run, oldest first.</param>
/// <param name="ContentLoaded">True when this run loaded a new content version into the catalog tables.</param>
public sealed record MigrationOutcome(IReadOnlyList<string> Applied, bool ContentLoaded, string ContentVersion);

/// <summary>
/// Brings the database to the current schema (SQLite in WAL mode) and loads the shipped content version into the
/// catalog tables once. Loading the same version again changes nothing; a new version replaces catalog rows only
/// and never touches organization data.
/// </summary>
public sealed class MigrateDatabaseHandler(HarmoniaDbContext db, LoadedContent content, TimeProvider time)
{
    public async Task<MigrationOutcome> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            EnsureFolderOf(db.Database.GetConnectionString());
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToArray();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var loaded = await LoadContentAsync(cancellationToken);
        return new MigrationOutcome(pending, loaded, content.Version);
    }

    /// <summary>SQLite creates the database file but not its folder (the default is data/ under the working folder).</summary>
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
