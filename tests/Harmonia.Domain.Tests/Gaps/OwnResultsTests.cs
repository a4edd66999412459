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
    public void Not_applicable_controls_are_ignored_and_only_those_make_the_requirement_not_applicable()
    {
        var own = OwnResults.Resolve(State(
            Control("C1", ControlStatus.Implemented, "a:1"),
            Control("C2", ControlStatus.NotApplicable, "a:1", "a:2")));

        Assert.Equal(RequirementResult.Satisfied, own["a:1"].Result);
        Assert.Equal(RequirementResult.NotApplicable, own["a:2"].Result);
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
