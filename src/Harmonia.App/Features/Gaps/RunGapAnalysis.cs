using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Mapping;

namespace Harmonia.App.Features.Gaps;

/// <param name="Organization">A stored organization's state (<see cref="StoredOrganizationState"/>) or an organization file's.</param>
/// <param name="TeamCapacityFte">Overrides the organization's own capacity.</param>
public sealed record RunGapAnalysisRequest(OrganizationState Organization, string TargetFrameworkId, double? TeamCapacityFte = null);

public sealed class RunGapAnalysisHandler(LoadedContent content, MappingEngine engine)
{
    /// <summary>Which framework a target usually builds on; drives the effort comparison and "do this first" advice.</summary>
    private static readonly Dictionary<string, string> Baselines = new(StringComparer.Ordinal)
    {
        ["iso42001-2023"] = "iso27001-2022",
        ["nist-ai-rmf-1.0"] = "iso42001-2023",
        ["eu-ai-act-2024"] = "iso42001-2023",
    };

    /// <param name="organizationEngine">The engine over the organization's own catalog (ADR 0036); null for the shipped one.</param>
    public GapReport Handle(RunGapAnalysisRequest request, MappingEngine? organizationEngine = null)
    {
        var catalog = organizationEngine?.Catalog ?? content.Catalog;
        if (catalog.FindFramework(request.TargetFrameworkId) is null)
        {
            throw InvalidInputException.UnknownFramework(request.TargetFrameworkId, catalog.Frameworks.Select(f => f.Id));
        }

        if (request.TeamCapacityFte is { } capacity && !(capacity is > 0 and <= 100))
        {
            throw new InvalidInputException($"Team capacity must be between 0 and 100 full-time equivalents, not {capacity}.");
        }

        var options = new GapOptions(Baselines.GetValueOrDefault(request.TargetFrameworkId), request.TeamCapacityFte);
        return new GapAnalyzer(organizationEngine ?? engine).Analyze(request.Organization, request.TargetFrameworkId, options);
    }
}
