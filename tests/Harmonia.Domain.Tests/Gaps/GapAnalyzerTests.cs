using Harmonia.Domain.Gaps;
using Harmonia.Domain.Mapping;
using static Harmonia.Domain.Tests.TestCatalog;

namespace Harmonia.Domain.Tests.Gaps;

public sealed class GapAnalyzerTests
{
    private static readonly TestCatalog Sample = new TestCatalog()
        .Requirements("a", "1.1", "1.2", "A.1")
        .Requirements("h", "1.1", "1.2")
        .Requirements("b", "1.1", "1.2", "1.3", "A.1", "A.2")
        .Map("a:1.1", "h:1.1", Relationship.Superset, 10)
        .Map("a:1.2", "h:1.2", Relationship.Superset, 9)
        .Map("h:1.1", "b:1.1", Relationship.Equal, 10)
        .Map("h:1.2", "b:1.2", Relationship.Subset, 5)
        .Map("a:A.1", "b:A.1", Relationship.Intersect, 4)
        .NoEquivalent("b:1.3", "a", "nothing in a assesses impact on people")
        .NoEquivalent("b:A.2", "a", "no data quality in a");

    private static GapReport Analyze(OrganizationState state, GapOptions? options = null) =>
        new GapAnalyzer(new MappingEngine(Sample.Build())).Analyze(state, "b", options ?? new GapOptions("a"));

    private static OrganizationState AllOfA() => State(
        Control("C1", ControlStatus.Implemented, "a:1.1", "a:1.2"),
        Control("C2", ControlStatus.Implemented, "a:A.1"));

