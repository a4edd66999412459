using System.Text.RegularExpressions;
using Harmonia.App.Common;
using Harmonia.Domain.Mapping;

namespace Harmonia.App.Features.Catalogs;

/// <summary>One node of an imported framework before it is stored: a heading (not assessable) or a requirement.</summary>
public sealed record ImportedNode(string Ref, string? SourceId, string? ParentRef, string Title, string Description, bool Assessable);

/// <summary>
/// A mapping read from a file. <see cref="Source"/> and <see cref="Target"/> are qualified requirement ids or, for a
/// GRC library, the URNs the file used; <see cref="ImportFrameworkHandler"/> resolves them against the organization's catalog.
/// </summary>
public sealed record ImportedMapping(string Source, string Target, Relationship Relationship, int Strength, string Rationale);

/// <summary>What a file holds: a framework (with provenance and licence), mappings, or both.</summary>
/// <param name="Id">The framework id the file names itself (our YAML format); null when the caller must choose one.</param>
public sealed record ImportedFile(
    string? Id,
    string Name,
    string Title,
    string Publisher,
    FrameworkSourceFormat Format,
    string Source,
    string? Licence,
    string? Version,
    string? Urn,
    IReadOnlyList<ImportedNode> Nodes,
    IReadOnlyList<ImportedMapping> Mappings)
{
    public bool HasFramework => Nodes.Count > 0;
}

/// <summary>The limits every framework file is read under; a file over any of them is refused whole.</summary>
public static partial class FrameworkImportLimits
{
    /// <summary>The NIST SP 800-53 rev5 resolved LOW catalog is 2.6 MB; the whole catalog about 10 MB.</summary>
    public const long MaxBytes = 12 * 1024 * 1024;

    /// <summary>Requirement nodes per framework: SP 800-53 with every enhancement has about 1,200.</summary>
    public const int MaxNodes = 5000;

    /// <summary>Levels of nodes under nodes (family, control, enhancement is 3).</summary>
    public const int MaxNodeDepth = 8;

    public const int MaxMappings = 20_000;

    /// <summary>Nesting of the file's own structure (JSON objects and arrays, YAML mappings and sequences).</summary>
    public const int MaxStructureDepth = 64;

    public static InputLimits Yaml { get; } = new() { MaxTextBytes = MaxBytes, MaxDepth = MaxStructureDepth, MaxNodes = 1_000_000, MaxParseTime = TimeSpan.FromSeconds(20) };

    /// <summary>Lower-case letters, digits, dot, dash and underscore, starting with a letter or digit: ids appear in links and requirement ids.</summary>
    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    public const string IdRule = "a framework id is 2 to 64 lower-case letters, digits, '.', '-' or '_', starting with a letter or digit";

    /// <summary>A framework id made from a file name: "NIST_SP-800-53 LOW.json" gives "nist_sp-800-53-low".</summary>
    public static string IdFromFileName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant();
        var slug = SlugRun().Replace(stem, "-").Trim('-', '.', '_');
        return slug.Length > 64 ? slug[..64].TrimEnd('-', '.', '_') : slug;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("[^a-z0-9._-]+")]
    private static partial Regex SlugRun();
}
