using System.Text.RegularExpressions;
using Harmonia.App.Content;
using Harmonia.Domain.Catalogs;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Catalogs;

/// <summary>The shipped catalogs against the reference facts in tests/Harmonia.Tests/reference: counts, every id and every title.</summary>
public sealed partial class ShippedCatalogTests
{
    private static readonly Catalog Catalog = LoadedContent.Shipped.Catalog;

    private static readonly string[] Iso27001Clauses =
        ["4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1.1", "6.1.2", "6.1.3", "6.2", "6.3", "7.1", "7.2", "7.3", "7.4", "7.5.1", "7.5.2", "7.5.3",
         "8.1", "8.2", "8.3", "9.1", "9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3", "10.1", "10.2"];

    private static readonly Dictionary<string, string> ThemeGroups = new()
    {
        ["Organizational"] = "A.5",
        ["People"] = "A.6",
        ["Physical"] = "A.7",
        ["Technological"] = "A.8",
    };

    [Fact]
    public void Shipped_content_loads_with_the_five_frameworks()
    {
        Assert.Equal(["eu-ai-act-2024", "hs", "iso27001-2022", "iso42001-2023", "nist-ai-rmf-1.0"], Catalog.Frameworks.Select(f => f.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Iso27001_annex_a_has_93_controls_in_37_8_14_34_with_the_reference_ids_and_titles()
    {
        var framework = Catalog.FindFramework("iso27001-2022")!;
        var controls = framework.Requirements.Where(r => r.Kind == RequirementKind.Control).ToArray();
        var reference = ReferenceCsv.Read("iso27001-2022-annexA.csv");

        Assert.Equal(93, controls.Length);
        Assert.Equal([37, 8, 14, 34], ThemeGroups.Values.Select(g => controls.Count(c => c.GroupId == g)));
        Assert.Equal(reference.Select(r => ("A." + r["id"], r["title"], ThemeGroups[r["theme"]])), controls.Select(c => (c.Ref, c.Title, c.GroupId)));
    }

    [Fact]
    public void Iso27001_has_the_30_clause_requirements_with_their_titles()
    {
        var clauses = Catalog.FindFramework("iso27001-2022")!.Requirements.Where(r => r.Kind == RequirementKind.Clause).ToArray();

        Assert.Equal(Iso27001Clauses, clauses.Select(c => c.Ref));
        Assert.Equal(ExpectedClauseTitles("iso27001_specific_note"), clauses.Select(c => (c.Ref, c.Title)));
    }

    [Fact]
    public void Iso42001_has_the_32_clause_requirements_including_the_impact_assessment()
    {
        var clauses = Catalog.FindFramework("iso42001-2023")!.Requirements.Where(r => r.Kind == RequirementKind.Clause).ToArray();

        Assert.Equal(32, clauses.Length);
        Assert.Contains(clauses, c => c.Ref == "6.1.4" && c.Title == "AI system impact assessment");
        Assert.Contains(clauses, c => c.Ref == "8.4" && c.Title == "AI system impact assessment");
        Assert.Equal(ExpectedClauseTitles("iso42001_specific_note"), clauses.Select(c => (c.Ref, c.Title)));
    }

    [Fact]
    public void Iso42001_annex_a_has_38_controls_under_9_objectives_in_3_2_5_4_9_5_4_3_3()
    {
        var framework = Catalog.FindFramework("iso42001-2023")!;
        var controls = framework.Requirements.Where(r => r.Kind == RequirementKind.Control).ToArray();
        var reference = ReferenceCsv.Read("iso42001-2023-annexA.csv");

        Assert.Equal(38, controls.Length);
        var perObjective = controls.GroupBy(c => Catalog.TopGroupOf(c).Id).Select(g => (g.Key, g.Count())).ToArray();
        Assert.Equal([("A.2", 3), ("A.3", 2), ("A.4", 5), ("A.5", 4), ("A.6", 9), ("A.7", 5), ("A.8", 4), ("A.9", 3), ("A.10", 3)], perObjective);
        Assert.Equal(
            reference.Select(r => (r["id"], r["title"], r["objective_group"].Split(' ')[0], r["sub_group"].Split(' ')[0])),
            controls.Select(c => (c.Ref, c.Title, Catalog.TopGroupOf(c).Id, c.GroupId.Count(ch => ch == '.') == 2 ? c.GroupId : string.Empty)));
        Assert.Equal(
            reference.Select(r => r["objective_group"]).Distinct(),
            framework.Groups.Where(g => g.ParentId is null && g.Kind == GroupKind.Objective).Select(g => g.Id + " " + g.Title));
    }

    [Fact]
    public void Iso42001_annex_c_lists_11_objectives_and_7_risk_sources()
    {
        var lists = Catalog.FindFramework("iso42001-2023")!.ReferenceLists;
        var markdown = File.ReadAllText(Path.Combine(RepositoryPaths.Reference, "iso42001-annexes.md"));
        var reference = AnnexCRow().Matches(markdown).Select(m => (Ref: m.Groups[1].Value, Title: m.Groups[2].Value.Trim())).ToArray();

        var items = lists.SelectMany(l => l.Items).ToArray();
        Assert.Equal(11, lists.Single(l => l.Id == "annex-c-objectives").Items.Count);
        Assert.Equal(7, lists.Single(l => l.Id == "annex-c-risk-sources").Items.Count);
        Assert.Equal(reference.Select(r => r.Ref), items.Select(i => i.Ref));
        Assert.All(items.Zip(reference), pair => Assert.StartsWith(pair.First.Title, pair.Second.Title, StringComparison.Ordinal));
    }

    [Fact]
    public void Shared_layer_has_the_30_clauses_common_to_both_standards()
    {
        var hs = Catalog.FindFramework("hs")!.Requirements;
        var expected = Clauses
            .Where(r => IsLeafClause(r["clause"]) && !r["iso27001_specific_note"].StartsWith("NO EQUIVALENT", StringComparison.Ordinal))
            .Select(r => (r["clause"], r["title"]));

        Assert.Equal(expected, hs.Select(r => (r.Ref, r.Title)));
        Assert.All(hs, r => Assert.Equal(RequirementKind.Clause, r.Kind));
    }

    [Fact]
    public void Every_requirement_has_a_short_summary_and_the_evidence_an_auditor_looks_for()
    {
        Assert.All(Catalog.Requirements, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Summary), r.Id);
            Assert.False(string.IsNullOrWhiteSpace(r.Evidence), r.Id);
            Assert.InRange(SentenceEnd().Count(r.Summary), 1, 2);
            Assert.True(r.EffortDays > 0, r.Id + " has no effort estimate");
        });
    }

