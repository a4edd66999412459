using Harmonia.Domain.Gaps;

namespace Harmonia.Web.Components.Shared;

/// <summary>The badge class of a requirement result, the same on every page.</summary>
internal static class ResultBadge
{
    public static string Css(RequirementResult result) => result switch
    {
        RequirementResult.Satisfied => "s",
        RequirementResult.PartiallySatisfied => "p",
        RequirementResult.NotApplicable => "n",
        _ => "o",
    };
}
