using Harmonia.Cli;

namespace Harmonia.Tests.Cli;

/// <summary>Runs the real <c>harmonia</c> command in-process and captures what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = HarmoniaCli.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static string Example(string name) => Path.Combine(RepositoryPaths.Examples, name);
}
