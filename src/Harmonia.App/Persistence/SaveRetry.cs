using System.Diagnostics.Metrics;
using Harmonia.App.Features.AuditTrail;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Harmonia.App.Persistence;

/// <summary>
/// When a save may be repeated. Numbers that count up per organization (the audit trail's sequence, sequential keys)
/// are read before the save and claimed by it, so two writers of one organization can read the same number; the unique
/// index lets the first win and refuses the second. The loser has done nothing wrong and must not see a 500: its save
/// is renumbered from the new maximum and tried again a few times, a little apart so the writers spread out.
/// </summary>
internal static class SaveRetry
{
    public const int MaxAttempts = 8;

    private static readonly Meter Meter = new("Harmonia.Persistence");

    /// <summary>Saves repeated after losing such a race: how contended one organization's writes are.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("harmonia.save.retries", description: "Saves renumbered and repeated after a concurrent writer took the same audit-trail sequence or key.");

    /// <summary>Whether renumbering can cure the failure: a unique violation of a counted-up number.</summary>
    public static bool IsLostRace(Exception exception, IModel model) => exception is DbUpdateException { InnerException: var inner } && inner switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: { } index } => RenumberedIndexes(model).Contains(index, StringComparer.Ordinal),

        // SQLite names the index only in the message text. Every unique violation counts here: one that renumbering
        // cannot cure (a duplicate the caller chose) fails alike on every attempt and surfaces after the last.
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 } => true,
        _ => false,
    };

    /// <summary>
    /// Random, so writers that collided once do not collide again in step, and within a window that doubles (20, 40,
    /// 80, 160 ms, then 250 ms) so that many writers of one organization end up one after another.
    /// </summary>
    public static TimeSpan Delay(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.Next(1, Math.Min(10 << attempt, 250)));

    private static IEnumerable<string?> RenumberedIndexes(IModel model) => model.GetEntityTypes()
        .Where(t => t.ClrType == typeof(AuditEvent) || typeof(ISequentialKey).IsAssignableFrom(t.ClrType))
        .SelectMany(t => t.GetIndexes())
        .Where(i => i.IsUnique && i.Properties.Any(p => p.Name is nameof(AuditEvent.Sequence) or nameof(ISequentialKey.Key)))
        .Select(i => i.GetDatabaseName());
}
