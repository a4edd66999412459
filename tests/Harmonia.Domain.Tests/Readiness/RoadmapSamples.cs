using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Mapping;

namespace Harmonia.Domain.Tests.Readiness;

/// <summary>
/// The shipped samples' gap results, copied from `harmonia gap --format json` for examples/acme-iso27001-certified.yaml
/// and examples/greenfield-startup.yaml, with each requirement's effort from content/frameworks (the domain tests cannot
/// load the YAML). Result codes: S satisfied, P partially satisfied, N not satisfied, O open (not assessed).
/// The roadmap calibration is measured on these; if the samples or effort figures change, regenerate them.
/// </summary>
internal static class RoadmapSamples
{
    // ref, group, effort days, acme result, greenfield result, no 27001 equivalent
    public static readonly (string Ref, string Group, double Effort, char Acme, char Greenfield, bool NoEquivalent)[] Iso42001 =
    [
        ("4.1", "4", 1.5, 'P', 'O', false),
        ("4.2", "4", 1.5, 'P', 'O', false),
        ("4.3", "4", 1.5, 'P', 'O', false),
        ("4.4", "4", 1.5, 'P', 'O', false),
        ("5.1", "5", 1.5, 'P', 'O', false),
        ("5.2", "5", 1.5, 'P', 'O', false),
        ("5.3", "5", 1.5, 'P', 'O', false),
        ("6.1.1", "6", 1.5, 'P', 'O', false),
        ("6.1.2", "6", 3, 'P', 'O', false),
        ("6.1.3", "6", 3, 'P', 'O', false),
        ("6.1.4", "6", 5.5, 'O', 'O', true),
        ("6.2", "6", 1.5, 'P', 'O', false),
        ("6.3", "6", 1.5, 'P', 'O', false),
        ("7.1", "7", 1.5, 'P', 'O', false),
        ("7.2", "7", 1.5, 'P', 'O', false),
        ("7.3", "7", 1.5, 'P', 'O', false),
        ("7.4", "7", 1.5, 'P', 'O', false),
        ("7.5.1", "7", 1.5, 'P', 'O', false),
        ("7.5.2", "7", 1.5, 'S', 'O', false),
        ("7.5.3", "7", 1.5, 'S', 'O', false),
        ("8.1", "8", 1.5, 'P', 'O', false),
        ("8.2", "8", 1.5, 'O', 'O', true),
        ("8.3", "8", 1.5, 'O', 'O', true),
        ("8.4", "8", 3.5, 'O', 'O', true),
        ("9.1", "9", 1.5, 'P', 'O', false),
        ("9.2.1", "9", 1.5, 'P', 'O', false),
        ("9.2.2", "9", 1.5, 'P', 'O', false),
        ("9.3.1", "9", 1.5, 'P', 'O', false),
        ("9.3.2", "9", 1.5, 'P', 'O', false),
        ("9.3.3", "9", 1.5, 'P', 'O', false),
        ("10.1", "10", 1.5, 'S', 'O', false),
        ("10.2", "10", 1.5, 'S', 'O', false),
        ("A.2.2", "A.2", 1.5, 'P', 'O', false),
        ("A.2.3", "A.2", 1.5, 'P', 'O', false),
        ("A.2.4", "A.2", 1.5, 'P', 'O', false),
        ("A.3.2", "A.3", 1.5, 'P', 'O', false),
        ("A.3.3", "A.3", 1.5, 'P', 'O', false),
        ("A.4.2", "A.4", 1.5, 'P', 'O', false),
        ("A.4.3", "A.4", 1.5, 'P', 'O', false),
        ("A.4.4", "A.4", 1.5, 'P', 'O', false),
        ("A.4.5", "A.4", 1.5, 'P', 'O', false),
        ("A.4.6", "A.4", 1.5, 'P', 'O', false),
        ("A.5.2", "A.5", 4.5, 'O', 'O', true),
        ("A.5.3", "A.5", 3.5, 'O', 'O', true),
        ("A.5.4", "A.5", 3.5, 'O', 'O', true),
        ("A.5.5", "A.5", 3.5, 'O', 'O', true),
        ("A.6.1.2", "A.6.1", 2, 'O', 'O', true),
        ("A.6.1.3", "A.6.1", 2, 'P', 'O', false),
        ("A.6.2.2", "A.6.2", 2, 'P', 'O', false),
        ("A.6.2.3", "A.6.2", 2, 'P', 'O', false),
        ("A.6.2.4", "A.6.2", 3.5, 'P', 'N', false),
        ("A.6.2.5", "A.6.2", 2, 'P', 'O', false),
        ("A.6.2.6", "A.6.2", 2, 'P', 'O', false),
        ("A.6.2.7", "A.6.2", 2, 'P', 'O', false),
        ("A.6.2.8", "A.6.2", 2, 'P', 'O', false),
        ("A.7.2", "A.7", 2, 'P', 'O', false),
        ("A.7.3", "A.7", 2, 'P', 'P', false),
        ("A.7.4", "A.7", 3.5, 'O', 'O', true),
        ("A.7.5", "A.7", 2, 'O', 'N', true),
        ("A.7.6", "A.7", 2, 'O', 'O', true),
        ("A.8.2", "A.8", 1.5, 'O', 'O', true),
        ("A.8.3", "A.8", 1.5, 'O', 'O', true),
        ("A.8.4", "A.8", 1.5, 'P', 'N', false),
        ("A.8.5", "A.8", 1.5, 'P', 'P', false),
        ("A.9.2", "A.9", 1.5, 'P', 'N', false),
        ("A.9.3", "A.9", 1.5, 'O', 'O', true),
        ("A.9.4", "A.9", 1.5, 'O', 'O', true),
        ("A.10.2", "A.10", 1.5, 'P', 'O', false),
        ("A.10.3", "A.10", 1.5, 'P', 'O', false),
        ("A.10.4", "A.10", 1.5, 'O', 'O', true),
    ];

