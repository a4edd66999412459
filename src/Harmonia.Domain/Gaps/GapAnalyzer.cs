using System.Globalization;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Mapping;

namespace Harmonia.Domain.Gaps;

/// <param name="BaselineFrameworkId">
/// The framework the target usually builds on (ISO 27001 for ISO 42001): the effort is compared with building it
/// from scratch, and when little of it is in place the report recommends it first.
/// </param>
/// <param name="TeamCapacityFte">Overrides the organization's own team capacity.</param>
public sealed record GapOptions(string? BaselineFrameworkId = null, double? TeamCapacityFte = null);

/// <summary>Builds the gap report for one target framework from the organization's state (DESIGN.md "Gap analysis, precisely").</summary>
public sealed class GapAnalyzer(MappingEngine engine)
{
    /// <summary>Below this share of the baseline in place, the report recommends implementing the baseline first.</summary>
    public const double BaselineFirstThresholdPercent = 50;

    private Catalog Catalog => engine.Catalog;

    public GapReport Analyze(OrganizationState state, string targetFrameworkId, GapOptions? options = null)
    {
        options ??= new GapOptions();
        var target = Catalog.FindFramework(targetFrameworkId)
            ?? throw new ArgumentException($"Unknown framework '{targetFrameworkId}'.", nameof(targetFrameworkId));
        var baseline = options.BaselineFrameworkId is { } baselineId && baselineId != targetFrameworkId
            ? Catalog.FindFramework(baselineId) ?? throw new ArgumentException($"Unknown framework '{baselineId}'.", nameof(options))
            : null;

        var own = OwnResults.Resolve(state);
        var documented = state.Documents
            .SelectMany(d => d.RequirementIds.Select(r => (Requirement: r, Document: d)))
            .ToLookup(x => x.Requirement, x => x.Document, StringComparer.Ordinal);
        var majors = state.OpenMajorNonconformities.ToLookup(n => n.RequirementId, StringComparer.Ordinal);
        var rows = BuildRows(target, own, documented, majors, state.AiSystems);
        var headline = HeadlineOf(rows);
        var baselineHeadline = baseline is null ? null : HeadlineOf(BuildRows(baseline, own, documented, majors, state.AiSystems));

        var groups = rows
            .GroupBy(r => r.TopGroup.Id, StringComparer.Ordinal)
            .Select(g => new GroupRollup(g.First().TopGroup, Figure.Of(g)))
            .ToArray();

        var uncovered = rows.Where(r => r.IsOpen && r.NoEquivalents.Count > 0).ToArray();
        var effort = EffortModel.Estimate(
            rows.Sum(r => r.RemainingEffortDays),
            baseline?.Requirements.Sum(r => r.EffortDays),
            state.Employees,
            options.TeamCapacityFte ?? state.TeamCapacityFte);

        return new GapReport(
            state.Name, target, rows, groups, headline, uncovered, effort, baseline, baselineHeadline,
            Recommend(target, baseline, headline, baselineHeadline, rows, uncovered));
    }

