using System.CommandLine;
using Harmonia.App;
using Harmonia.App.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Cli;

/// <summary>
/// The <c>harmonia</c> command. Exit codes: 0 success, 1 bad input or failure (one readable line on stderr),
/// 2 usage error. Tests call <see cref="Run"/> in-process with their own writers.
/// </summary>
public static class HarmoniaCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool colors = false)
    {
        ServiceProvider services;
        try
        {
            services = new ServiceCollection().AddHarmonia().BuildServiceProvider();
            _ = services.GetRequiredService<LoadedContent>();
        }
        catch (ContentValidationException ex)
        {
            stderr.WriteLine("error: the shipped content is invalid: " + ex.Message);
            return Failure;
        }

        using (services)
        {
            var context = new CliContext(services, stdout, stderr, colors);
            var root = new RootCommand("Harmonia: one integrated management system for ISO/IEC 27001 and ISO/IEC 42001.")
            {
                CatalogCommands.Create(context),
                CrosswalkCommand.Create(context),
                GapCommand.Create(context),
            };

            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    stderr.WriteLine("error: " + error.Message);
                }

                stderr.WriteLine("Run 'harmonia --help' for usage.");
                return UsageError;
            }

            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
    }
}
