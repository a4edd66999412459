using Harmonia.Domain.Gaps;
namespace Harmonia.App.Features.Organizations;

/// <summary>A whole organization as YAML ("compliance as code"); the format is documented in the README.</summary>
public sealed record OrganizationFile(
    OrganizationProfile Profile,
    double TeamCapacityFte,
    IReadOnlyList<AiSystemEntry> AiSystems,
    IReadOnlyList<OrganizationControl> Controls,
    IReadOnlyList<DirectResult> Results)
{
    public OrganizationState ToState() =>
        new(Profile.Name, Profile.Employees, TeamCapacityFte, Controls, Results);
}

public sealed record OrganizationProfile(
    string Name,
    string? Sector,
    int? Employees,
    IReadOnlyList<string> Locations,
    IReadOnlyList<Certification> Certifications);

public sealed record Certification(string FrameworkId, DateOnly? Since, string? CertificationBody);

/// <param name="Roles">The organization's ISO/IEC 22989 roles towards the system (tokens of <c>AiRoles</c>), at least one.</param>
/// <param name="EuAiActRole">Optional EU AI Act operator role.</param>
public sealed record AiSystemEntry(string Id, string Name, string? Purpose, IReadOnlyList<string> Roles, string? EuAiActRole, string? LifecycleStage, string? Supplier);
