namespace Harmonia.Cli;

// A named entry class, not top-level statements: the web host owns the public Program type that tests host.
internal static class CliProgram
{
    public static int Main(string[] args) =>
        HarmoniaCli.Run(args, Console.Out, Console.Error, colors: !Console.IsOutputRedirected);
}
