using Harmonia.App.Features.Evidence;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Controls;

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

    public List<EvidenceRecord> Evidence { get; set; } = [];
}

public sealed class ControlRequirementLink : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid ControlId { get; set; }

    public required string RequirementId { get; set; }
}
