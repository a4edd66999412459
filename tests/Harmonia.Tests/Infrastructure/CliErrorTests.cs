namespace Harmonia.Tests.Infrastructure;

/// <summary>Every bad input: one readable line on stderr, exit code 1 (2 for usage errors), nothing written.</summary>
public sealed class CliErrorTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("harmonia-cli-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertFailure(CliRun run, int exitCode, string expected)
    {
        Assert.Equal(exitCode, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    private static void AssertOneLine(CliRun run) => Assert.Single(run.Error.TrimEnd().Split('\n'));

    [Fact]
    public void Unknown_target_framework()
    {
        var run = CliRun.Of("gap", "--org", CliRun.Example("greenfield-startup.yaml"), "--target", "iso9001-2015");

        AssertFailure(run, 1, "Unknown framework 'iso9001-2015'. Known frameworks: eu-ai-act-2024, hs, iso27001-2022, iso42001-2023, nist-ai-rmf-1.0.");
        AssertOneLine(run);
    }

    [Fact]
    public void Malformed_yaml_names_line_and_column()
    {
        var path = Write("broken.yaml", "organization:\n  name: Broken\ncontrols:\n  - id: C-1\n    name: \"unterminated\n");

        var run = CliRun.Of("gap", "--org", path, "--target", "iso42001-2023");

        AssertFailure(run, 1, path + ":5:");
        Assert.Contains("malformed YAML", run.Error, StringComparison.Ordinal);
        AssertOneLine(run);
    }

    [Fact]
    public void Unknown_requirement_ids_name_their_line()
    {
        var path = Write("unknown.yaml", "organization:\n  name: Typo Ltd\ncontrols:\n  - id: C-1\n    name: Access review\n    status: implemented\n    satisfies: [iso27001-2022:A.5.99]\n");

        var run = CliRun.Of("gap", "--org", path, "--target", "iso27001-2022");

        AssertFailure(run, 1, path + ":7:17: unknown requirement id 'iso27001-2022:A.5.99'");
        AssertOneLine(run);
    }

    [Fact]
    public void Unknown_status_and_result_values_are_rejected()
    {
        var path = Write("values.yaml", "organization:\n  name: Values Ltd\ncontrols:\n  - id: C-1\n    name: Backups\n    status: done\nresults:\n  - requirement: iso27001-2022:A.7.1\n    result: fine\n");

        var run = CliRun.Of("gap", "--org", path, "--target", "iso27001-2022");

        AssertFailure(run, 1, ":6:13: unknown status 'done' (expected planned, in_progress, implemented or not_applicable)");
        Assert.Contains("(and 1 more)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file()
    {
        var run = CliRun.Of("gap", "--org", Path.Combine(_directory.FullName, "nope.yaml"), "--target", "iso42001-2023");

        AssertFailure(run, 1, "no such file");
    }

    [Fact]
    public void A_folder_is_not_a_file()
    {
        var run = CliRun.Of("gap", "--org", _directory.FullName, "--target", "iso42001-2023");

        AssertFailure(run, 1, "is a folder");
    }

    [Fact]
    public void A_file_without_an_organization_is_rejected()
    {
        var run = CliRun.Of("gap", "--org", Write("empty.yaml", "controls: []\n"), "--target", "iso42001-2023");

        AssertFailure(run, 1, "needs an 'organization' mapping");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("1000")]
    public void Impossible_team_capacity(string capacity)
    {
        var run = CliRun.Of("gap", "--org", CliRun.Example("greenfield-startup.yaml"), "--target", "iso42001-2023", "--capacity", capacity);

        AssertFailure(run, 1, "Team capacity must be between 0 and 100");
    }

    [Fact]
    public void Output_into_a_missing_folder_writes_nothing()
    {
        var target = Path.Combine(_directory.FullName, "missing", "report.html");

        var run = CliRun.Of("gap", "--org", CliRun.Example("acme-iso27001-certified.yaml"), "--target", "iso42001-2023", "--format", "html", "--out", target);

        AssertFailure(run, 1, "does not exist");
        Assert.False(Directory.Exists(Path.GetDirectoryName(target)));
    }

    [Fact]
    public void Bad_input_with_out_leaves_an_existing_file_untouched()
    {
        var target = Write("report.md", "previous report");

        var run = CliRun.Of("gap", "--org", Write("bad.yaml", "organization: [\n"), "--target", "iso42001-2023", "--format", "md", "--out", target);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("previous report", File.ReadAllText(target));
        Assert.Single(_directory.GetFiles("report.md*"));
    }

    [Fact]
    public void Table_format_cannot_go_to_a_file()
    {
        var run = CliRun.Of("gap", "--org", CliRun.Example("acme-iso27001-certified.yaml"), "--target", "iso42001-2023", "--out", Path.Combine(_directory.FullName, "x.txt"));

        AssertFailure(run, 1, "--out needs --format md, html or json");
    }

    [Theory]
    [InlineData("gap", "--target", "iso42001-2023")]
    [InlineData("gap", "--org", "x.yaml", "--target", "iso42001-2023", "--format", "pdf")]
    [InlineData("gap", "--org", "x.yaml", "--target", "iso42001-2023", "--capacity", "lots")]
    [InlineData("crosswalk", "--from", "iso27001-2022")]
    [InlineData("audit")]
    [InlineData("catalog", "show")]
    [InlineData]
    public void Usage_errors_exit_with_2(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("harmonia --help", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Unknown_framework_in_catalog_show()
    {
        AssertFailure(CliRun.Of("catalog", "show", "iso27002"), 1, "Unknown framework 'iso27002'");
    }

    [Fact]
    public void Unknown_group_in_catalog_show()
    {
        AssertFailure(CliRun.Of("catalog", "show", "iso42001-2023", "--group", "A.11"), 1, "has no group 'A.11'");
    }

    [Fact]
    public void Crosswalk_needs_two_known_frameworks()
    {
        AssertFailure(CliRun.Of("crosswalk", "--from", "iso27001-2022", "--to", "iso27001-2022"), 1, "same framework");
        AssertFailure(CliRun.Of("crosswalk", "--from", "iso27001-2022", "--to", "sox"), 1, "Unknown framework 'sox'");
    }
}
