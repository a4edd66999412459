namespace Harmonia.App.Features.Organizations;

/// <summary>The organization archive's name, version and the limits an import holds it to (ADR 0035).</summary>
public static class OrganizationArchive
{
    public const string Format = "harmonia-organization";

    public const int Version = 1;

    /// <summary>The archive's name inside a zip that carries the stored files beside it.</summary>
    public const string ArchiveEntry = "organization.json";

    /// <summary>Where a zip keeps the stored files, each under its SHA-256.</summary>
    public const string FilesFolder = "files/";

    /// <summary>Largest archive (the JSON itself) an import reads.</summary>
    public const long MaxArchiveBytes = 256L * 1024 * 1024;

    /// <summary>Largest zip (archive and files together) an import reads.</summary>
    public const long MaxZipBytes = 4L * 1024 * 1024 * 1024;

    public const int MaxRows = 1_000_000;

    public const int MaxPeople = 10_000;

    public const int MaxFiles = 100_000;

    /// <summary>An archive nests four levels (archive, tables, table, row); anything deeper is not an archive.</summary>
    public const int MaxDepth = 6;
}
