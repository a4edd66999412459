using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Documents;

public sealed class DocsCommandTests
{
    [Fact]
    public void Coverage_lists_every_documented_information_requirement_and_succeeds_when_none_is_uncovered()
    {
        var run = CliRun.Of("docs", "coverage");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("iso27001-2022: 28 of 28 documented-information requirements covered", run.Out, StringComparison.Ordinal);
        Assert.Contains("iso42001-2023: 48 of 48 documented-information requirements covered", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT COVERED", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_writes_every_document_in_every_format()
    {
        var folder = Directory.CreateTempSubdirectory("harmonia-pack-").FullName;
        try
        {
            var run = CliRun.Of("docs", "generate", "--org", CliRun.Example("acme-iso27001-certified.yaml"), "--answers", CliRun.Example("acme-answers.yaml"), "--out", folder);

            Assert.True(run.ExitCode == 0, run.Error);
            var files = Directory.GetFiles(folder).Select(Path.GetFileName).ToArray();
            Assert.True(files.Length >= 100, $"{files.Length} files");
            foreach (var extension in new[] { ".docx", ".pdf", ".md", ".html" })
            {
                Assert.Contains("ai-policy" + extension, files);
            }

            Assert.Contains("Acme Analytics GmbH", File.ReadAllText(Path.Combine(folder, "isms-scope.md")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Missing_required_answers_block_the_pack_and_nothing_is_written()
    {
        var folder = Path.Combine(Path.GetTempPath(), "harmonia-missing-" + Guid.NewGuid().ToString("N"));
        var answers = Path.Combine(Path.GetTempPath(), $"answers-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(answers, "answers:\n  org.short_name: Acme\n");
        try
        {
            var run = CliRun.Of("docs", "generate", "--org", CliRun.Example("acme-iso27001-certified.yaml"), "--answers", answers, "--out", folder, "--format", "md");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("missing answer: roles.ai_governance_lead (AI governance lead) needed by", run.Error, StringComparison.Ordinal);
            Assert.Contains("nothing was written", run.Error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(folder));

            var drafts = CliRun.Of("docs", "generate", "--org", CliRun.Example("acme-iso27001-certified.yaml"), "--answers", answers, "--out", folder, "--format", "md", "--only", "ai-policy", "--allow-missing");
            Assert.Equal(0, drafts.ExitCode);
            Assert.Contains("\\[missing answer: AI governance lead\\]", File.ReadAllText(Path.Combine(folder, "ai-policy.md")), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(answers);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void An_interrupted_write_leaves_the_previous_output_and_other_files_untouched()
    {
        var folder = Directory.CreateTempSubdirectory("harmonia-out-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "ai-policy.md"), "previous version");
            File.WriteAllText(Path.Combine(folder, "notes.txt"), "the user's own file");
            Directory.CreateDirectory(Path.Combine(folder, ".harmonia-staging-killed"));

            // The second file cannot be written: the run fails before anything is renamed into place.
            Assert.ThrowsAny<IOException>(() => Harmonia.Cli.CliContext.WriteFolder(folder, [("ai-policy.md", "new version"u8.ToArray()), ("no/such/folder.md", [1])]));
            Assert.Equal("previous version", File.ReadAllText(Path.Combine(folder, "ai-policy.md")));
            Assert.Equal(["ai-policy.md", "notes.txt"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            Harmonia.Cli.CliContext.WriteFolder(folder, [("ai-policy.md", "new version"u8.ToArray()), ("isms-policy.md", "first"u8.ToArray())]);
            Assert.Equal("new version", File.ReadAllText(Path.Combine(folder, "ai-policy.md")));
            Assert.Equal(["ai-policy.md", "isms-policy.md", "notes.txt"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("answers:\n  org.nmae: Acme\n", "unknown question 'org.nmae'")]
    [InlineData("answers:\n  org.hosting: moon\n", "'moon' is not an option of 'org.hosting'")]
    [InlineData("answers:\n  review.access_months: often\n", "'review.access_months' takes a number, not 'often'")]
    [InlineData("answers:\n  ai.high_impact: perhaps\n", "takes yes or no")]
    [InlineData("answers: [1, 2\n", "")]
    public void Bad_answers_files_fail_with_file_and_line(string yaml, string message)
    {
        var answers = Path.Combine(Path.GetTempPath(), $"answers-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(answers, yaml);
        try
        {
            var run = CliRun.Of("docs", "generate", "--org", CliRun.Example("acme-iso27001-certified.yaml"), "--answers", answers, "--out", Path.GetTempPath(), "--format", "md");

            Assert.Equal(1, run.ExitCode);
            Assert.StartsWith("error: " + answers + ":", run.Error, StringComparison.Ordinal);
            Assert.Contains(message, run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(answers);
        }
    }

    [Fact]
    public void Unknown_formats_and_documents_are_refused()
    {
        var bad = CliRun.Of("docs", "generate", "--org", CliRun.Example("acme-iso27001-certified.yaml"), "--answers", CliRun.Example("acme-answers.yaml"), "--out", Path.GetTempPath(), "--format", "odt");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("Unknown format 'odt'", bad.Error, StringComparison.Ordinal);

        var unknown = CliRun.Of("docs", "generate", "--org", CliRun.Example("acme-iso27001-certified.yaml"), "--answers", CliRun.Example("acme-answers.yaml"), "--out", Path.GetTempPath(), "--only", "no-such-doc");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Unknown document ids: no-such-doc", unknown.Error, StringComparison.Ordinal);
    }
}
