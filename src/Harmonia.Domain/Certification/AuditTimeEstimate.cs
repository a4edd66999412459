using System.Globalization;

namespace Harmonia.Domain.Certification;

/// <summary>An input value with where it came from (derived from the data, or set by a person) and why.</summary>
public sealed record EstimateInput<T>(T Value, bool Overridden, string Source);

/// <summary>A documented integration level, as Harmonia found it in the records.</summary>
public sealed record IntegrationEvidence(string CriterionId, bool Met, string Reason);

/// <summary>Everything the estimate depends on, each with its source.</summary>
public sealed record AuditTimeInputs(
    EstimateInput<int> PersonsInScope,
    EstimateInput<int> IdenticalLowRiskPersons,
    EstimateInput<int> Sites,
    EstimateInput<Complexity> BusinessComplexity,
    EstimateInput<Complexity> ItComplexity,
    EstimateInput<int> AiPersons,
    EstimateInput<AiRoleCategory> AiRole,
    EstimateInput<int> AiSystemsInScope,
    EstimateInput<int> HighRiskAiSystems,
    IReadOnlyList<IntegrationEvidence> Integration);

/// <summary>One adjustment of the base figure, in percent (negative: less time), with the reason it applies.</summary>
public sealed record AuditTimeFactor(string Name, double Percent, string Reason);

/// <summary>The days of one standard's three-year cycle; Stage 1 and Stage 2 together are the initial audit.</summary>
public sealed record CycleDays(double Initial, double Stage1, double Stage2, double Surveillance, double Recertification)
{
    /// <summary>Initial audit, two surveillance audits and the recertification audit.</summary>
    public double CycleTotal => Initial + (2 * Surveillance) + Recertification;
}

public sealed record StandardEstimate(
    string FrameworkId,
    string Method,
    double BaseDays,
    string BaseReason,
    IReadOnlyList<AuditTimeFactor> Factors,
    double AppliedPercent,
    string? Limited,
    CycleDays Days);

public sealed record IntegrationCriterion(string Id, string Title, bool Met, double Percent, string Reason);

public sealed record IntegratedEstimate(CycleDays Separate, IReadOnlyList<IntegrationCriterion> Criteria, double ReductionPercent, string Explanation, CycleDays Days);

public sealed record AuditTimeEstimate(
    DateOnly Checked,
    string Caution,
    StandardEstimate Isms,
    StandardEstimate Aims,
    IntegratedEstimate Integrated,
    IReadOnlyList<TableSource> Sources);

/// <summary>Audit days are planned in half days; every figure here is rounded up to the next half day.</summary>
public static class AuditDays
{
    /// <summary>
    /// Rounded up to the next half day. Shares such as 33.33 % leave a product a hair above a half day (4.0002); the
    /// small tolerance keeps that at 4.0 instead of 4.5.
    /// </summary>
    public static double HalfUp(double days) => Math.Ceiling((days * 2) - 0.01) / 2;

    public static string Text(double days) => days.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>"+10 %", "-30 %", "0 %" (never "-0 %").</summary>
    public static string Percent(double percent) => percent == 0 ? "0 %" : (percent > 0 ? "+" : string.Empty) + percent.ToString("0.##", CultureInfo.InvariantCulture) + " %";
}

/// <summary>
/// The audit-time estimate (issue 18 item 1): ISO/IEC 27001 from the effective number of persons and complexity,
/// ISO/IEC 42001 from AI-related persons and AI roles, and the integrated audit as their sum less the integration
/// reduction. Pure: the tables and inputs come in, the figures with every reason go out.
/// </summary>
public static class AuditTimeCalculator
{
    public static AuditTimeEstimate Estimate(AuditTimeTables tables, AuditTimeInputs inputs)
    {
        var isms = Isms(tables, inputs);
        var aims = Aims(tables, inputs);
        return new AuditTimeEstimate(tables.Checked, tables.Caution, isms, aims, Integrated(tables, inputs, isms, aims),
            [.. tables.Isms.Sources, .. tables.Aims.Sources, .. tables.Integration.Sources, .. tables.Cycle.Sources]);
    }

