using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Harmonia.App.Persistence;

/// <summary>
/// Writers of one organization read the end of its audit trail and its highest keys, then append after them. With 32
/// writers the optimistic retry alone (SaveRetry) ran out of attempts on PostgreSQL and answered 500 (issue 20), so a
/// save now runs in a transaction that first takes the organization's lock: a transaction-scoped advisory lock per
/// organization on PostgreSQL (other organizations write on undisturbed), the database's write lock on SQLite (taken
/// up front, as Microsoft.Data.Sqlite begins transactions IMMEDIATE). The retry stays as the fallback.
/// </summary>
public abstract partial class HarmoniaDbContext
{
    private IDbContextTransaction? Serialize()
    {
        if (!ChangeTracker.HasChanges())
        {
            return null;
        }

        // Inside the caller's transaction the lock is held until the caller commits.
        var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        foreach (var key in LockKeys())
        {
            Database.ExecuteSqlRaw("SELECT pg_advisory_xact_lock({0})", key);
        }

        return own;
    }

    private async Task<IDbContextTransaction?> SerializeAsync(CancellationToken cancellationToken)
    {
        if (!ChangeTracker.HasChanges())
        {
            return null;
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        foreach (var key in LockKeys())
        {
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [key], cancellationToken);
        }

        return own;
    }

    /// <summary>
    /// A transaction holding the organization's write lock, for a use case that reads the latest version of something
    /// and writes the next one itself (the answers, the risk methodology): the read and the write then happen under one lock.
    /// </summary>
    public async Task<IDbContextTransaction> BeginOrganizationWriteAsync(CancellationToken cancellationToken)
    {
        var transaction = await Database.BeginTransactionAsync(cancellationToken);
        if (Database.IsNpgsql() && _tenant.OrganizationId is { } organization)
        {
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [LockKey(organization)], cancellationToken);
        }

        return transaction;
    }

    private static long LockKey(Guid organization) => BitConverter.ToInt64(organization.ToByteArray(), 0);

    // In a fixed order, so two saves touching the same organizations cannot wait for each other crosswise.
    private long[] LockKeys() => !Database.IsNpgsql() ? [] : ChangeTracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
        .Select(e => e.Entity switch
        {
            Features.Organizations.Organization organization => organization.Id,
            IOrganizationScoped { OrganizationId: var id } when id != Guid.Empty => id,
            _ => _tenant.OrganizationId ?? Guid.Empty,
        })
        .Where(id => id != Guid.Empty)
        .Distinct()
        .Select(LockKey)
        .Order()
        .ToArray();
}
