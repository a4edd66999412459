using System.Text.Json;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Gaps;

/// <summary>Both samples end to end through the CLI; every figure comes from the engine.</summary>
public sealed class GapCommandTests
{
    private const string Acme = "acme-iso27001-certified.yaml";
    private const string Greenfield = "greenfield-startup.yaml";

    private static JsonElement Json(string sample, string target)
    {
        var run = CliRun.Of("gap", "--org", CliRun.Example(sample), "--target", target, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Empty(run.Error);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    [Fact]
    public void Acme_meets_every_iso27001_requirement()
    {
        var report = Json(Acme, "iso27001-2022");

        var overall = report.GetProperty("headline").GetProperty("overall");
        Assert.Equal(123, overall.GetProperty("satisfied").GetInt32());
        Assert.Equal(100.0, overall.GetProperty("percent").GetDouble());
    }

    [Fact]
    public void Acme_already_meets_40_to_60_percent_of_the_iso42001_clauses_and_needs_4_to_6_months()
    {
        var report = Json(Acme, "iso42001-2023");

        var clauses = report.GetProperty("headline").GetProperty("clauses");
        Assert.InRange(clauses.GetProperty("percent").GetDouble(), 40, 60);
        Assert.True(clauses.GetProperty("satisfied").GetInt32() > 0 && clauses.GetProperty("partiallySatisfied").GetInt32() > 0);
        var effort = report.GetProperty("effort");
        Assert.InRange(effort.GetProperty("ratioToBaseline").GetDouble(), 0.40, 0.60);
        Assert.InRange(effort.GetProperty("totalMonths").GetDouble(), 4, 6);
        Assert.Equal(100.0, report.GetProperty("baseline").GetProperty("overall").GetProperty("percent").GetDouble());
    }

    [Fact]
    public void Acme_ai_specific_work_is_listed_and_includes_the_impact_assessment()
    {
        var report = Json(Acme, "iso42001-2023");

        var uncovered = report.GetProperty("uncoveredOpenWork").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Contains("iso42001-2023:6.1.4", uncovered);
        Assert.Contains("iso42001-2023:8.4", uncovered);
        Assert.Contains("iso42001-2023:A.5.2", uncovered);
        Assert.Contains("iso42001-2023:A.7.4", uncovered);
    }

    [Fact]
    public void Every_inferred_row_names_its_path_and_every_row_says_why()
    {
        var rows = Json(Acme, "iso42001-2023").GetProperty("requirements").EnumerateArray().ToArray();

        Assert.Equal(70, rows.Length);
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("reason").GetString())));
        var inferred = rows.Where(r => r.GetProperty("basis").GetString() == "inferred").ToArray();
        Assert.NotEmpty(inferred);
        Assert.All(inferred, r =>
        {
            var provenance = r.GetProperty("provenance").EnumerateArray().ToArray();
            Assert.NotEmpty(provenance);
            Assert.All(provenance, p => Assert.NotEmpty(p.GetProperty("hops").EnumerateArray()));
        });
        var audit = rows.Single(r => r.GetProperty("id").GetString() == "iso42001-2023:9.2.1");
        Assert.Equal("partially_satisfied", audit.GetProperty("result").GetString());
        Assert.StartsWith("Partially satisfied (strong link, strength 7 of 10 at its weakest step): only partly covered by the clause both standards share (harmonized structure 9.2.1), which ISO/IEC 27001:2022 9.2.1 covers in full.", audit.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Before_any_ai_work_acme_competence_documents_audit_and_review_are_only_partly_met_and_say_how_strongly()
    {
        var rows = Json(Acme, "iso42001-2023").GetProperty("requirements").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);

        // An ISMS alone does not prove AI competence, the 42001 documents, an audit or a review of the AIMS.
        foreach (var clause in new[] { "7.2", "7.5.1", "9.2.1", "9.2.2", "9.3.1", "9.3.3" })
        {
            Assert.Equal("partially_satisfied", rows["iso42001-2023:" + clause].GetProperty("result").GetString());
        }

        // Operational planning and data for development get the little the ISMS justifies, and say it is a weak link.
        foreach (var id in new[] { "iso42001-2023:8.1", "iso42001-2023:A.7.2" })
        {
            Assert.Equal("partially_satisfied", rows[id].GetProperty("result").GetString());
            Assert.StartsWith("Partially satisfied (weak link, strength 3 of 10", rows[id].GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        // The dropped links no longer lend their weak credit: A.3.2 and A.4.3 rest on their remaining sources only.
        Assert.DoesNotContain(rows["iso42001-2023:A.3.2"].GetProperty("provenance").EnumerateArray(), p => p.GetProperty("origin").GetProperty("requirement").GetString() == "iso27001-2022:A.5.18");
        Assert.DoesNotContain(rows["iso42001-2023:A.4.3"].GetProperty("provenance").EnumerateArray(), p => p.GetProperty("origin").GetProperty("requirement").GetString() == "iso27001-2022:A.8.3");

        // Plain words: no internal ids or jargon in any reason, and the JSON uses the table's words.
        Assert.All(rows.Values, r =>
        {
            var reason = r.GetProperty("reason").GetString()!;
            Assert.DoesNotContain("hs:", reason, StringComparison.Ordinal);
            Assert.DoesNotContain("iso27001-2022:", reason, StringComparison.Ordinal);
            Assert.DoesNotContain("weakest link", reason, StringComparison.Ordinal);
            Assert.Contains(r.GetProperty("result").GetString(), (string[])["satisfied", "partially_satisfied", "not_satisfied", "not_applicable", "open"]);
        });
        Assert.Equal("open", rows["iso42001-2023:6.1.4"].GetProperty("result").GetString());
    }

    [Fact]
    public void The_table_and_the_json_use_the_same_word_for_an_open_requirement()
    {
        var table = CliRun.Of("gap", "--org", CliRun.Example(Acme), "--target", "iso42001-2023", "--format", "md");

        Assert.Equal(0, table.ExitCode);
        var line = table.Out.Split('\n').First(l => l.StartsWith("| 6.1.4 | AI system impact assessment | ", StringComparison.Ordinal) && l.Contains("| no source |", StringComparison.Ordinal));
        Assert.Contains("| Open |", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not_assessed", Json(Acme, "iso42001-2023").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Greenfield_is_advised_to_implement_iso27001_first()
    {
        var report = Json(Greenfield, "iso42001-2023");

        Assert.StartsWith("Implement ISO/IEC 27001:2022 first", report.GetProperty("recommendation").GetString(), StringComparison.Ordinal);
        Assert.InRange(report.GetProperty("headline").GetProperty("clauses").GetProperty("percent").GetDouble(), 0, 10);
    }

    [Fact]
    public void Greenfield_iso27001_gap_shows_its_few_controls()
    {
        var report = Json(Greenfield, "iso27001-2022");

        var overall = report.GetProperty("headline").GetProperty("overall");
        Assert.InRange(overall.GetProperty("satisfied").GetInt32(), 1, 10);
        Assert.InRange(overall.GetProperty("percent").GetDouble(), 0.5, 15);
    }

    [Theory]
    [InlineData("md")]
    [InlineData("html")]
    [InlineData("json")]
    [InlineData("table")]
    public void Same_input_gives_the_same_report_byte_for_byte(string format)
    {
        var first = CliRun.Of("gap", "--org", CliRun.Example(Acme), "--target", "iso42001-2023", "--format", format);
        var second = CliRun.Of("gap", "--org", CliRun.Example(Acme), "--target", "iso42001-2023", "--format", format);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public void Html_report_is_one_self_contained_file_with_provenance_per_row()
    {
        var directory = Directory.CreateTempSubdirectory("harmonia-gap-");
        var path = Path.Combine(directory.FullName, "acme.html");

        var run = CliRun.Of("gap", "--org", CliRun.Example(Acme), "--target", "iso42001-2023", "--format", "html", "--out", path);

        Assert.Equal(0, run.ExitCode);
        var html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"bars\"", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<svg class=\"gauge\"").Length - 1);
        Assert.Equal(70, html.Split("<tr id=\"r-").Length - 1);
        Assert.True(html.Split("<summary>Provenance").Length - 1 >= 51, "every inferred row shows its provenance");
        directory.Delete(recursive: true);
    }

    [Fact]
    public void Markdown_report_has_headline_effort_and_a_reason_per_row()
    {
        var run = CliRun.Of("gap", "--org", CliRun.Example(Acme), "--target", "iso42001-2023", "--format", "md");

        Assert.Contains("| Clause requirements | 32 |", run.Out, StringComparison.Ordinal);
        Assert.Contains("Partially satisfied requirements count as half", run.Out, StringComparison.Ordinal);
        Assert.Contains("## Work no other standard covers", run.Out, StringComparison.Ordinal);
        Assert.Contains("| 6.1.4 | AI system impact assessment | Open | no source | Open gap:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Console_table_shows_the_headline_and_every_requirement()
    {
        var run = CliRun.Of("gap", "--org", CliRun.Example(Acme), "--target", "iso42001-2023");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Clause requirements", run.Out, StringComparison.Ordinal);
        Assert.Contains("Recommendation:", run.Out, StringComparison.Ordinal);
        Assert.Contains("AI system impact assessment", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Capacity_option_changes_the_duration_not_the_effort()
    {
        var slow = CliRun.Of("gap", "--org", CliRun.Example(Acme), "--target", "iso42001-2023", "--format", "json", "--capacity", "0.5");
        var fast = CliRun.Of("gap", "--org", CliRun.Example(Acme), "--target", "iso42001-2023", "--format", "json", "--capacity", "3");

        var slowEffort = JsonDocument.Parse(slow.Out).RootElement.GetProperty("effort");
        var fastEffort = JsonDocument.Parse(fast.Out).RootElement.GetProperty("effort");
        Assert.Equal(slowEffort.GetProperty("remainingPersonDays").GetDouble(), fastEffort.GetProperty("remainingPersonDays").GetDouble());
        Assert.True(slowEffort.GetProperty("totalMonths").GetDouble() > fastEffort.GetProperty("totalMonths").GetDouble());
    }
}
