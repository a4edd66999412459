using Harmonia.Domain.Gaps;
using Harmonia.Domain.Mapping;
using static Harmonia.Domain.Tests.TestCatalog;

namespace Harmonia.Domain.Tests.Mapping;

public sealed class MappingEngineTests
{
    private static Dictionary<string, InferredResult> Infer(TestCatalog builder, string target, OrganizationState state) =>
        new MappingEngine(builder.Build()).Infer(target, OwnResults.Resolve(state));

    [Theory]
    [InlineData(Relationship.Equal, RequirementResult.Satisfied)]
    [InlineData(Relationship.Superset, RequirementResult.Satisfied)]
    [InlineData(Relationship.Subset, RequirementResult.PartiallySatisfied)]
    [InlineData(Relationship.Intersect, RequirementResult.PartiallySatisfied)]
    public void Each_relationship_transforms_a_satisfied_source_as_designed(Relationship relationship, RequirementResult expected)
    {
        var builder = new TestCatalog().Requirements("a", "1.1").Requirements("b", "1.1").Map("a:1.1", "b:1.1", relationship);

        var inferred = Infer(builder, "b", State(Control("C1", ControlStatus.Implemented, "a:1.1")));

        Assert.Equal(expected, inferred["b:1.1"].Result);
    }

    [Fact]
    public void Not_related_carries_nothing()
    {
        var builder = new TestCatalog().Requirements("a", "1.1").Requirements("b", "1.1").Map("a:1.1", "b:1.1", Relationship.NotRelated);

        var inferred = Infer(builder, "b", State(Control("C1", ControlStatus.Implemented, "a:1.1")));

        Assert.Empty(inferred);
    }

    [Fact]
    public void Partial_and_unsatisfied_sources_pass_through_equal_mappings_unchanged()
    {
        var builder = new TestCatalog().Requirements("a", "1.1", "1.2").Requirements("b", "1.1", "1.2")
            .Map("a:1.1", "b:1.1", Relationship.Equal).Map("a:1.2", "b:1.2", Relationship.Equal);
        var state = State(
            Control("C1", ControlStatus.Implemented, "a:1.1"),
            Control("C2", ControlStatus.Planned, "a:1.1"),
            Control("C3", ControlStatus.Planned, "a:1.2"));

        var inferred = Infer(builder, "b", state);

        Assert.Equal(RequirementResult.PartiallySatisfied, inferred["b:1.1"].Result);
        Assert.Equal(RequirementResult.NotSatisfied, inferred["b:1.2"].Result);
    }

    [Fact]
    public void Reverse_direction_uses_the_inverse_relationship()
    {
        // a:1.1 is a subset of b:1.1, so b:1.1 is a superset of a:1.1 and passes a satisfied result back in full.
        var builder = new TestCatalog().Requirements("a", "1.1").Requirements("b", "1.1").Map("a:1.1", "b:1.1", Relationship.Subset);

        var inferred = Infer(builder, "a", State(Control("C1", ControlStatus.Implemented, "b:1.1")));

        Assert.Equal(RequirementResult.Satisfied, inferred["a:1.1"].Result);
        Assert.True(inferred["a:1.1"].Best.Hops[0].Reversed);
        Assert.Equal(Relationship.Superset, inferred["a:1.1"].Best.Hops[0].Relationship);
    }

    [Fact]
    public void Chains_through_a_shared_layer_and_are_as_strong_as_the_weakest_hop()
    {
        var builder = new TestCatalog().Requirements("a", "1.1").Requirements("h", "1.1").Requirements("b", "1.1")
            .Map("a:1.1", "h:1.1", Relationship.Superset, 9)
            .Map("h:1.1", "b:1.1", Relationship.Subset, 5);

        var inferred = Infer(builder, "b", State(Control("C1", ControlStatus.Implemented, "a:1.1")));

        var path = inferred["b:1.1"].Best;
        Assert.Equal(RequirementResult.PartiallySatisfied, path.Result);
        Assert.Equal(5, path.Strength);
        Assert.Equal(["a:1.1", "h:1.1"], path.Hops.Select(h => h.FromId));
        Assert.Equal("a:1.1", path.Origin.RequirementId);
    }

