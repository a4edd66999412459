using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Organizations;

/// <summary>
/// A person the organization names as its top management: the people who direct it at the highest level and who
/// hold the management review, approve the policies and accept the risks above the methodology's limit. A person, not
/// an app role: top management is often not the person administering the app.
/// </summary>
public sealed class TopManagementMember : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Name { get; set; }

    /// <summary>Their title or position, e.g. Chief Executive Officer.</summary>
    public required string Position { get; set; }

    /// <summary>Their member account when they sign in themselves; lets the app tell when they are the one acting.</summary>
    public Guid? UserId { get; set; }

    public int Version { get; set; } = 1;
}
