namespace Harmonia.App.Features.Catalogs;

/// <summary>Which shipped content version the database holds; loading the same version again changes nothing.</summary>
public sealed class ContentRelease
{
    public required string Version { get; set; }

    public DateTime LoadedUtc { get; set; }

    public int Frameworks { get; set; }

    public int Requirements { get; set; }

    public int Mappings { get; set; }
}

public sealed class CatalogFramework
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string Title { get; set; }

    public required string Publisher { get; set; }
}

/// <summary>A shipped requirement as a row, so tenant data can be queried and joined against the catalog.</summary>
public sealed class CatalogRequirement
{
    public required string Id { get; set; }

    public required string FrameworkId { get; set; }

    public required string Ref { get; set; }

    public required string Title { get; set; }

    public required string GroupId { get; set; }

    public required string Kind { get; set; }

    public required string Summary { get; set; }

    public required string Evidence { get; set; }

    public int EffortHundredths { get; set; }

    public int SortOrder { get; set; }
}

public sealed class CatalogMapping
{
    public int Id { get; set; }

    public required string SourceId { get; set; }

    public required string TargetId { get; set; }

    public required string Relationship { get; set; }

    public int Strength { get; set; }

    public required string Rationale { get; set; }
}
