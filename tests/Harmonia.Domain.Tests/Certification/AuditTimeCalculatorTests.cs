using Harmonia.Domain.Certification;

namespace Harmonia.Domain.Tests.Certification;

/// <summary>
/// The audit-time arithmetic on tables written here (the same figures as content/certification/audit-time.yaml), so
/// every expected number below is worked out by hand in the comment beside it.
/// </summary>
public sealed class AuditTimeCalculatorTests
{
    private static readonly HeadcountTable Headcount = new(
    [
        new(10, 5, true), new(15, 6, true), new(25, 7, true), new(45, 8.5, true), new(65, 10, true), new(85, 11, true), new(125, 12, true), new(175, 13, true),
        new(275, 14, false), new(425, 15, false), new(625, 16.5, false), new(875, 17.5, false), new(1175, 18.5, false), new(1550, 19.5, false), new(2025, 21, false), new(2675, 22, false),
    ], 650, 1);

    private static readonly Dictionary<Complexity, IReadOnlyDictionary<Complexity, double>> Matrix = new()
    {
        [Complexity.Low] = new Dictionary<Complexity, double> { [Complexity.Low] = -30, [Complexity.Medium] = -10, [Complexity.High] = 0 },
        [Complexity.Medium] = new Dictionary<Complexity, double> { [Complexity.Low] = -10, [Complexity.Medium] = 0, [Complexity.High] = 50 },
        [Complexity.High] = new Dictionary<Complexity, double> { [Complexity.Low] = 20, [Complexity.Medium] = 50, [Complexity.High] = 100 },
    };

    private static AuditTimeTables Tables(double maxReduction = 20, double perCriterion = 5) => new(
        new DateOnly(2026, 12, 4),
        "Verify with your certification body.",
        new CycleShares(30, 33.33, 66.67, []),
        new IsmsTable("iso27001-2022", "test", [], Headcount, Matrix, new SiteRule(10, 50), -30, 100),
        new AimsTable("iso42001-2023", "test", [], Headcount, new Dictionary<AiRoleCategory, double> { [AiRoleCategory.Producer] = 5, [AiRoleCategory.SingleOtherRole] = 3.5, [AiRoleCategory.MultipleRoles] = 6.5 },
            20, 5, 10, new SiteRule(10, 50), -30, 100),
        new IntegrationTable(maxReduction, AuditTimeTables.KnownCriteria.Select(id => new IntegrationCriterionRule(id, id, perCriterion)).ToArray(), []));

    private static EstimateInput<T> In<T>(T value) => new(value, false, "test");

    private static AuditTimeInputs Inputs(
        int persons, int sites = 1, int lowRisk = 0, Complexity business = Complexity.Medium, Complexity it = Complexity.Medium,
        int aiPersons = 8, AiRoleCategory role = AiRoleCategory.Producer, int systems = 1, int highRisk = 0, int integrated = 0) => new(
        In(persons), In(lowRisk), In(sites), In(business), In(it), In(aiPersons), In(role), In(systems), In(highRisk),
        AuditTimeTables.KnownCriteria.Select((id, i) => new IntegrationEvidence(id, i < integrated, "test")).ToArray());

