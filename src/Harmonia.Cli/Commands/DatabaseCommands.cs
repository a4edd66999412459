using System.CommandLine;
using Harmonia.App.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Cli;

internal static class DatabaseCommands
{
    public static Command Create(CliContext context)
    {
        var migrate = new Command("migrate", "Bring the database schema up to date and load the shipped catalogs (safe to repeat).");
        migrate.SetAction((_, _) => context.GuardDatabaseAsync(async services =>
        {
            var outcome = await services.GetRequiredService<MigrateDatabaseHandler>().HandleAsync();
            foreach (var migration in outcome.Applied)
            {
                await context.Out.WriteLineAsync("Applied " + migration);
            }

            await context.Out.WriteLineAsync(outcome.ContentLoaded
                ? $"Loaded catalogs at content version {outcome.ContentVersion}."
                : $"Catalogs already at content version {outcome.ContentVersion}.");
            await context.Out.WriteLineAsync("Database up to date.");
            return 0;
        }, migrateFirst: false));

        return new Command("db", "Database maintenance.") { migrate };
    }
}