    [Fact]
    public void Cycles_terminate_and_keep_the_best_result()
    {
        var builder = new TestCatalog().Requirements("a", "1.1", "1.2").Requirements("h", "1.1", "1.2").Requirements("b", "1.1")
            .Map("a:1.1", "h:1.1", Relationship.Equal)
            .Map("h:1.1", "h:1.2", Relationship.Equal)
            .Map("h:1.2", "a:1.2", Relationship.Equal)
            .Map("a:1.2", "h:1.1", Relationship.Intersect)
            .Map("h:1.2", "b:1.1", Relationship.Equal);

        var inferred = Infer(builder, "b", State(Control("C1", ControlStatus.Implemented, "a:1.1")));

        Assert.Equal(RequirementResult.Satisfied, inferred["b:1.1"].Result);
        Assert.Equal(3, inferred["b:1.1"].Best.Hops.Count);
    }

    [Fact]
    public void Paths_never_relay_through_another_requirement_of_the_target_framework()
    {
        var builder = new TestCatalog().Requirements("a", "1.1").Requirements("b", "1.1", "1.2")
            .Map("a:1.1", "b:1.1", Relationship.Equal)
            .Map("b:1.1", "b:1.2", Relationship.Equal);

        var inferred = Infer(builder, "b", State(Control("C1", ControlStatus.Implemented, "a:1.1")));

        Assert.True(inferred.ContainsKey("b:1.1"));
        Assert.False(inferred.ContainsKey("b:1.2"));
    }

    [Fact]
    public void Paths_stop_at_a_requirement_with_its_own_result()
    {
        var builder = new TestCatalog().Requirements("a", "1.1").Requirements("h", "1.1").Requirements("b", "1.1")
            .Map("a:1.1", "h:1.1", Relationship.Equal)
            .Map("h:1.1", "b:1.1", Relationship.Equal);
        var state = State(
            [Control("C1", ControlStatus.Implemented, "a:1.1")],
            new DirectResult("h:1.1", RequirementResult.NotSatisfied, "the shared audit programme lapsed"));

        var inferred = Infer(builder, "b", state);

        Assert.Equal(RequirementResult.NotSatisfied, inferred["b:1.1"].Result);
        Assert.Equal("h:1.1", inferred["b:1.1"].Best.Origin.RequirementId);
    }

    [Fact]
    public void Several_sources_are_all_listed_best_first()
    {
        var builder = new TestCatalog().Requirements("a", "A.1", "A.2", "A.3").Requirements("b", "A.9")
            .Map("a:A.1", "b:A.9", Relationship.Intersect, 4)
            .Map("a:A.2", "b:A.9", Relationship.Equal, 6)
            .Map("a:A.3", "b:A.9", Relationship.Intersect, 7);
        var state = State(
            Control("C1", ControlStatus.Implemented, "a:A.1"),
            Control("C2", ControlStatus.Planned, "a:A.2"),
            Control("C3", ControlStatus.Implemented, "a:A.3"));

        var inferred = Infer(builder, "b", state)["b:A.9"];

        Assert.Equal(["a:A.3", "a:A.1", "a:A.2"], inferred.Sources.Select(s => s.Origin.RequirementId));
        Assert.Equal(RequirementResult.PartiallySatisfied, inferred.Result);
        Assert.Equal(RequirementResult.NotSatisfied, inferred.Sources[2].Result);
    }

    [Fact]
    public void Not_applicable_sources_pass_nothing()
    {
        var builder = new TestCatalog().Requirements("a", "1.1").Requirements("b", "1.1").Map("a:1.1", "b:1.1", Relationship.Equal);
        var state = State([], new DirectResult("a:1.1", RequirementResult.NotApplicable, "no premises"));

        Assert.Empty(Infer(builder, "b", state));
    }
}
