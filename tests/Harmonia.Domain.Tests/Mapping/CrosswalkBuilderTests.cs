using Harmonia.Domain.Mapping;

namespace Harmonia.Domain.Tests.Mapping;

public sealed class CrosswalkBuilderTests
{
    [Fact]
    public void Direct_and_two_hop_links_are_composed_with_the_weakest_strength()
    {
        var catalog = new TestCatalog()
            .Requirements("a", "1.1", "A.1").Requirements("h", "1.1").Requirements("b", "1.1", "A.1", "A.2")
            .Map("a:1.1", "h:1.1", Relationship.Superset, 9)
            .Map("h:1.1", "b:1.1", Relationship.Subset, 5)
            .Map("b:A.1", "a:A.1", Relationship.Superset, 6)
            .NoEquivalent("b:A.2", "a", "new in b")
            .Build();

        var rows = CrosswalkBuilder.Build(catalog, "a", "b");

        var chain = Assert.Single(rows[0].Links);
        Assert.Equal(("a:1.1", Relationship.Intersect, 5, "h:1.1"), (chain.SourceId, chain.Relationship, chain.Strength, chain.Hops[0].ToId));
        var reversed = Assert.Single(rows[1].Links);
        Assert.Equal(Relationship.Subset, reversed.Relationship);
        Assert.Empty(rows[2].Links);
        Assert.Equal("new in b", Assert.Single(rows[2].NoEquivalents).Reason);
    }

    [Theory]
    [InlineData(Relationship.Equal, Relationship.Equal, Relationship.Equal)]
    [InlineData(Relationship.Equal, Relationship.Subset, Relationship.Subset)]
    [InlineData(Relationship.Superset, Relationship.Equal, Relationship.Superset)]
    [InlineData(Relationship.Superset, Relationship.Superset, Relationship.Superset)]
    [InlineData(Relationship.Superset, Relationship.Subset, Relationship.Intersect)]
    [InlineData(Relationship.Intersect, Relationship.Equal, Relationship.Intersect)]
    [InlineData(Relationship.Equal, Relationship.NotRelated, Relationship.NotRelated)]
    public void Relationships_compose(Relationship first, Relationship second, Relationship expected) =>
        Assert.Equal(expected, first.Compose(second));
}
