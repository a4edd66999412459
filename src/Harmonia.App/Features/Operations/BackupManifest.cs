using System.Text.Json;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Operations;

/// <summary>A stored file the backup carries, by its content address.</summary>
public sealed record BackupFile(string Sha256, long Bytes);

/// <summary>An organization's audit-trail anchor as it stood when the backup began (never ahead of the database copy).</summary>
public sealed record BackupAnchor(Guid OrganizationId, long Sequence, string Hash);

/// <summary>
/// What a backup holds and the figures a restore must reproduce: the rows of every table, every stored file with its
/// hash, and the trail anchors. Written as manifest.json at the root of the backup archive.
/// </summary>
/// <param name="Migration">The newest schema migration applied to the copied database.</param>
/// <param name="Tables">Rows per table in the copied database.</param>
public sealed record BackupManifest(
    string Format,
    int FormatVersion,
    DateTime CreatedUtc,
    DatabaseProvider Provider,
    string Migration,
    string DatabaseEntry,
    string DatabaseSha256,
    IReadOnlyDictionary<string, long> Tables,
    IReadOnlyList<BackupFile> Files,
    IReadOnlyList<BackupAnchor> Anchors)
{
    public const string FormatName = "harmonia-backup";
    public const int CurrentVersion = 1;
    public const string EntryName = "manifest.json";

    /// <summary>A manifest is a few megabytes at most even for large stores; a bigger one is not ours.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Where a stored file sits inside the archive (the store's own layout under evidence/).</summary>
    public static string FileEntry(string sha256) => $"evidence/{sha256[..2]}/{sha256[2..4]}/{sha256}";
}
