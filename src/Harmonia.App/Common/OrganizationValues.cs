using Harmonia.App.Features.Organizations;
using Harmonia.Domain.Gaps;

namespace Harmonia.App.Common;

/// <summary>The words the organization file and the database use for roles, statuses and results.</summary>
public static class OrganizationValues
{
    public static readonly IReadOnlyDictionary<string, AiRole> Roles = new Dictionary<string, AiRole>(StringComparer.Ordinal)
    {
        ["developer"] = AiRole.Developer,
        ["provider"] = AiRole.Provider,
        ["deployer"] = AiRole.Deployer,
        ["user"] = AiRole.User,
    };

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

    public static AiRole ParseRole(string token) => Roles[token];

    public static ControlStatus ParseStatus(string token) => Statuses[token];

    public static RequirementResult ParseResult(string token) => Results[token];

    public static string Token(AiRole role) => Roles.First(r => r.Value == role).Key;

    public static string Token(ControlStatus status) => Statuses.First(s => s.Value == status).Key;

    public static string Token(RequirementResult result) => Results.First(r => r.Value == result).Key;
}
