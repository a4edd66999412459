using System.Diagnostics;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Catalogs;

/// <summary>The shipped NIST crosswalk is exactly what the import script makes from NIST's published table.</summary>
public sealed class NistImportScriptTests
{
    [Fact]
    public async Task Shipped_nist_mappings_match_a_fresh_run_of_the_import_script()
    {
        var output = Path.Combine(Path.GetTempPath(), $"nist-{Guid.NewGuid():N}.yaml");
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList =
            {
                Path.Combine(RepositoryPaths.Root, "scripts", "import-nist-crosswalk.py"),
                Path.Combine(RepositoryPaths.Reference, "nist-ai-rmf-to-42001.csv"),
                "--out",
                output,
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, errors);
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Content, "mappings", "nist-ai-rmf-1.0__iso42001-2023.yaml"));
        Assert.Equal(shipped, await File.ReadAllTextAsync(output));
        File.Delete(output);
    }
}
