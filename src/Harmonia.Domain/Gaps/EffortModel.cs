namespace Harmonia.Domain.Gaps;

/// <summary>The estimate and every input it used, so a report can show its arithmetic.</summary>
public sealed record EffortEstimate(
    double RemainingPersonDays,
    double? BaselinePersonDays,
    double SizeFactor,
    double TeamCapacityFte,
    double ImplementationMonths,
    double CertificationLeadMonths)
{
    public double TotalMonths => ImplementationMonths + CertificationLeadMonths;

    /// <summary>Remaining effort as a share of building the baseline framework from scratch.</summary>
    public double? RatioToBaseline => BaselinePersonDays is > 0 ? RemainingPersonDays / BaselinePersonDays : null;
}

/// <summary>
/// A deliberately simple, documented effort model (docs/effort-model.md):
/// each requirement carries the person-days to implement it from scratch in an organization of 101–500 people;
/// an open requirement costs all of it, a partially satisfied one half, a satisfied or not applicable one nothing;
/// the sum is scaled by organization size. Duration = effort / (team FTE x productive days per month), plus a
/// fixed lead time to run the system long enough for an internal audit, a management review and the two audit
/// stages.
/// </summary>
public static class EffortModel
{
    /// <summary>Days per month one full-time person spends on the management system after leave, meetings and day-to-day work.</summary>
    public const double ProductiveDaysPerFteMonth = 16;

    /// <summary>
    /// Months from "implemented" to the Stage 2 audit, an assumption stated in docs/effort-model.md: about a month of
    /// operating records after the audit and review held at the end of implementation, the certification body booked
    /// during implementation, and half a month between Stage 1 and Stage 2.
    /// </summary>
    public const double CertificationLeadMonths = 1.5;

    public const double DefaultTeamCapacityFte = 1.0;

    public static double SizeFactor(int? employees) => employees switch
    {
        null => 1.0,
        <= 25 => 0.6,
        <= 100 => 0.8,
        <= 500 => 1.0,
        <= 2000 => 1.3,
        _ => 1.6,
    };

    public static double RemainingShare(RequirementResult result) => result switch
    {
        RequirementResult.Satisfied or RequirementResult.NotApplicable => 0.0,
        RequirementResult.PartiallySatisfied => 0.5,
        _ => 1.0,
    };

    public static EffortEstimate Estimate(
        double remainingUnscaledDays, double? baselineUnscaledDays, int? employees, double teamCapacityFte)
    {
        if (!(teamCapacityFte > 0) || double.IsInfinity(teamCapacityFte))
        {
            throw new ArgumentOutOfRangeException(nameof(teamCapacityFte), teamCapacityFte, "Team capacity must be a positive number of full-time equivalents.");
        }

        var factor = SizeFactor(employees);
        var remaining = remainingUnscaledDays * factor;
        var months = remaining / (teamCapacityFte * ProductiveDaysPerFteMonth);
        return new EffortEstimate(
            Math.Round(remaining, 1),
            baselineUnscaledDays is { } baseline ? Math.Round(baseline * factor, 1) : null,
            factor,
            teamCapacityFte,
            Math.Round(months, 1),
            remaining > 0 ? CertificationLeadMonths : 0);
    }
}
