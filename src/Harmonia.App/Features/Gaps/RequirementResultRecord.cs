using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Gaps;

public sealed class RequirementResultRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string RequirementId { get; set; }

    public required string Result { get; set; }

    public string? Reason { get; set; }
}
