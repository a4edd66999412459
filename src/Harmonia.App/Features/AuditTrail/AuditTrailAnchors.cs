using System.Globalization;
using System.Text.Json;

namespace Harmonia.App.Features.AuditTrail;

/// <summary>Where the anchors live (default data/trail-anchors beside the database); never inside the database.</summary>
public sealed record AuditTrailAnchorSettings(string Folder)
{
    public static AuditTrailAnchorSettings From(string? folder) =>
        new(Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? Path.Combine("data", "trail-anchors") : folder));
}

/// <summary>The head of an organization's chain at a moment: its last event and that event's hash.</summary>
public sealed record AuditTrailAnchor(long Sequence, string Hash, DateTime RecordedUtc)
{
    /// <summary>The form printed in audit packs and accepted by <c>harmonia audit-trail verify --anchor</c>.</summary>
    public override string ToString() => Sequence.ToString(CultureInfo.InvariantCulture) + ":" + Hash;

    public static AuditTrailAnchor? Parse(string text)
    {
        var parts = text.Trim().Split(':');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence > 0 && parts[1].Length is >= 16 and <= 128
            ? new AuditTrailAnchor(sequence, parts[1], DateTime.MinValue)
            : null;
    }
}

/// <summary>
/// A hash chain shows an event changed or removed in the middle, but not the newest events removed: the shortened
/// chain is still a valid chain. Its head is therefore kept outside the database, in files a copy or an edit of
/// the database does not reach, and printed in every audit pack, so the organization can keep it elsewhere too.
/// Verification fails when the chain no longer reaches the anchored event or that event changed.
/// </summary>
public sealed class AuditTrailAnchors(AuditTrailAnchorSettings settings)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public AuditTrailAnchor? Latest(Guid organizationId)
    {
        var path = PathOf(organizationId);
        return File.Exists(path) ? JsonSerializer.Deserialize<AuditTrailAnchor>(File.ReadAllText(path), Json) : null;
    }

    /// <summary>Moves the anchor forward (never back: a shorter chain must keep failing against the longer one).</summary>
    public void Record(Guid organizationId, AuditTrailAnchor head)
    {
        if (Latest(organizationId) is { } current && current.Sequence >= head.Sequence)
        {
            return;
        }

        Directory.CreateDirectory(settings.Folder);
        var path = PathOf(organizationId);
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        File.WriteAllText(temporary, JsonSerializer.Serialize(head, Json));
        File.Move(temporary, path, overwrite: true);
    }

    private string PathOf(Guid organizationId) => Path.Combine(settings.Folder, organizationId.ToString("N") + ".json");
}
