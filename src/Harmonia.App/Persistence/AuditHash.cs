using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Harmonia.App.Features.AuditTrail;

namespace Harmonia.App.Persistence;

/// <summary>The canonical form of an event and its SHA-256; the same bytes on every provider and platform.</summary>
public static class AuditHash
{
    /// <summary>The previous hash of an organization's first event.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Compute(AuditEvent e)
    {
        var canonical = string.Join(
            '\n',
            e.OrganizationId.ToString("D"),
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.OccurredUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            e.Actor,
            e.EntityType,
            e.EntityId,
            e.Action,
            e.Changes,
            e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Whole milliseconds in UTC: what both providers store and read back exactly.</summary>
    public static DateTime Normalize(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
