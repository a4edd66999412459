using Harmonia.Domain.Gaps;
using static Harmonia.Domain.Tests.TestCatalog;

namespace Harmonia.Domain.Tests.Gaps;

public sealed class OwnResultsTests
{
    [Fact]
    public void Linked_controls_decide_all_some_none()
    {
        var own = OwnResults.Resolve(State(
            Control("C1", ControlStatus.Implemented, "a:1", "a:2", "a:3"),
            Control("C2", ControlStatus.Implemented, "a:1"),
            Control("C3", ControlStatus.InProgress, "a:2", "a:3"),
            Control("C4", ControlStatus.Planned, "a:4")));

        Assert.Equal(RequirementResult.Satisfied, own["a:1"].Result);
        Assert.Equal(RequirementResult.PartiallySatisfied, own["a:2"].Result);
        Assert.Equal(RequirementResult.NotSatisfied, own["a:4"].Result);
        Assert.All(own.Values, o => Assert.Equal(ResultBasis.Controls, o.Basis));
    }

    [Fact]
    public void Not_applicable_controls_are_ignored_and_never_make_a_requirement_not_applicable()
    {
        var own = OwnResults.Resolve(State(
            Control("C1", ControlStatus.Implemented, "a:1"),
            Control("C2", ControlStatus.NotApplicable, "a:1", "a:2")));

        Assert.Equal(RequirementResult.Satisfied, own["a:1"].Result);
        Assert.False(own.ContainsKey("a:2"));
    }

    [Fact]
    public void Only_an_approved_soa_exclusion_makes_a_requirement_not_applicable_and_an_unbacked_entry_counts_as_open()
    {
        var own = OwnResults.Resolve(State([], new DirectResult("a:1", RequirementResult.NotApplicable, "we think so"), new DirectResult("a:2", RequirementResult.NotApplicable, "excluded")) with
        {
            Exclusions = [new SoaExclusion("a:2", 3, new DateOnly(2026, 5, 4), "Chief Executive", "No AI system of ours is trained on personal data.")],
        });

        Assert.Equal((RequirementResult.NotAssessed, ResultBasis.Entered), (own["a:1"].Result, own["a:1"].Basis));
        Assert.Contains("only an approved Statement of Applicability can exclude a requirement", GapReasons.ForOwn(own["a:1"]), StringComparison.Ordinal);
        Assert.Equal((RequirementResult.NotApplicable, ResultBasis.Excluded), (own["a:2"].Result, own["a:2"].Basis));
        Assert.Equal(
            "Not applicable: excluded by the Statement of Applicability v3, approved by Chief Executive on 2026-05-04. Justification: No AI system of ours is trained on personal data.",
            GapReasons.ForOwn(own["a:2"]));
    }

    [Fact]
    public void An_entered_result_wins_over_controls()
    {
        var own = OwnResults.Resolve(State(
            [Control("C1", ControlStatus.Implemented, "a:1")],
            new DirectResult("a:1", RequirementResult.PartiallySatisfied, "audit found the review overdue")));

        Assert.Equal(RequirementResult.PartiallySatisfied, own["a:1"].Result);
        Assert.Equal(ResultBasis.Entered, own["a:1"].Basis);
        Assert.Equal("Entered as partially satisfied: audit found the review overdue", GapReasons.ForOwn(own["a:1"]));
    }
}