    /// <summary>
    /// The persons a body counts: those doing the same low-risk work count as the square root of their number (rounded
    /// up), the most a body may reduce them; everyone else counts fully.
    /// </summary>
    public static (int Persons, string Reason) EffectivePersons(int persons, int identicalLowRisk)
    {
        if (identicalLowRisk <= 0)
        {
            return (persons, $"{persons} persons in scope, each counted");
        }

        var root = (int)Math.Ceiling(Math.Sqrt(identicalLowRisk));
        var effective = persons - identicalLowRisk + root;
        return (effective, $"{persons} persons in scope, of whom {identicalLowRisk} do the same low-risk work and count as √{identicalLowRisk} ≈ {root}: {persons - identicalLowRisk} + {root} = {effective} effective persons");
    }

    private static StandardEstimate Isms(AuditTimeTables tables, AuditTimeInputs inputs)
    {
        var table = tables.Isms;
        var (effective, personsReason) = EffectivePersons(inputs.PersonsInScope.Value, Math.Min(inputs.IdenticalLowRiskPersons.Value, inputs.PersonsInScope.Value));
        var (baseDays, bandReason) = table.Headcount.DaysFor(effective);
        var business = inputs.BusinessComplexity.Value;
        var it = inputs.ItComplexity.Value;
        var factors = new List<AuditTimeFactor>
        {
            new("Business and IT complexity", table.ComplexityPercent[business][it],
                $"Business complexity {Label(business)} ({inputs.BusinessComplexity.Source}) and IT complexity {Label(it)} ({inputs.ItComplexity.Source}) give {AuditDays.Percent(table.ComplexityPercent[business][it])} in the table."),
        };
        factors.AddRange(SiteFactor(table.Sites, inputs.Sites));
        return Standard(tables, table.FrameworkId, table.Method, baseDays, $"{personsReason}; {bandReason}.", factors, table.FloorPercent, table.CeilingPercent);
    }

    private static StandardEstimate Aims(AuditTimeTables tables, AuditTimeInputs inputs)
    {
        var table = tables.Aims;
        var (bandDays, bandReason) = table.Headcount.DaysFor(Math.Max(1, inputs.AiPersons.Value));
        var role = inputs.AiRole.Value;
        var reference = table.Headcount.Bands[0].Days;
        var roleDays = table.FirstBandDaysByRole[role];
        var baseDays = AuditDays.HalfUp(bandDays * roleDays / reference);
        var roleReason = $"as {RoleLabel(role)} ({inputs.AiRole.Source}) the first band is {AuditDays.Text(roleDays)} days against {AuditDays.Text(reference)} for an AI producer, so {AuditDays.Text(bandDays)} × {AuditDays.Text(roleDays)} / {AuditDays.Text(reference)} = {AuditDays.Text(baseDays)} days (rounded up to a half day)";
        var factors = new List<AuditTimeFactor>();
        if (inputs.HighRiskAiSystems.Value > 0)
        {
            factors.Add(new("High-risk AI systems", table.HighRiskPercent,
                $"{inputs.HighRiskAiSystems.Value} in-scope AI system(s) are high-risk ({inputs.HighRiskAiSystems.Source}); the auditors sample their life-cycle, data and oversight records more deeply."));
        }

        if (inputs.AiSystemsInScope.Value > table.ManySystemsOver)
        {
            factors.Add(new("Many AI systems", table.ManySystemsPercent,
                $"{inputs.AiSystemsInScope.Value} AI systems in scope ({inputs.AiSystemsInScope.Source}), more than {table.ManySystemsOver}: a larger population to sample."));
        }

        factors.AddRange(SiteFactor(table.Sites, inputs.Sites));
        return Standard(tables, table.FrameworkId, table.Method, baseDays,
            $"{inputs.AiPersons.Value} AI-related persons ({inputs.AiPersons.Source}); {bandReason}; {roleReason}.", factors, table.FloorPercent, table.CeilingPercent);
    }

    private static IEnumerable<AuditTimeFactor> SiteFactor(SiteRule rule, EstimateInput<int> sites)
    {
        if (sites.Value <= 1)
        {
            yield break;
        }

        var percent = Math.Min(rule.MaxPercent, (sites.Value - 1) * rule.PerAdditionalSitePercent);
        yield return new("Additional sites", percent,
            $"{sites.Value} sites ({sites.Source}): {AuditDays.Percent(rule.PerAdditionalSitePercent)} for each site beyond the first{(percent < (sites.Value - 1) * rule.PerAdditionalSitePercent ? $", at most {AuditDays.Percent(rule.MaxPercent)}" : string.Empty)}; the body may instead sample sites under its multi-site rules.");
    }

