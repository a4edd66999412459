using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Mapping;

namespace Harmonia.Domain.Gaps;

/// <summary>One target requirement: its result, how it was reached and the effort still open.</summary>
public sealed record GapRow(
    Requirement Requirement,
    RequirementGroup TopGroup,
    RequirementResult Result,
    ResultBasis Basis,
    string Reason,
    OwnResult? Own,
    IReadOnlyList<InferencePath> Sources,
    IReadOnlyList<NoEquivalent> NoEquivalents,
    double RemainingEffortDays)
{
    public bool IsOpen => Result is not (RequirementResult.Satisfied or RequirementResult.NotApplicable);
}

/// <summary>
/// Counts for a set of requirements. <see cref="Percent"/> = (satisfied + partial / 2) / assessable, where not
/// applicable requirements are not assessable.
/// </summary>
public sealed record Figure(int Total, int Satisfied, int Partial, int Open, int NotApplicable)
{
    public int Assessable => Total - NotApplicable;

    public double Percent => Assessable == 0 ? 0 : 100.0 * (Satisfied + (Partial / 2.0)) / Assessable;

    public static Figure Of(IEnumerable<GapRow> rows)
    {
        int total = 0, satisfied = 0, partial = 0, open = 0, notApplicable = 0;
        foreach (var row in rows)
        {
            total++;
            switch (row.Result)
            {
                case RequirementResult.Satisfied: satisfied++; break;
                case RequirementResult.PartiallySatisfied: partial++; break;
                case RequirementResult.NotApplicable: notApplicable++; break;
                default: open++; break;
            }
        }

        return new Figure(total, satisfied, partial, open, notApplicable);
    }
}

public sealed record GroupRollup(RequirementGroup Group, Figure Figure);

public sealed record Headline(Figure Clauses, Figure Controls, Figure Overall);

public sealed record GapReport(
    string OrganizationName,
    Framework Target,
    IReadOnlyList<GapRow> Rows,
    IReadOnlyList<GroupRollup> Groups,
    Headline Headline,
    IReadOnlyList<GapRow> UncoveredOpenWork,
    EffortEstimate Effort,
    Framework? Baseline,
    Headline? BaselineHeadline,
    string Recommendation);
