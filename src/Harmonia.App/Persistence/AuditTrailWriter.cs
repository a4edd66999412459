using System.Globalization;
using System.Reflection;
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
/// tenant, bumps control versions, numbers new <see cref="ISequentialKey"/> rows, notes the files of deleted evidence
/// versions as released (<see cref="ReleasedEvidenceFile"/>) and appends one audit event per changed row to the
/// organization's hash chain. The events are saved by the same SaveChanges, so they commit or roll
/// back with the change. Two writers racing for the same sequence number (or key) hit the unique index and the second
/// save fails whole; the context then calls <see cref="Discard"/> and runs this again on the chain's new end.
/// </summary>
internal sealed class AuditTrailWriter(HarmoniaDbContext context, AuditActor actor, TimeProvider time)
{
    private static readonly MethodInfo HighestNumberOf = typeof(AuditTrailWriter).GetMethod(nameof(HighestNumber), BindingFlags.NonPublic | BindingFlags.Instance)!;

    // The events of the attempt in flight: a failed attempt must not leave them behind for the next one.
    private readonly List<AuditEvent> _appended = [];

    // The release notes of the attempt in flight, discarded with its events.
    private readonly List<ReleasedEvidenceFile> _released = [];

    // The keys this writer numbered: renumbered on a retry, whereas a key the caller chose is never touched.
    private readonly HashSet<ISequentialKey> _numbered = new(ReferenceEqualityComparer.Instance);

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

        var organizations = new Dictionary<EntityEntry, Guid>();
        foreach (var entry in changed)
        {
            if (entry is { State: EntityState.Modified, Entity: EvidenceVersion })
            {
                throw new InvalidOperationException("Evidence versions are immutable: add a new version instead of changing one.");
            }

            organizations[entry] = Stamp(entry, tenant);
            if (entry is { State: EntityState.Modified, Entity: ControlRecord })
            {
                // Through the entry, so the bump is tracked now: it is saved, audited and checked as the concurrency token.
                // From the original value, so a retried save still bumps by one.
                var version = entry.Property(nameof(ControlRecord.Version));
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }

        NumberKeys(changed);
        var now = AuditHash.Normalize(time.GetUtcNow().UtcDateTime);
        foreach (var sha in changed.Where(e => e.State == EntityState.Deleted).Select(e => e.Entity).OfType<EvidenceVersion>().Select(v => v.Sha256).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            // Whether another row still names the file is the sweep's question; this only starts the retention clock.
            var released = new ReleasedEvidenceFile { Id = Guid.CreateVersion7(), Sha256 = sha.ToLowerInvariant(), ReleasedUtc = now };
            context.ReleasedEvidenceFiles.Add(released);
            _released.Add(released);
        }

        var events = new List<AuditEvent>();
        foreach (var entry in changed)
        {
            var changes = Changes(entry);
            if (changes.Count == 0)
            {
                continue;
            }

            events.Add(new AuditEvent
            {
                OrganizationId = organizations[entry],
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
                _appended.Add(auditEvent);
            }
        }
    }

    /// <summary>The save committed: nothing is renumbered any more.</summary>
    public void Saved()
    {
        _appended.Clear();
        _released.Clear();
        _numbered.Clear();
    }

    /// <summary>The save failed: its events leave the change tracker, so a retry (or a later save) appends afresh.</summary>
    public void Discard()
    {
        foreach (var row in _appended.Cast<object>().Concat(_released))
        {
            context.Entry(row).State = EntityState.Detached;
        }

        _appended.Clear();
        _released.Clear();
    }

    private void NumberKeys(IEnumerable<EntityEntry> changed)
    {
        var groups = changed
            .Where(e => e is { State: EntityState.Added, Entity: ISequentialKey row } && (row.Key.Length == 0 || _numbered.Contains(row)))
            .GroupBy(e => (e.Metadata.ClrType, ((ISequentialKey)e.Entity).OrganizationId));
        foreach (var group in groups)
        {
            var rows = group.Select(e => (ISequentialKey)e.Entity).ToArray();
            var prefix = rows[0].KeyPrefix;
            var number = (int)HighestNumberOf.MakeGenericMethod(group.Key.ClrType).Invoke(this, [group.Key.OrganizationId, prefix])!;
            foreach (var row in rows)
            {
                row.AssignKey(prefix + ++number);
                _numbered.Add(row);
            }
        }
    }

    // Keys are never reused (a retired objective keeps its number), so the next one follows the highest that exists.
    private int HighestNumber<T>(Guid organizationId, string prefix)
        where T : class, ISequentialKey =>
        context.Set<T>().IgnoreQueryFilters([HarmoniaDbContext.TenantFilter])
            .Where(r => r.OrganizationId == organizationId && r.Key.StartsWith(prefix))
            .Select(r => r.Key)
            .AsEnumerable()
            .Select(k => int.TryParse(k.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();

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

            // Key material, even encrypted, is never written or shown: the trail says that it was set or changed.
            if (Features.AuditTrail.AuditEventText.IsKeyMaterial(name))
            {
                (before, after) = (before is null ? null : Features.AuditTrail.AuditEventText.KeyMaterialMark, after is null ? null : Features.AuditTrail.AuditEventText.KeyMaterialMark);
            }
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