    [Fact]
    public void Every_target_requirement_gets_a_row_with_a_reason()
    {
        var report = Analyze(AllOfA());

        Assert.Equal(["1.1", "1.2", "1.3", "A.1", "A.2"], report.Rows.Select(r => r.Requirement.Ref));
        Assert.All(report.Rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
    }

    [Fact]
    public void Every_inferred_row_carries_its_provenance()
    {
        var report = Analyze(AllOfA());

        var inferred = report.Rows.Where(r => r.Basis == ResultBasis.Inferred).ToArray();
        Assert.Equal(3, inferred.Length);
        Assert.All(inferred, r =>
        {
            Assert.NotEmpty(r.Sources);
            Assert.All(r.Sources, s => Assert.NotEmpty(s.Hops));
            Assert.Equal(r.Requirement.Id, r.Sources[0].Hops[^1].ToId);
            Assert.Contains(RequirementNames.Readable(Sample.Build(), r.Sources[0].Origin.RequirementId), r.Reason, StringComparison.Ordinal);
        });
        Assert.Contains("the same as " + RequirementNames.Readable(Sample.Build(), "h:1.1"), report.Rows[0].Reason, StringComparison.Ordinal);
        Assert.Contains("'Control C1' (evidence 2026-05-01)", report.Rows[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_counts_partial_as_half_and_skips_not_applicable()
    {
        var report = Analyze(State(
            [Control("C1", ControlStatus.Implemented, "a:1.1", "a:1.2"), Control("C2", ControlStatus.Implemented, "a:A.1")],
            []) with
        {
            Exclusions = [new SoaExclusion("b:A.2", 1, new DateOnly(2026, 5, 4), "CEO", "no AI data")],
        });

        // clauses: 1.1 satisfied, 1.2 partial, 1.3 open -> 1.5 / 3
        Assert.Equal(50.0, report.Headline.Clauses.Percent, 3);
        // controls: A.1 partial, A.2 not applicable -> 0.5 / 1
        Assert.Equal(50.0, report.Headline.Controls.Percent, 3);
        Assert.Equal(1, report.Headline.Controls.NotApplicable);
        Assert.Equal(2.0 / 4 * 100, report.Headline.Overall.Percent, 3);
    }

    [Fact]
    public void Requirements_without_any_source_are_listed_as_uncovered_work_with_the_reason()
    {
        var report = Analyze(AllOfA());

        Assert.Equal(["b:1.3", "b:A.2"], report.UncoveredOpenWork.Select(r => r.Requirement.Id));
        Assert.Contains("nothing in a assesses impact on people", report.UncoveredOpenWork[0].Reason, StringComparison.Ordinal);
        Assert.Equal(ResultBasis.None, report.UncoveredOpenWork[0].Basis);
    }

    [Fact]
    public void Own_results_win_over_inferred_ones()
    {
        var report = Analyze(State(
            Control("C1", ControlStatus.Implemented, "a:1.1"),
            Control("C9", ControlStatus.Planned, "b:1.1")));

        Assert.Equal(RequirementResult.NotSatisfied, report.Rows[0].Result);
        Assert.Equal(ResultBasis.Controls, report.Rows[0].Basis);
    }

    [Fact]
    public void Effort_counts_open_in_full_partial_in_half_and_compares_with_the_baseline()
    {
        var report = Analyze(AllOfA());

        // each requirement is 2 days: 1.2 partial (1), 1.3 open (2), A.1 partial (1), A.2 open (2) = 6; baseline a = 3 x 2
        Assert.Equal(6, report.Effort.RemainingPersonDays, 3);
        Assert.Equal(6, report.Effort.BaselinePersonDays!.Value, 3);
        Assert.Equal(1.0, report.Effort.RatioToBaseline!.Value, 3);
        Assert.Equal(6 / EffortModel.ProductiveDaysPerFteMonth, report.Effort.ImplementationMonths, 1);
    }

    [Fact]
    public void Little_of_the_baseline_in_place_means_baseline_first()
    {
        var report = Analyze(State(Control("C2", ControlStatus.Implemented, "a:A.1")));

        Assert.StartsWith("Implement A first", report.Recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mature_baseline_leads_to_working_on_uncovered_requirements()
    {
        var report = Analyze(AllOfA());

        Assert.StartsWith("Start with the 2 requirements nothing else covers (1.3, A.2)", report.Recommendation, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_target_is_rejected()
    {
        var analyzer = new GapAnalyzer(new MappingEngine(Sample.Build()));

        Assert.Throws<ArgumentException>(() => analyzer.Analyze(AllOfA(), "zz"));
    }

    [Fact]
    public void Same_input_gives_an_equal_report()
    {
        var first = Analyze(AllOfA());
        var second = Analyze(AllOfA());

        Assert.Equal(first.Rows.Select(r => (r.Requirement.Id, r.Result, r.Reason)), second.Rows.Select(r => (r.Requirement.Id, r.Result, r.Reason)));
        Assert.Equal(first.Recommendation, second.Recommendation);
        Assert.Equal(first.Effort, second.Effort);
    }

    [Fact]
    public void A_published_document_is_the_documentation_part_of_what_it_addresses()
    {
        var state = AllOfA() with { Documents = [new PublishedDocument("Impact assessment procedure", "1.0", ["b:1.3", "b:1.1"])] };

        var report = Analyze(state);

        var impact = report.Rows.Single(r => r.Requirement.Ref == "1.3");
        Assert.Equal((RequirementResult.PartiallySatisfied, ResultBasis.Documented), (impact.Result, impact.Basis));
        Assert.Contains("documented in 'Impact assessment procedure' 1.0 (published); the implementation still needs evidence", impact.Reason, StringComparison.Ordinal);
        var satisfied = report.Rows.Single(r => r.Requirement.Ref == "1.1");
        Assert.Equal(RequirementResult.Satisfied, satisfied.Result);
        Assert.EndsWith("Documented in 'Impact assessment procedure' 1.0 (published).", satisfied.Reason, StringComparison.Ordinal);
        Assert.True(report.Headline.Overall.Percent > Analyze(AllOfA()).Headline.Overall.Percent);
    }

    [Fact]
    public void An_open_major_nonconformity_forces_its_requirement_to_not_satisfied_and_says_why()
    {
        var state = AllOfA() with
        {
            Records = [new RecordCredit("b:1.3", RequirementResult.Satisfied, "Impact assessments approved.")],
            OpenMajorNonconformities = [new OpenMajorNonconformity("NC-7", "b:1.3", "internal audit 2026-05", "No impact assessment for the CV screening system")],
        };

        var report = Analyze(state);

        var row = report.Rows.Single(r => r.Requirement.Id == "b:1.3");
        Assert.Equal((RequirementResult.NotSatisfied, ResultBasis.Nonconformity), (row.Result, row.Basis));
        Assert.StartsWith("Open major nonconformity NC-7 (internal audit 2026-05): No impact assessment for the CV screening system.", row.Reason, StringComparison.Ordinal);
        Assert.EndsWith("Without it: Impact assessments approved.", row.Reason, StringComparison.Ordinal);
        Assert.True(row.IsOpen);
    }

    [Fact]
    public void An_open_major_nonconformity_overrides_inferred_and_entered_results_but_touches_nothing_else()
    {
        var state = State(
            [Control("C1", ControlStatus.Implemented, "a:1.1", "a:1.2"), Control("C2", ControlStatus.Implemented, "a:A.1")],
            new DirectResult("b:A.2", RequirementResult.Satisfied, "bias tests run")) with
        {
            OpenMajorNonconformities =
            [
                new OpenMajorNonconformity("NC-1", "b:1.1", "internal audit 2026-05", "Audit programme skipped the AI team"),
                new OpenMajorNonconformity("NC-2", "b:A.2", "internal audit 2026-05", "No data quality records"),
            ],
        };
        var before = Analyze(state with { OpenMajorNonconformities = [] });

        var report = Analyze(state);

        Assert.Equal(RequirementResult.Satisfied, before.Rows.Single(r => r.Requirement.Ref == "1.1").Result);
        Assert.Equal(RequirementResult.NotSatisfied, report.Rows.Single(r => r.Requirement.Ref == "1.1").Result);
        Assert.Equal(RequirementResult.NotSatisfied, report.Rows.Single(r => r.Requirement.Ref == "A.2").Result);
        Assert.Equal(
            before.Rows.Where(r => r.Requirement.Ref is not ("1.1" or "A.2")).Select(r => (r.Requirement.Id, r.Result, r.Reason)),
            report.Rows.Where(r => r.Requirement.Ref is not ("1.1" or "A.2")).Select(r => (r.Requirement.Id, r.Result, r.Reason)));
        Assert.True(report.Headline.Overall.Percent < before.Headline.Overall.Percent);
    }
}
