using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Organizations;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Mapping;

namespace Harmonia.App.Features.Gaps;

/// <param name="TeamCapacityFte">Overrides the capacity in the organization file.</param>
/// <param name="Documents">The organization's published documents (from the database; a file has none).</param>
/// <param name="Records">What impact assessments, the risk assessment and approved SoAs earn (from the database).</param>
public sealed record RunGapAnalysisRequest(OrganizationFile Organization, string TargetFrameworkId, double? TeamCapacityFte = null, IReadOnlyList<PublishedDocument>? Documents = null, IReadOnlyList<RecordCredit>? Records = null, IReadOnlyList<OpenMajorNonconformity>? OpenMajors = null);

public sealed class RunGapAnalysisHandler(LoadedContent content, MappingEngine engine)
{
    /// <summary>Which framework a target usually builds on; drives the effort comparison and "do this first" advice.</summary>
    private static readonly Dictionary<string, string> Baselines = new(StringComparer.Ordinal)
    {
        ["iso42001-2023"] = "iso27001-2022",
        ["nist-ai-rmf-1.0"] = "iso42001-2023",
    };

    public GapReport Handle(RunGapAnalysisRequest request)
    {
        var catalog = content.Catalog;
        if (catalog.FindFramework(request.TargetFrameworkId) is null)
        {
            throw HarmoniaInputException.UnknownFramework(request.TargetFrameworkId, catalog.Frameworks.Select(f => f.Id));
        }

        if (request.TeamCapacityFte is { } capacity && !(capacity is > 0 and <= 100))
        {
            throw new HarmoniaInputException($"Team capacity must be between 0 and 100 full-time equivalents, not {capacity}.");
        }

        var options = new GapOptions(Baselines.GetValueOrDefault(request.TargetFrameworkId), request.TeamCapacityFte);
        var state = request.Organization.ToState() with { Documents = request.Documents ?? [], Records = request.Records ?? [], OpenMajorNonconformities = request.OpenMajors ?? [] };
        return new GapAnalyzer(engine).Analyze(state, request.TargetFrameworkId, options);
    }
}