    private static StandardEstimate Standard(AuditTimeTables tables, string frameworkId, string method, double baseDays, string baseReason, List<AuditTimeFactor> factors, double floor, double ceiling)
    {
        var sum = factors.Sum(f => f.Percent);
        var applied = Math.Clamp(sum, floor, ceiling);
        var limited = applied == sum ? null : $"The factors add up to {AuditDays.Percent(sum)}; the method allows {AuditDays.Percent(floor)} to {AuditDays.Percent(ceiling)}, so {AuditDays.Percent(applied)} is applied.";
        var initial = AuditDays.HalfUp(baseDays * (1 + (applied / 100)));
        return new StandardEstimate(frameworkId, method, baseDays, baseReason, factors, applied, limited, Cycle(tables.Cycle, initial));
    }

    private static CycleDays Cycle(CycleShares shares, double initial)
    {
        var stage1 = AuditDays.HalfUp(initial * shares.Stage1Percent / 100);
        return new CycleDays(initial, stage1, initial - stage1, AuditDays.HalfUp(initial * shares.SurveillancePercent / 100), AuditDays.HalfUp(initial * shares.RecertificationPercent / 100));
    }

    private static IntegratedEstimate Integrated(AuditTimeTables tables, AuditTimeInputs inputs, StandardEstimate isms, StandardEstimate aims)
    {
        var criteria = tables.Integration.Criteria.Select(rule =>
        {
            var evidence = inputs.Integration.FirstOrDefault(e => e.CriterionId == rule.Id);
            return new IntegrationCriterion(rule.Id, rule.Title, evidence?.Met == true, evidence?.Met == true ? rule.Percent : 0,
                evidence?.Reason ?? "Not derived from the data.");
        }).ToArray();
        var earned = criteria.Sum(c => c.Percent);
        var reduction = Math.Min(earned, tables.Integration.MaxReductionPercent);

        // Each phase is summed from the two standards as computed alone, then reduced: the reduction applies to the
        // sum, never to one standard's share, and Stage 1 keeps its share of the reduced initial audit.
        var separate = new CycleDays(
            isms.Days.Initial + aims.Days.Initial, isms.Days.Stage1 + aims.Days.Stage1, isms.Days.Stage2 + aims.Days.Stage2,
            isms.Days.Surveillance + aims.Days.Surveillance, isms.Days.Recertification + aims.Days.Recertification);
        var factor = 1 - (reduction / 100);
        var initial = AuditDays.HalfUp(separate.Initial * factor);
        var stage1 = AuditDays.HalfUp(initial * tables.Cycle.Stage1Percent / 100);
        var days = new CycleDays(initial, stage1, initial - stage1, AuditDays.HalfUp(separate.Surveillance * factor), AuditDays.HalfUp(separate.Recertification * factor));
        var met = criteria.Count(c => c.Met);
        var explanation = $"ISO/IEC 27001 ({AuditDays.Text(isms.Days.Initial)} days) and ISO/IEC 42001 ({AuditDays.Text(aims.Days.Initial)} days) are computed separately and summed: {AuditDays.Text(separate.Initial)} days for the initial audit. "
            + $"{met} of {criteria.Length} documented integration levels are met, earning {AuditDays.Percent(-earned)}"
            + (earned > reduction ? $", capped at {AuditDays.Percent(-tables.Integration.MaxReductionPercent)}" : string.Empty)
            + $"; {AuditDays.Text(separate.Initial)} × {(factor * 100).ToString("0.##", CultureInfo.InvariantCulture)} % = {AuditDays.Text(initial)} days (rounded up to a half day). The same reduction applies to surveillance and recertification.";
        return new IntegratedEstimate(separate, criteria, reduction, explanation, days);
    }

    public static string Label(Complexity complexity) => complexity.ToString().ToLowerInvariant();

    public static string RoleLabel(AiRoleCategory role) => role switch
    {
        AiRoleCategory.Producer => "AI producer only",
        AiRoleCategory.SingleOtherRole => "one role other than AI producer",
        _ => "several AI roles",
    };
}
