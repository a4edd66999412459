using System.Globalization;
using Harmonia.App.Features.Competence;
using Harmonia.App.Features.Objectives;
using Harmonia.Domain.Competence;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Objectives;

namespace Harmonia.App.Features.Gaps;

/// <summary>
/// What objectives and competence records earn: measured objectives of a management system -> 6.2 and 9.1 of its
/// standard; roles with required competences and the people holding them -> 7.2 of both standards.
/// </summary>
internal static class ObjectiveAndCompetenceCredits
{
    private const int Named = 5;

    public static IEnumerable<RecordCredit> ForObjectives(IReadOnlyList<ObjectiveDto> objectives)
    {
        foreach (var (framework, kind) in new[] { ("iso27001-2022", "information security"), ("iso42001-2023", "AI") })
        {
            var mine = objectives.Where(o => o.RetiredOn is null && o.System.Serves(framework)).ToArray();

            // Objectives that were never measured are only a plan; 9.1 asks for results, so nothing is earned yet.
            if (!mine.Any(o => o.Measurements.Count > 0))
            {
                continue;
            }

            var lacking = mine.Where(o => o.Standing.Status is ObjectiveStatus.NoMeasurement or ObjectiveStatus.MeasurementOverdue).ToArray();
            var met = mine.Count(o => o.Standing.LatestMet == true);
            var reason = string.Format(CultureInfo.InvariantCulture, "{0} {1} objectives with a measure, target and owner; {2} of them meet their target at the latest measurement", mine.Length, kind, met);
            var result = lacking.Length == 0 ? RequirementResult.Satisfied : RequirementResult.PartiallySatisfied;
            reason += lacking.Length == 0
                ? ", and every one is measured as often as agreed."
                : "; without a current measurement: " + string.Join(", ", lacking.Take(Named).Select(Lacking)) + (lacking.Length > Named ? $" and {lacking.Length - Named} more." : ".");
            yield return new RecordCredit(framework + ":6.2", result, reason);
            yield return new RecordCredit(framework + ":9.1", result, reason);
        }
    }

    public static IEnumerable<RecordCredit> ForCompetence(CompetenceOverview competence)
    {
        var defining = competence.Roles.Where(r => r.RequiredCompetences.Count > 0).ToArray();
        if (defining.Length == 0 || competence.People.Count == 0)
        {
            yield break;
        }

        var assigned = competence.People.Count(p => p.Roles.Any(r => defining.Any(d => string.Equals(d.Name, r, StringComparison.OrdinalIgnoreCase))));
        var gaps = competence.Gaps.GapCells.ToArray();
        var basis = $"{defining.Length} roles define the competences they require; {assigned} of {competence.People.Count} people hold one";
        string reason;
        RequirementResult result;
        if (assigned == 0)
        {
            (result, reason) = (RequirementResult.PartiallySatisfied, basis + ", so nobody's competence is checked yet.");
        }
        else if (gaps.Length > 0)
        {
            var named = string.Join("; ", gaps.Take(Named).Select(g => $"{g.Person}: {competence.NameOf(g.CompetenceKey)} {(g.State == CoverageState.Expired ? "expired" : "missing")}"));
            (result, reason) = (RequirementResult.PartiallySatisfied, $"{basis}; {gaps.Length} competence gaps remain ({named}{(gaps.Length > Named ? "; ..." : string.Empty)}).");
        }
        else
        {
            (result, reason) = (RequirementResult.Satisfied, $"{basis}; current evidence covers every required competence ({competence.Gaps.Covered} in all).");
        }

        yield return new RecordCredit("iso27001-2022:7.2", result, reason);

        // 42001 adds the AI side: at least one role must ask for an AI competence before the AI system can count it as met.
        var aiKeys = competence.Catalogue.Where(c => c.Area == CompetenceArea.Ai).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var aiRoles = defining.Where(r => r.RequiredCompetences.Any(aiKeys.Contains)).Select(r => r.Name).ToArray();
        yield return aiRoles.Length > 0
            ? new RecordCredit("iso42001-2023:7.2", result, reason + $" AI competences are required by: {string.Join(", ", aiRoles)}.")
            : new RecordCredit("iso42001-2023:7.2", RequirementResult.PartiallySatisfied, reason + " No role requires an AI competence (machine learning, data, AI ethics, AI law, AI risk) yet.");
    }

    private static string Lacking(ObjectiveDto o) => o.Standing.Latest is { } latest
        ? $"{o.Key} {o.Title} (last measured {latest.MeasuredOn:yyyy-MM-dd}, {o.Frequency.ToLabel().ToLowerInvariant()} measurement overdue)"
        : $"{o.Key} {o.Title} (no measurement yet)";
}