    // ref, group, effort days, greenfield result
    public static readonly (string Ref, string Group, double Effort, char Greenfield)[] Iso27001 =
    [
        ("4.1", "4", 1.5, 'N'),
        ("4.2", "4", 1.5, 'O'),
        ("4.3", "4", 1.5, 'N'),
        ("4.4", "4", 1.5, 'N'),
        ("5.1", "5", 1.5, 'N'),
        ("5.2", "5", 1.5, 'N'),
        ("5.3", "5", 1.5, 'N'),
        ("6.1.1", "6", 1.5, 'N'),
        ("6.1.2", "6", 3.5, 'N'),
        ("6.1.3", "6", 3.5, 'N'),
        ("6.2", "6", 1.5, 'N'),
        ("6.3", "6", 1, 'O'),
        ("7.1", "7", 1.5, 'N'),
        ("7.2", "7", 1.5, 'N'),
        ("7.3", "7", 1.5, 'N'),
        ("7.4", "7", 1.5, 'N'),
        ("7.5.1", "7", 1.5, 'O'),
        ("7.5.2", "7", 1.5, 'O'),
        ("7.5.3", "7", 1.5, 'N'),
        ("8.1", "8", 1.5, 'O'),
        ("8.2", "8", 1.5, 'O'),
        ("8.3", "8", 1.5, 'O'),
        ("9.1", "9", 1.5, 'N'),
        ("9.2.1", "9", 1.5, 'N'),
        ("9.2.2", "9", 3, 'N'),
        ("9.3.1", "9", 1.5, 'N'),
        ("9.3.2", "9", 1.5, 'N'),
        ("9.3.3", "9", 1.5, 'N'),
        ("10.1", "10", 1.5, 'N'),
        ("10.2", "10", 1.5, 'N'),
        ("A.5.1", "A.5", 1, 'N'),
        ("A.5.2", "A.5", 1, 'N'),
        ("A.5.3", "A.5", 1, 'O'),
        ("A.5.4", "A.5", 1, 'O'),
        ("A.5.5", "A.5", 1, 'O'),
        ("A.5.6", "A.5", 1, 'O'),
        ("A.5.7", "A.5", 1.5, 'O'),
        ("A.5.8", "A.5", 1, 'O'),
        ("A.5.9", "A.5", 2, 'N'),
        ("A.5.10", "A.5", 1, 'N'),
        ("A.5.11", "A.5", 1, 'O'),
        ("A.5.12", "A.5", 1, 'O'),
        ("A.5.13", "A.5", 1, 'O'),
        ("A.5.14", "A.5", 1, 'O'),
        ("A.5.15", "A.5", 1, 'N'),
        ("A.5.16", "A.5", 1, 'O'),
        ("A.5.17", "A.5", 1, 'S'),
        ("A.5.18", "A.5", 1, 'N'),
        ("A.5.19", "A.5", 1, 'N'),
        ("A.5.20", "A.5", 1, 'N'),
        ("A.5.21", "A.5", 1, 'N'),
        ("A.5.22", "A.5", 1, 'N'),
        ("A.5.23", "A.5", 1, 'N'),
        ("A.5.24", "A.5", 2, 'N'),
        ("A.5.25", "A.5", 1, 'N'),
        ("A.5.26", "A.5", 1, 'N'),
        ("A.5.27", "A.5", 1, 'O'),
        ("A.5.28", "A.5", 1, 'O'),
        ("A.5.29", "A.5", 1, 'O'),
        ("A.5.30", "A.5", 3, 'O'),
        ("A.5.31", "A.5", 1, 'N'),
        ("A.5.32", "A.5", 1, 'N'),
        ("A.5.33", "A.5", 1, 'O'),
        ("A.5.34", "A.5", 1, 'S'),
        ("A.5.35", "A.5", 1, 'O'),
        ("A.5.36", "A.5", 1, 'O'),
        ("A.5.37", "A.5", 1, 'N'),
        ("A.6.1", "A.6", 1, 'O'),
        ("A.6.2", "A.6", 1, 'O'),
        ("A.6.3", "A.6", 1, 'O'),
        ("A.6.4", "A.6", 0.5, 'O'),
        ("A.6.5", "A.6", 1, 'O'),
        ("A.6.6", "A.6", 1, 'O'),
        ("A.6.7", "A.6", 1, 'N'),
        ("A.6.8", "A.6", 1, 'N'),
        ("A.7.1", "A.7", 0.5, 'O'),
        ("A.7.2", "A.7", 0.5, 'O'),
        ("A.7.3", "A.7", 0.5, 'O'),
        ("A.7.4", "A.7", 0.5, 'O'),
        ("A.7.5", "A.7", 0.5, 'O'),
        ("A.7.6", "A.7", 0.5, 'O'),
        ("A.7.7", "A.7", 0.5, 'O'),
        ("A.7.8", "A.7", 0.5, 'O'),
        ("A.7.9", "A.7", 0.5, 'O'),
        ("A.7.10", "A.7", 0.5, 'O'),
        ("A.7.11", "A.7", 0.5, 'O'),
        ("A.7.12", "A.7", 0.5, 'O'),
        ("A.7.13", "A.7", 0.5, 'O'),
        ("A.7.14", "A.7", 0.5, 'O'),
        ("A.8.1", "A.8", 1.5, 'O'),
        ("A.8.2", "A.8", 1.5, 'O'),
        ("A.8.3", "A.8", 1.5, 'N'),
        ("A.8.4", "A.8", 1.5, 'O'),
        ("A.8.5", "A.8", 1.5, 'S'),
        ("A.8.6", "A.8", 1.5, 'N'),
        ("A.8.7", "A.8", 1.5, 'O'),
        ("A.8.8", "A.8", 2, 'O'),
        ("A.8.9", "A.8", 1.5, 'O'),
        ("A.8.10", "A.8", 1.5, 'O'),
        ("A.8.11", "A.8", 1.5, 'O'),
        ("A.8.12", "A.8", 1.5, 'O'),
        ("A.8.13", "A.8", 1.5, 'S'),
        ("A.8.14", "A.8", 1.5, 'O'),
        ("A.8.15", "A.8", 1.5, 'N'),
        ("A.8.16", "A.8", 2, 'N'),
        ("A.8.17", "A.8", 0.5, 'O'),
        ("A.8.18", "A.8", 1.5, 'O'),
        ("A.8.19", "A.8", 1.5, 'O'),
        ("A.8.20", "A.8", 1.5, 'O'),
        ("A.8.21", "A.8", 1.5, 'O'),
        ("A.8.22", "A.8", 1.5, 'O'),
        ("A.8.23", "A.8", 1.5, 'O'),
        ("A.8.24", "A.8", 1.5, 'O'),
        ("A.8.25", "A.8", 2, 'N'),
        ("A.8.26", "A.8", 1.5, 'N'),
        ("A.8.27", "A.8", 1.5, 'N'),
        ("A.8.28", "A.8", 1.5, 'N'),
        ("A.8.29", "A.8", 1.5, 'N'),
        ("A.8.30", "A.8", 1.5, 'N'),
        ("A.8.31", "A.8", 1.5, 'N'),
        ("A.8.32", "A.8", 1.5, 'N'),
        ("A.8.33", "A.8", 1.5, 'O'),
        ("A.8.34", "A.8", 1.5, 'O'),
    ];

