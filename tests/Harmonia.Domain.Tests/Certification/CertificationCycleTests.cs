using Harmonia.Domain.Certification;

namespace Harmonia.Domain.Tests.Certification;

public sealed class CertificationCycleTests
{
    private static readonly CertificateDates Certificate = new("iso27001-2022", new DateOnly(2026, 3, 1), new DateOnly(2029, 2, 28));

    [Fact]
    public void Surveillance_in_years_one_and_two_recertification_before_expiry_and_every_control_over_the_cycle()
    {
        string[] controls = ["A.5.1", "A.5.2", "A.5.3", "A.8.1", "A.8.2"];

        var cycle = CertificationCycle.Plan(Certificate, 22, controls, [], []);

        Assert.Equal([new DateOnly(2027, 3, 1), new DateOnly(2028, 3, 1), new DateOnly(2028, 11, 28)], cycle.Select(a => a.DueBy));
        Assert.All(cycle, a => Assert.Equal(22, a.MandatoryClauses));

        // Five controls: three in the first surveillance, two in the second, all five at recertification.
        Assert.Equal(["A.5.1", "A.5.2", "A.5.3"], cycle[0].Controls);
        Assert.Equal(["A.8.1", "A.8.2"], cycle[1].Controls);
        Assert.Equal(controls, cycle[2].Controls);
        Assert.Equal(controls.Order(), cycle[0].Controls.Concat(cycle[1].Controls).Order());
    }

    [Fact]
    public void Due_work_counts_only_records_of_the_standard_in_the_audit_s_period()
    {
        HeldRecord[] audits =
        [
            new("IA-1 Full scope", new DateOnly(2026, 10, 1), ["iso27001-2022", "iso42001-2023"]),
            new("IA-2 AI only", new DateOnly(2027, 6, 1), ["iso42001-2023"]),
        ];
        HeldRecord[] reviews = [new("Management review", new DateOnly(2027, 6, 15), ["iso27001-2022"])];

        var cycle = CertificationCycle.Plan(Certificate, 22, [], audits, reviews);

        // Year one: the audit of 2026-10-01 counts, no review in the period.
        Assert.Equal([true, false], cycle[0].Prerequisites.Select(p => p.Done));
        Assert.Contains("IA-1 Full scope (2026-10-01)", cycle[0].Prerequisites[0].Detail, StringComparison.Ordinal);

        // Year two: IA-2 covered only 42001, so no audit for this 27001 certificate; the review counts.
        Assert.Equal([false, true], cycle[1].Prerequisites.Select(p => p.Done));
        Assert.Equal([false, false], cycle[2].Prerequisites.Select(p => p.Done));
    }

    [Fact]
    public void A_quote_is_compared_per_audit_and_over_the_cycle()
    {
        var estimate = new CycleDays(15.5, 5, 10.5, 5.5, 10.5); // cycle 37

        // Quote 14 + 2 × 5 + 10 = 34 days, 3 below; within a fifth. 34 000 for the cycle → 1000 per day.
        var close = QuoteComparison.Of(estimate, 14, 5, 10, 34_000);
        Assert.Equal((-1.5, -0.5, -0.5, 34.0, -3.0, 1000.0), (close.InitialDifference, close.SurveillanceDifference, close.RecertificationDifference, close.CycleDays, close.CycleDifference, close.PricePerDay));
        Assert.Contains("within a fifth", close.Verdict, StringComparison.Ordinal);

        // 8 + 2 × 3 + 6 = 20 days, 17 below: more than a fifth, so the body is asked how.
        Assert.Contains("ask the body", QuoteComparison.Of(estimate, 8, 3, 6, null).Verdict, StringComparison.Ordinal);
        Assert.Null(QuoteComparison.Of(estimate, 8, null, 6, null).CycleDifference);
    }
}
