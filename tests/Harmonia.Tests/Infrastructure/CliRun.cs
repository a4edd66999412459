using Harmonia.Cli;

namespace Harmonia.Tests.Infrastructure;

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

    /// <summary>Runs a command against a test database (the CLI's own database settings replaced by the test's).</summary>
    public static async Task<CliRun> OnAsync(Harmonia.Tests.Infrastructure.TestDatabase database, params string[] args)
    {
        await using var stdout = new StringWriter();
        await using var stderr = new StringWriter();
        var code = await HarmoniaCli.RunAsync(args, stdout, stderr, colors: false, database: database.Settings);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs a command against a test database with settings by their configuration names (Evidence:Store…) in place of the environment's.</summary>
    public static async Task<CliRun> OnAsync(Harmonia.Tests.Infrastructure.TestDatabase database, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        await using var stdout = new StringWriter();
        await using var stderr = new StringWriter();
        var code = await HarmoniaCli.RunAsync(args, stdout, stderr, colors: false, database: database.Settings, settings: key => settings.GetValueOrDefault(key));
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static string Example(string name) => Path.Combine(RepositoryPaths.Examples, name);
}
