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

public enum AiRole
{
    Developer,
    Provider,
    Deployer,
    User,
}

public sealed record AiSystemEntry(string Id, string Name, string? Purpose, AiRole Role, string? LifecycleStage, string? Supplier);
