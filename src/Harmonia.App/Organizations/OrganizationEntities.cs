using Harmonia.App.Persistence;

namespace Harmonia.App.Organizations;

public sealed class Organization
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public string? Sector { get; set; }

    public int? Employees { get; set; }

    /// <summary>Locations, one per line.</summary>
    public string Locations { get; set; } = string.Empty;

    /// <summary>Team capacity in hundredths of a full-time equivalent (integers sort and compare on every provider).</summary>
    public int TeamCapacityHundredths { get; set; } = 100;

    public DateTime CreatedUtc { get; set; }
}

public sealed class ControlRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The organization's own identifier, e.g. "C-12"; unique within the organization.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public string? Owner { get; set; }

    public required string Status { get; set; }

    /// <summary>Incremented on every change; the ETag of the control and the concurrency token.</summary>
    public int Version { get; set; } = 1;

    public List<ControlRequirementLink> Requirements { get; set; } = [];

    public List<ControlEvidenceReference> Evidence { get; set; } = [];
}

public sealed class ControlRequirementLink : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid ControlId { get; set; }

    public required string RequirementId { get; set; }
}

public sealed class ControlEvidenceReference : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid ControlId { get; set; }

    public required string Title { get; set; }

    public DateOnly? Date { get; set; }
}

public sealed class RequirementResultRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string RequirementId { get; set; }

    public required string Result { get; set; }

    public string? Reason { get; set; }
}

public sealed class AiSystemRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Key { get; set; }

    public required string Name { get; set; }

    public string? Purpose { get; set; }

    public required string Role { get; set; }

    public string? LifecycleStage { get; set; }

    public string? Supplier { get; set; }
}
