using System.CommandLine;
using Harmonia.App;
using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Cli;

/// <summary>
/// The <c>harmonia</c> command. Exit codes: 0 success, 1 bad input or failure (one readable line on stderr),
/// 2 usage error. Tests call <see cref="RunAsync"/> in-process with their own writers and database.
/// </summary>
public static class HarmoniaCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool colors = false) =>
        RunAsync(args, stdout, stderr, colors).GetAwaiter().GetResult();

    /// <param name="database">The database for the commands that use one; by default from the environment (see <see cref="DatabaseSettings"/>).</param>
    /// <param name="settings">Settings by their configuration names (Evidence:S3:Bucket); by default the environment's (Evidence__S3__Bucket).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool colors = false, DatabaseSettings? database = null, Func<string, string?>? settings = null)
    {
        ServiceProvider services;
        try
        {
            // The server reads these from its configuration; the CLI from the same names as environment variables.
            settings ??= key => Environment.GetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal));
            services = new ServiceCollection()
                .AddLogging()
                .AddSingleton(EvidenceStoreSettings.From(settings("Evidence:Folder"), null))
                .AddSingleton(EvidenceStoreChoice.From(settings))
                .AddHarmonia(database ?? DatabaseSettings.FromEnvironment())
                .BuildServiceProvider();
            _ = services.GetRequiredService<LoadedContent>();
        }
        catch (ContentValidationException ex)
        {
            await stderr.WriteLineAsync("error: the shipped content is invalid: " + ex.Message);
            return Failure;
        }
        catch (InvalidInputException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message);
            return Failure;
        }

        await using (services)
        {
            var context = new CliContext(services, stdout, stderr, colors);
            var root = new RootCommand("Harmonia: one integrated management system for ISO/IEC 27001 and ISO/IEC 42001.")
            {
                CatalogsCommands.Create(context),
                FrameworkCommands.Create(context),
                CrosswalkCommand.Create(context),
                GapsCommands.Create(context),
                OrganizationsCommands.Create(context),
                AuditTrailCommands.Create(context),
                TopManagementCommands.Create(context),
                DatabaseCommands.Create(context),
                AccountsCommands.CreateAdmin(context),
                AccountsCommands.Tokens(context),
                DocumentsCommands.Create(context),
                RegisterExportCommands.Soa(context),
                RegisterExportCommands.Risks(context),
                AuditPackCommands.Create(context),
                ReadinessCommands.Readiness(context),
                ReadinessCommands.Audits(context),
                ConsistencyCommands.Create(context),
                BackupCommands.Backup(context),
                BackupCommands.Restore(context),
                OscalCommands.Create(context),
                CertificationCommands.AuditTime(context),
                ImportCommands.Create(context),
                EvidenceCommands.Create(context),
            };

            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    await stderr.WriteLineAsync("error: " + error.Message);
                }

                await stderr.WriteLineAsync("Run 'harmonia --help' for usage.");
                return UsageError;
            }

            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
    }
}
