namespace Harmonia.App.Common;

/// <summary>Where evidence files are kept and how large they may be.</summary>
/// <param name="MaxBytesPerOrganization">The total of all evidence file versions one organization may keep.</param>
public sealed record EvidenceStoreSettings(string Folder, long MaxFileBytes, long MaxBytesPerOrganization = EvidenceStoreSettings.DefaultMaxBytesPerOrganization)
{
    public const long DefaultMaxFileBytes = 25L * 1024 * 1024;

    // One tenant must not be able to fill the disk every other tenant shares.
    public const long DefaultMaxBytesPerOrganization = 10L * 1024 * 1024 * 1024;

    public static EvidenceStoreSettings From(string? folder, long? maxFileBytes, long? maxBytesPerOrganization = null) =>
        new(
            Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? Path.Combine("data", "evidence") : folder),
            maxFileBytes is > 0 ? maxFileBytes.Value : DefaultMaxFileBytes,
            maxBytesPerOrganization is > 0 ? maxBytesPerOrganization.Value : DefaultMaxBytesPerOrganization);
}