    /// <summary>Acme Analytics: 240 people, certified ISMS, 1.5 FTE; 42001 clauses 50.0 % met.</summary>
    public static GapReport AcmeIso42001() =>
        Report("iso42001-2023", "ISO/IEC 42001:2023", Iso42001.Select(r => (r.Ref, r.Group, r.Effort, r.Acme, r.NoEquivalent)), 240, 1.5);

    public static GapReport GreenfieldIso42001() =>
        Report("iso42001-2023", "ISO/IEC 42001:2023", Iso42001.Select(r => (r.Ref, r.Group, r.Effort, r.Greenfield, r.NoEquivalent)), 25, 1.0);

    public static GapReport GreenfieldIso27001(string name = "ISO/IEC 27001:2022") =>
        Report("iso27001-2022", name, Iso27001.Select(r => (r.Ref, r.Group, r.Effort, r.Greenfield, false)), 25, 1.0);

    /// <summary>An ISO 27001 report with everything satisfied, as for acme.</summary>
    public static GapReport CertifiedIso27001() =>
        Report("iso27001-2022", "ISO/IEC 27001:2022", Iso27001.Select(r => (r.Ref, r.Group, r.Effort, 'S', false)), 240, 1.5);

    public static GapReport Report(
        string frameworkId,
        string name,
        IEnumerable<(string Ref, string Group, double Effort, char Result, bool NoEquivalent)> rows,
        int employees,
        double fte)
    {
        var list = rows.ToArray();
        var groups = list.Select(r => r.Group).Distinct(StringComparer.Ordinal)
            .ToDictionary(g => g, g => new RequirementGroup(g, "Group " + g, g.StartsWith('A') ? GroupKind.Theme : GroupKind.Clause, null, 1), StringComparer.Ordinal);
        var requirements = list.Select(r => new Requirement(
            Requirement.QualifiedId(frameworkId, r.Ref), frameworkId, r.Ref, "Title " + r.Ref, r.Group,
            r.Ref.StartsWith('A') ? RequirementKind.Control : RequirementKind.Clause, "Summary " + r.Ref, "Evidence " + r.Ref, r.Effort)).ToArray();
        var framework = new Framework(frameworkId, name, name, "Test", groups.Values.ToArray(), requirements, []);
        var gapRows = list.Zip(requirements, (r, requirement) =>
        {
            var result = r.Result switch
            {
                'S' => RequirementResult.Satisfied,
                'P' => RequirementResult.PartiallySatisfied,
                'N' => RequirementResult.NotSatisfied,
                'X' => RequirementResult.NotApplicable,
                _ => RequirementResult.NotAssessed,
            };
            var basis = result is RequirementResult.Satisfied or RequirementResult.PartiallySatisfied ? ResultBasis.Inferred : ResultBasis.None;
            IReadOnlyList<NoEquivalent> none = r.NoEquivalent ? [new NoEquivalent(requirement.Id, "iso27001-2022", "no equivalent")] : [];
            return new GapRow(requirement, groups[r.Group], result, basis, "Sample " + r.Result, null, [], none, r.Effort * EffortModel.RemainingShare(result));
        }).ToArray();
        var headline = new Headline(
            Figure.Of(gapRows.Where(r => r.Requirement.Kind == RequirementKind.Clause)),
            Figure.Of(gapRows.Where(r => r.Requirement.Kind == RequirementKind.Control)),
            Figure.Of(gapRows));
        var effort = EffortModel.Estimate(gapRows.Sum(r => r.RemainingEffortDays), null, employees, fte);
        return new GapReport("Sample", framework, gapRows, [], headline, [], effort, null, null, string.Empty);
    }
}
