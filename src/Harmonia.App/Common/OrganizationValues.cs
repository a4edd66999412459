using Harmonia.App.Features.Soa;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Gaps;

namespace Harmonia.App.Common;

/// <summary>The words the organization file and the database use for statuses and results (AI roles: <c>AiRoles</c>).</summary>
public static class OrganizationValues
{
    public static readonly IReadOnlyDictionary<string, ControlStatus> Statuses = new Dictionary<string, ControlStatus>(StringComparer.Ordinal)
    {
        ["planned"] = ControlStatus.Planned,
        ["in_progress"] = ControlStatus.InProgress,
        ["implemented"] = ControlStatus.Implemented,
        ["not_applicable"] = ControlStatus.NotApplicable,
    };

    public static readonly IReadOnlyDictionary<string, RequirementResult> Results = new Dictionary<string, RequirementResult>(StringComparer.Ordinal)
    {
        ["satisfied"] = RequirementResult.Satisfied,
        ["partially_satisfied"] = RequirementResult.PartiallySatisfied,
        ["not_satisfied"] = RequirementResult.NotSatisfied,
        ["not_applicable"] = RequirementResult.NotApplicable,
    };

    /// <summary>
    /// What a person may enter: "not_applicable" stays a known word (stored results from before the rule still read)
    /// but only an approved SoA exclusion produces it.
    /// </summary>
    public static IEnumerable<string> EnterableResults => Results.Where(r => r.Value != RequirementResult.NotApplicable).Select(r => r.Key);

    public static string NotApplicableRefusal(Catalog catalog, Requirement requirement) => NotApplicableRule.Refusal(
        requirement,
        catalog.FindFramework(requirement.FrameworkId)?.Name ?? requirement.FrameworkId,
        SoaJson.Frameworks.Contains(requirement.FrameworkId));

    public static ControlStatus ParseStatus(string token) => Statuses[token];

    public static RequirementResult ParseResult(string token) => Results[token];

    public static string Token(ControlStatus status) => Statuses.First(s => s.Value == status).Key;

    public static string Token(RequirementResult result) => Results.First(r => r.Value == result).Key;
}