    private List<GapRow> BuildRows(
        Framework framework,
        Dictionary<string, OwnResult> own,
        ILookup<string, PublishedDocument> documented,
        ILookup<string, OpenMajorNonconformity> majors,
        IReadOnlyList<ScopedAiSystem> aiSystems)
    {
        var inferred = engine.Infer(framework.Id, own);
        var rows = new List<GapRow>(framework.Requirements.Count);
        foreach (var requirement in framework.Requirements)
        {
            var noEquivalents = Catalog.NoEquivalentsFor(requirement.Id);
            var scoping = requirement.AppliesTo is null ? null : ObligationScoping.Of(requirement, aiSystems);
            if (scoping is { OutOfScope: true })
            {
                // An obligation that binds nobody here has nothing to satisfy: not applicable, with the systems that say so.
                rows.Add(new GapRow(requirement, Catalog.TopGroupOf(requirement), RequirementResult.NotApplicable, ResultBasis.OutOfScope, scoping.Reason, null, [], noEquivalents, 0));
                continue;
            }

            RequirementResult result;
            ResultBasis basis;
            string reason;
            IReadOnlyList<InferencePath> sources = [];
            var ownResult = own.GetValueOrDefault(requirement.Id);
            if (ownResult is not null)
            {
                (result, basis, reason) = (ownResult.Result, ownResult.Basis, GapReasons.ForOwn(ownResult));
            }
            else if (inferred.TryGetValue(requirement.Id, out var inference))
            {
                (result, basis, reason, sources) =
                    (inference.Result, ResultBasis.Inferred, GapReasons.ForInferred(inference.Best, id => RequirementNames.Readable(Catalog, id)), inference.Sources);
            }
            else
            {
                (result, basis, reason) = (RequirementResult.NotAssessed, ResultBasis.None, GapReasons.ForNone(noEquivalents, id => Catalog.FindFramework(id)?.Name ?? id));
            }

            if (documented[requirement.Id].FirstOrDefault() is { } document)
            {
                // A published document is the documentation part; implementation still needs its own evidence.
                if (result is RequirementResult.NotAssessed or RequirementResult.NotSatisfied && basis is ResultBasis.None or ResultBasis.Inferred)
                {
                    (result, basis, reason) = (RequirementResult.PartiallySatisfied, ResultBasis.Documented, GapReasons.ForDocumented(document));
                }
                else
                {
                    reason += " " + GapReasons.DocumentedIn(document);
                }
            }

            if (scoping is not null)
            {
                reason += " " + scoping.Reason;
            }

            // Fixing a nonconformity is corrective action, not building the requirement again: the effort stays
            // what the result before the override says.
            var remainingEffort = requirement.EffortDays * EffortModel.RemainingShare(result);
            var openMajors = majors[requirement.Id].ToArray();
            if (openMajors.Length > 0)
            {
                (result, basis, reason) = (
                    RequirementResult.NotSatisfied,
                    ResultBasis.Nonconformity,
                    string.Join(" ", openMajors.Select(n => n.Reason.EndsWith('.') ? n.Reason : n.Reason + ".")) + " Without it: " + reason);
            }

            rows.Add(new GapRow(
                requirement,
                Catalog.TopGroupOf(requirement),
                result,
                basis,
                reason,
                ownResult,
                sources,
                noEquivalents,
                remainingEffort));
        }

        return rows;
    }

    private static Headline HeadlineOf(IReadOnlyList<GapRow> rows) => new(
        Figure.Of(rows.Where(r => r.Requirement.Kind == RequirementKind.Clause)),
        Figure.Of(rows.Where(r => r.Requirement.Kind == RequirementKind.Control)),
        Figure.Of(rows));

    private static string Recommend(
        Framework target,
        Framework? baseline,
        Headline headline,
        Headline? baselineHeadline,
        IReadOnlyList<GapRow> rows,
        GapRow[] uncovered)
    {
        var inv = CultureInfo.InvariantCulture;
        if (baseline is not null && baselineHeadline is not null && baselineHeadline.Overall.Percent < BaselineFirstThresholdPercent)
        {
            var reused = rows.Count(r => r.Requirement.Kind == RequirementKind.Clause && r.NoEquivalents.Count == 0);
            return string.Format(
                inv,
                "Implement {0} first: only {1:0} % of it is in place, and {2} of the {3} {4} clause requirements reuse its management-system processes. Build {4} on top once the {0} system operates.",
                baseline.Name,
                baselineHeadline.Overall.Percent,
                reused,
                headline.Clauses.Total,
                target.Name);
        }

        var open = rows.Count(r => r.IsOpen);
        if (open == 0)
        {
            return string.Format(inv, "Every {0} requirement is satisfied or not applicable: confirm the inferred results, then plan the Stage 1 audit.", target.Name);
        }

        var partial = rows.Count(r => r.Result == RequirementResult.PartiallySatisfied);
        var inferredToConfirm = rows.Count(r => r.Basis == ResultBasis.Inferred && r.Result == RequirementResult.Satisfied);
        var steps = new List<string>();
        steps.Add(uncovered.Length > 0
            ? string.Format(inv, "start with the {0} requirements nothing else covers ({1})", uncovered.Length, string.Join(", ", uncovered.Take(6).Select(r => r.Requirement.Ref)) + (uncovered.Length > 6 ? ", ..." : string.Empty))
            : string.Format(inv, "work through the {0} open requirements", open - partial));
        if (partial > 0)
        {
            steps.Add(string.Format(inv, "extend the {0} partially satisfied ones", partial));
        }

        if (inferredToConfirm > 0)
        {
            steps.Add(string.Format(inv, "confirm the {0} results inferred as satisfied before relying on them", inferredToConfirm));
        }

        var sentence = string.Join(", then ", steps) + ".";
        return char.ToUpperInvariant(sentence[0]) + sentence[1..];
    }
}
