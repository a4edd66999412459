namespace Harmonia.App.Common;

/// <param name="Folder">Where files are kept, content-addressed (default data/evidence beside the SQLite file).</param>
/// <param name="MaxFileBytes">The largest file accepted (25 MB unless configured).</param>
public sealed record EvidenceStoreSettings(string Folder, long MaxFileBytes)
{
    public const long DefaultMaxFileBytes = 25L * 1024 * 1024;

    public static EvidenceStoreSettings From(string? folder, long? maxFileBytes) =>
        new(Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? Path.Combine("data", "evidence") : folder), maxFileBytes is > 0 ? maxFileBytes.Value : DefaultMaxFileBytes);
}
