using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Catalogs;

/// <summary>The file format an organization's own framework was imported from (ADR 0036).</summary>
public enum FrameworkSourceFormat
{
    Oscal,
    Yaml,
    Grc,
}

/// <summary>
/// A framework an organization brought itself (ADR 0036): it joins the shipped catalog for that organization only.
/// <see cref="FrameworkId"/> is the id requirement ids are qualified with; it never equals a shipped id.
/// </summary>
public sealed class OwnFrameworkRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string FrameworkId { get; set; }

    public required string Name { get; set; }

    public required string Title { get; set; }

    public string Publisher { get; set; } = string.Empty;

    public FrameworkSourceFormat SourceFormat { get; set; }

    /// <summary>The imported file's name and its own identifier (OSCAL uuid, library URN), as provenance.</summary>
    public required string Source { get; set; }

    /// <summary>The copyright or licence statement the file carried, kept as it was.</summary>
    public string? Licence { get; set; }

    public string? Version { get; set; }

    /// <summary>SHA-256 of the imported text, so the trail shows which file it was.</summary>
    public required string Sha256 { get; set; }

    public DateTime ImportedUtc { get; set; }

    /// <summary>Replaced on every change to the framework or its mappings: the organization's catalog is rebuilt when it moves.</summary>
    public Guid Revision { get; set; }

    public List<OwnRequirementRecord> Requirements { get; set; } = [];
}

/// <summary>
/// One node of an own framework. Assessable nodes are requirements; the others are headings that group them.
/// <see cref="ParentRef"/> links to the parent node by its reference inside the framework.
/// </summary>
public sealed class OwnRequirementRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid OwnFrameworkId { get; set; }

    public required string Ref { get; set; }

    /// <summary>The node's identifier in its source file (a GRC library URN, an OSCAL control id), for mapping files that name it.</summary>
    public string? SourceId { get; set; }

    public string? ParentRef { get; set; }

    public required string Title { get; set; }

    public string Description { get; set; } = string.Empty;

    public bool Assessable { get; set; }

    public int Position { get; set; }
}

/// <summary>
/// A mapping the organization owns: from a shipped or own requirement to another, at least one side in one of its
/// frameworks (<see cref="OwnFrameworkId"/>), so it goes when that framework goes.
/// </summary>
public sealed class OwnMappingRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid OwnFrameworkId { get; set; }

    public required string SourceId { get; set; }

    public required string TargetId { get; set; }

    public required string Relationship { get; set; }

    public int Strength { get; set; }

    public string Rationale { get; set; } = string.Empty;
}
