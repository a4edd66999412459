using System.Globalization;
using System.Text.Json;
using Harmonia.App.Features.AuditTrail;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Harmonia.App.Persistence;

/// <summary>
/// Runs inside every SaveChanges: stamps new organization-scoped rows with the tenant, refuses rows of another
/// tenant, bumps control versions and appends one audit event per changed row to the organization's hash chain.
/// The events are saved by the same SaveChanges, so they commit or roll back with the change. Two writers racing
/// for the same sequence number hit the unique (organization, sequence) index and the second save fails whole.
/// </summary>
internal sealed class AuditTrailWriter(HarmoniaDbContext context, AuditActor actor, TimeProvider time)
{
    public void BeforeSave(Guid? tenant)
    {
        context.ChangeTracker.DetectChanges();
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is IOrganizationScoped or Organization)
            .ToArray();
        if (changed.Length == 0)
        {
            return;
        }

        var now = AuditHash.Normalize(time.GetUtcNow().UtcDateTime);
        var events = new List<AuditEvent>();
        foreach (var entry in changed)
        {
            if (entry is { State: EntityState.Modified, Entity: EvidenceVersion })
            {
                throw new InvalidOperationException("Evidence versions are immutable: add a new version instead of changing one.");
            }

            var organizationId = Stamp(entry, tenant);
            if (entry is { State: EntityState.Modified, Entity: ControlRecord control })
            {
                // Through the entry, so the bump is tracked now: it is saved, audited and checked as the concurrency token.
                entry.Property(nameof(ControlRecord.Version)).CurrentValue = control.Version + 1;
            }

            var changes = Changes(entry);
            if (changes.Count == 0)
            {
                continue;
            }

            events.Add(new AuditEvent
            {
                OrganizationId = organizationId,
                OccurredUtc = now,
                Actor = actor.Name,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Action = entry.State switch
                {
                    EntityState.Added => "created",
                    EntityState.Deleted => "deleted",
                    _ => "updated",
                },
                Changes = JsonSerializer.Serialize(changes),
                PreviousHash = string.Empty,
                Hash = string.Empty,
            });
        }

        foreach (var chain in events.GroupBy(e => e.OrganizationId))
        {
            var last = context.AuditEvents.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter])
                .Where(e => e.OrganizationId == chain.Key)
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefault();
            var sequence = last?.Sequence ?? 0;
            var previous = last?.Hash ?? AuditHash.Genesis;
            foreach (var auditEvent in chain)
            {
                auditEvent.Sequence = ++sequence;
                auditEvent.PreviousHash = previous;
                auditEvent.Hash = AuditHash.Compute(auditEvent);
                previous = auditEvent.Hash;
                context.AuditEvents.Add(auditEvent);
            }
        }
    }

    private static Guid Stamp(EntityEntry entry, Guid? tenant)
    {
        if (entry.Entity is Organization organization)
        {
            return organization.Id;
        }

        var scoped = (IOrganizationScoped)entry.Entity;
        if (entry.State == EntityState.Added && scoped.OrganizationId == Guid.Empty)
        {
            scoped.OrganizationId = tenant ?? throw new InvalidOperationException($"A new {entry.Metadata.ClrType.Name} needs an organization.");
        }

        if (tenant is { } current && scoped.OrganizationId != current)
        {
            throw new InvalidOperationException($"Refusing to write a {entry.Metadata.ClrType.Name} of another organization.");
        }

        return scoped.OrganizationId;
    }

    private static SortedDictionary<string, object?> Changes(EntityEntry entry)
    {
        var changes = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            // Secrets never enter the trail, not even hashed.
            if (name is "Id" or "OrganizationId" || name.EndsWith("Hash", StringComparison.Ordinal) || (entry.State == EntityState.Modified && !property.IsModified))
            {
                continue;
            }

            var before = entry.State == EntityState.Added ? null : Value(property.OriginalValue);
            var after = entry.State == EntityState.Deleted ? null : Value(property.CurrentValue);
            if (entry.State == EntityState.Modified && Equals(before, after))
            {
                continue;
            }

            changes[name] = new { before, after };
        }

        return changes;
    }

    private static string? Value(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Value(entry.Property(p.Name).CurrentValue)));
}