    [Fact]
    public void Acme_isms_240_persons_on_two_sites()
    {
        var isms = AuditTimeCalculator.Estimate(Tables(), Inputs(240, sites: 2)).Isms;

        // 240 persons fall in 176–275 → 14 days; medium × medium 0 %, one more site +10 % → 14 × 1.1 = 15.4 → 15.5.
        Assert.Equal(14, isms.BaseDays);
        Assert.Equal([0, 10], isms.Factors.Select(f => f.Percent));
        Assert.Equal(15.5, isms.Days.Initial);

        // Stage 1: 15.5 × 30 % = 4.65 → 5.0; Stage 2 the rest, 10.5. Surveillance 15.5 × 33.33 % = 5.17 → 5.5;
        // recertification 15.5 × 66.67 % = 10.33 → 10.5; cycle 15.5 + 2 × 5.5 + 10.5 = 37.
        Assert.Equal((5.0, 10.5, 5.5, 10.5, 37.0), (isms.Days.Stage1, isms.Days.Stage2, isms.Days.Surveillance, isms.Days.Recertification, isms.Days.CycleTotal));
        Assert.Contains("176–275", isms.BaseReason, StringComparison.Ordinal);
        Assert.Contains("unverified", isms.BaseReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Persons_doing_the_same_low_risk_work_count_as_their_square_root()
    {
        // 100 persons, 64 of them in identical low-risk work: 36 + √64 = 36 + 8 = 44 effective → band 26–45 → 8.5 days.
        Assert.Equal(44, AuditTimeCalculator.EffectivePersons(100, 64).Persons);
        Assert.Equal(8.5, AuditTimeCalculator.Estimate(Tables(), Inputs(100, lowRisk: 64)).Isms.BaseDays);

        // √50 = 7.07 rounds up to 8: 10 + 8 = 18 effective persons (the most a body may reduce).
        Assert.Equal(18, AuditTimeCalculator.EffectivePersons(60, 50).Persons);
    }

    [Fact]
    public void Complexity_moves_the_figure_within_the_floor_and_ceiling()
    {
        // 8 persons → 5 days; low × low −30 % → 3.5.
        Assert.Equal(3.5, AuditTimeCalculator.Estimate(Tables(), Inputs(8, business: Complexity.Low, it: Complexity.Low)).Isms.Days.Initial);

        // High × high +100 % and five more sites +50 % (capped) → +150 %, limited to +100 % → 5 × 2 = 10.
        var capped = AuditTimeCalculator.Estimate(Tables(), Inputs(8, sites: 9, business: Complexity.High, it: Complexity.High)).Isms;
        Assert.Equal(50, capped.Factors.Single(f => f.Name == "Additional sites").Percent);
        Assert.Equal(100, capped.AppliedPercent);
        Assert.Equal(10, capped.Days.Initial);
        Assert.NotNull(capped.Limited);
    }

    [Fact]
    public void Past_the_last_band_a_day_for_every_further_650_persons()
    {
        // 3000 persons: 325 past 2675 → one step of 650 → 22 + 1 = 23 days.
        Assert.Equal(23, AuditTimeCalculator.Estimate(Tables(), Inputs(3000)).Isms.BaseDays);
    }

    [Fact]
    public void Aims_time_follows_ai_persons_and_the_role_category()
    {
        // 8 AI persons: first band 5 days; producer 5 × 5/5 = 5; one other role 5 × 3.5/5 = 3.5; several roles 6.5.
        Assert.Equal(5, AuditTimeCalculator.Estimate(Tables(), Inputs(50, aiPersons: 8, role: AiRoleCategory.Producer)).Aims.Days.Initial);
        Assert.Equal(3.5, AuditTimeCalculator.Estimate(Tables(), Inputs(50, aiPersons: 8, role: AiRoleCategory.SingleOtherRole)).Aims.Days.Initial);
        Assert.Equal(6.5, AuditTimeCalculator.Estimate(Tables(), Inputs(50, aiPersons: 8, role: AiRoleCategory.MultipleRoles)).Aims.Days.Initial);

        // 30 AI persons, several roles, a high-risk system, 7 systems, 2 sites: band 26–45 = 8.5 × 6.5/5 = 11.05 → 11.5;
        // +20 % high risk, +10 % more than five systems, +10 % one more site = +40 % → 11.5 × 1.4 = 16.1 → 16.5.
        var aims = AuditTimeCalculator.Estimate(Tables(), Inputs(50, sites: 2, aiPersons: 30, role: AiRoleCategory.MultipleRoles, systems: 7, highRisk: 1)).Aims;
        Assert.Equal(11.5, aims.BaseDays);
        Assert.Equal(["High-risk AI systems", "Many AI systems", "Additional sites"], aims.Factors.Select(f => f.Name));
        Assert.Equal(16.5, aims.Days.Initial);
    }

    [Fact]
    public void Integrated_audit_is_the_sum_less_five_percent_per_integration_level()
    {
        // The DOMAIN.md example: ISMS 50 persons = 10 days, AIMS producer with 8 people = 5 days, T = 15.
        var none = AuditTimeCalculator.Estimate(Tables(), Inputs(50, aiPersons: 8)).Integrated;
        Assert.Equal((15.0, 0.0, 15.0), (none.Separate.Initial, none.ReductionPercent, none.Days.Initial));

        // Two levels found: −10 % → 13.5. All four: −20 % → 12.0, the floor the rule allows.
        Assert.Equal(13.5, AuditTimeCalculator.Estimate(Tables(), Inputs(50, aiPersons: 8, integrated: 2)).Integrated.Days.Initial);
        var all = AuditTimeCalculator.Estimate(Tables(), Inputs(50, aiPersons: 8, integrated: 4)).Integrated;
        Assert.Equal((20.0, 12.0), (all.ReductionPercent, all.Days.Initial));

        // Surveillance: ISMS 10 × 33.33 % = 3.33 → 3.5, AIMS 5 × 33.33 % = 1.67 → 2.0; (3.5 + 2.0) × 0.8 = 4.4 → 4.5.
        Assert.Equal(4.5, all.Days.Surveillance);
        Assert.Contains("4 of 4", all.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_integration_reduction_never_exceeds_the_cap()
    {
        // Four levels of 8 % would earn 32 %; the cap keeps it at 20 %: 15 × 0.8 = 12.
        var capped = AuditTimeCalculator.Estimate(Tables(perCriterion: 8), Inputs(50, aiPersons: 8, integrated: 4)).Integrated;
        Assert.Equal((20.0, 12.0), (capped.ReductionPercent, capped.Days.Initial));
        Assert.Contains("capped", capped.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Half_days_round_up_but_a_hair_above_a_half_day_does_not()
    {
        Assert.Equal(4.0, AuditDays.HalfUp(6 * 66.67 / 100)); // 4.0002 is 4 days, not 4.5
        Assert.Equal(4.5, AuditDays.HalfUp(4.1));
        Assert.Equal(5.0, AuditDays.HalfUp(4.65));
        Assert.Equal("0 %", AuditDays.Percent(-0.0));
    }
}
