using Harmonia.App.Content;

namespace Harmonia.Tests.Catalogs;

/// <summary>Broken content fails loudly, with the file and the line of every problem.</summary>
public sealed class ContentValidationTests
{
    private const string Framework = """
        id: x
        name: X
        groups:
          - id: "1"
            title: One
            kind: clause
        requirements:
          - ref: "1.1"
            title: First
            group: "1"
            kind: clause
            summary: Do the first thing.
            evidence: A record of it.
          - ref: "1.2"
            title: Second
            group: "1"
            kind: clause
            summary: Do the second thing.
            evidence: A record of it.
        """;

    private const string Other = """
        id: y
        name: Y
        groups:
          - id: "1"
            title: One
            kind: clause
        requirements:
          - ref: "1.1"
            title: First
            group: "1"
            kind: clause
            summary: Do it.
            evidence: Proof.
        """;

    private static ContentValidationException Invalid(params ContentFile[] files) =>
        Assert.Throws<ContentValidationException>(() => CatalogLoader.Load(files));

    private static ContentFile Mapping(string body) => new("mappings/x__y.yaml", "source: x\ntarget: y\nmappings:\n" + body);

    [Fact]
    public void Valid_content_loads()
    {
        var content = CatalogLoader.Load([new("frameworks/x.yaml", Framework), new ContentFile("frameworks/y.yaml", Other),
            Mapping("  - source: \"1.1\"\n    target: \"1.1\"\n    relationship: equal\n    strength: 9\n    rationale: Same thing.\n")]);

        Assert.Single(content.Catalog.Mappings);
        Assert.Equal(16, content.Version.Length);
    }

    [Fact]
    public void Duplicate_requirement_ids_name_both_lines()
    {
        var ex = Invalid(new ContentFile("frameworks/x.yaml", Framework.Replace("ref: \"1.2\"", "ref: \"1.1\"", StringComparison.Ordinal)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("frameworks/x.yaml", 14), (error.File, error.Line));
        Assert.Contains("duplicate requirement id 'x:1.1' (first at line 8)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_titles_are_reported_where_the_requirement_is()
    {
        var ex = Invalid(new ContentFile("frameworks/x.yaml", Framework.Replace("    title: Second\n", string.Empty, StringComparison.Ordinal)));

        Assert.Equal("frameworks/x.yaml:14:5: requirement '1.2' has no 'title'", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Dangling_ids_in_mappings_are_reported_with_their_line()
    {
        var ex = Invalid(new ContentFile("frameworks/x.yaml", Framework), new ContentFile("frameworks/y.yaml", Other),
            Mapping("  - source: \"1.1\"\n    target: \"9.9\"\n    relationship: equal\n    strength: 9\n    rationale: Same.\n"));

        Assert.Equal("mappings/x__y.yaml:5:13: dangling id: y has no requirement '9.9'", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Unknown_relationships_are_reported()
    {
        var ex = Invalid(new ContentFile("frameworks/x.yaml", Framework), new ContentFile("frameworks/y.yaml", Other),
            Mapping("  - source: \"1.1\"\n    target: \"1.1\"\n    relationship: equals\n    strength: 9\n    rationale: Same.\n"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(6, error.Line);
        Assert.StartsWith("unknown relationship 'equals'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strength_outside_1_to_10_is_reported()
    {
        var ex = Invalid(new ContentFile("frameworks/x.yaml", Framework), new ContentFile("frameworks/y.yaml", Other),
            Mapping("  - source: \"1.1\"\n    target: \"1.1\"\n    relationship: equal\n    strength: 11\n    rationale: Same.\n"));

        Assert.Contains("'strength' must be a number from 1 to 10", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_yaml_reports_line_and_column()
    {
        var ex = Invalid(new ContentFile("frameworks/x.yaml", "id: x\nname: [unclosed\ngroups: []\n"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("frameworks/x.yaml", error.File);
        Assert.True(error.Line >= 2, error.ToString());
        Assert.StartsWith("malformed YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_keys_are_not_silently_ignored()
    {
        var ex = Invalid(new ContentFile("frameworks/x.yaml", Framework.Replace("summary: Do the second thing.", "sumary: Do the second thing.", StringComparison.Ordinal)));

        Assert.Contains(ex.Errors, e => e.Message.StartsWith("unknown key 'sumary'", StringComparison.Ordinal) && e.Line == 18);
    }

    [Fact]
    public void Incomplete_coverage_lists_the_missing_requirements()
    {
        var ex = Invalid(new ContentFile("frameworks/x.yaml", Framework), new ContentFile("frameworks/y.yaml", Other),
            new("mappings/y__x.yaml", "source: y\ntarget: x\nmappings: []\ncoverage:\n  - target: \"1.1\"\n    noEquivalent: Nothing in y does this.\n"));

        Assert.Equal("mappings/y__x.yaml:5:3: coverage must name every x requirement; missing: 1.2", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void A_coverage_claim_that_no_mapping_backs_is_rejected()
    {
        var ex = Invalid(new ContentFile("frameworks/x.yaml", Framework), new ContentFile("frameworks/y.yaml", Other),
            new("mappings/y__x.yaml", "source: y\ntarget: x\nmappings: []\ncoverage:\n  - target: \"1.1\"\n    mapped: true\n  - target: \"1.2\"\n    via: x\n"));

        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains("x:1.1 is marked mapped but no mapping in this file reaches it", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("no y -> x -> x:1.2 chain", ex.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_run()
    {
        var broken = Framework
            .Replace("kind: clause\n    summary: Do the first", "kind: rule\n    summary: Do the first", StringComparison.Ordinal)
            .Replace("group: \"1\"\n    kind: clause\n    summary: Do the second", "group: \"7\"\n    kind: clause\n    summary: Do the second", StringComparison.Ordinal);

        var ex = Invalid(new ContentFile("frameworks/x.yaml", broken));

        Assert.Equal(2, ex.Errors.Count);
        Assert.EndsWith("(and 1 more)", ex.Message, StringComparison.Ordinal);
    }
}
