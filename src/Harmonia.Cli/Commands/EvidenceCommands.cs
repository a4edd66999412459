using System.CommandLine;
using Harmonia.App.Common;
using Harmonia.App.Features.Evidence;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Cli;

/// <summary>`harmonia evidence migrate --to s3`: the local evidence folder copied, verified, into the S3 store.</summary>
internal static class EvidenceCommands
{
    public static Command Create(CliContext context)
    {
        var to = new Option<string>("--to") { Description = "The store to migrate to: s3 (Evidence:S3:* from the environment, e.g. Evidence__S3__Bucket).", Required = true };
        to.AcceptOnlyFromAmong("s3");
        var migrate = new Command(
            "migrate",
            "Copy every file of the local evidence folder (Evidence__Folder) into the S3 store, each checked by the hash of what the store gives back. " +
            "Files already there with the right hash are skipped, so an interrupted run resumes. The local folder is left as it is.")
        {
            to,
        };
        migrate.SetAction((parsed, cancellationToken) => context.GuardDatabaseAsync(
            async services =>
            {
                var summary = await services.GetRequiredService<MigrateEvidenceToS3Handler>().HandleAsync(step => context.Out.WriteLine(Describe(step)), cancellationToken: cancellationToken);
                var s3 = services.GetRequiredService<EvidenceStoreChoice>().S3!;
                context.Out.WriteLine(
                    $"{summary.Total} files in {services.GetRequiredService<EvidenceStoreSettings>().Folder} for {s3.Describe()}: " +
                    $"{summary.Copied} copied and verified, {summary.AlreadyThere} already there, {summary.Failures.Count} failed.");
                if (summary.Failures.Count > 0)
                {
                    return context.Fail($"{summary.Failures.Count} files were not migrated (listed above); fix the cause and run the command again: it resumes.");
                }

                context.Out.WriteLine("Every file is in the S3 store. Set Evidence:Store to s3 and restart the server; keep the local folder until it serves from S3.");
                return HarmoniaCli.Success;
            },
            migrateFirst: false));
        return new Command("evidence", "The evidence file store.") { migrate };
    }

    private static string Describe(MigrationStep step) => step.Outcome switch
    {
        MigrationOutcome.Copied => $"[{step.Index}/{step.Total}] copied  {step.Sha256} ({step.Bytes:N0} bytes)",
        MigrationOutcome.AlreadyThere => $"[{step.Index}/{step.Total}] already there {step.Sha256}",
        _ => $"[{step.Index}/{step.Total}] FAILED  {step.Sha256}: {step.Problem}",
    };
}