    [Fact]
    public void No_mapping_dangles()
    {
        Assert.NotEmpty(Catalog.Mappings);
        Assert.All(Catalog.Mappings, m =>
        {
            Assert.NotNull(Catalog.FindRequirement(m.SourceId));
            Assert.NotNull(Catalog.FindRequirement(m.TargetId));
            Assert.InRange(m.Strength, 1, 10);
            Assert.False(string.IsNullOrWhiteSpace(m.Rationale));
        });
    }

    [Fact]
    public void Nist_crosswalk_keeps_every_published_row_and_its_attribution()
    {
        var set = LoadedContent.Shipped.MappingSets.Single(s => s.SourceFrameworkId == "nist-ai-rmf-1.0");
        var rows = ReferenceCsv.Read("nist-ai-rmf-to-42001.csv");

        Assert.Contains("public domain", set.Attribution, StringComparison.Ordinal);
        Assert.Contains("NIST", set.Attribution, StringComparison.Ordinal);
        var pairs = set.Mappings.Select(m => (m.SourceId, m.TargetId)).ToHashSet();
        Assert.All(rows, r => Assert.Contains(
            ("nist-ai-rmf-1.0:" + r["ai_rmf_ref"], "iso42001-2023:" + (r["annexA_equivalent"].Length > 0 ? r["annexA_equivalent"] : r["iso42001_ref"])),
            pairs));
        Assert.Equal(rows.Select(r => r["ai_rmf_ref"]).Distinct().Count(), Catalog.FindFramework("nist-ai-rmf-1.0")!.Requirements.Count);
    }

    private static readonly IReadOnlyList<Dictionary<string, string>> Clauses = ReferenceCsv.Read("harmonized-structure-clauses.csv");

    /// <summary>Clauses 4–10 below the top level that have no sub-clauses of their own (6.1 is a heading, 6.1.1 a requirement).</summary>
    private static bool IsLeafClause(string clause) =>
        ClauseNumber().Match(clause) is { Success: true } match
        && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is >= 4 and <= 10
        && !Clauses.Any(r => r["clause"].StartsWith(clause + ".", StringComparison.Ordinal));

    /// <summary>The per-standard title: "title: X ..." in the standard's note column, else the shared title.</summary>
    private static IEnumerable<(string, string)> ExpectedClauseTitles(string noteColumn) =>
        Clauses
            .Where(r => IsLeafClause(r["clause"]) && !r[noteColumn].StartsWith("NO EQUIVALENT", StringComparison.Ordinal))
            .Select(r => (r["clause"], TitleFromNote(r[noteColumn]) ?? r["title"]));

    private static string? TitleFromNote(string note)
    {
        var match = NoteTitle().Match(note);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex(@"title: ([^(;]+?)(?: \(| - |;|$)")]
    private static partial Regex NoteTitle();

    [GeneratedRegex(@"^\| (C\.\d+\.\d+) \| ([^|]+)\|", RegexOptions.Multiline)]
    private static partial Regex AnnexCRow();

    [GeneratedRegex(@"^(\d+)\.\d+(\.\d+)?$")]
    private static partial Regex ClauseNumber();

    [GeneratedRegex(@"[.!?](\s|$)")]
    private static partial Regex SentenceEnd();
}
