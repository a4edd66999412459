using System.CommandLine;
using Harmonia.App.Common;
using Harmonia.App.Features.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Cli;

/// <summary>`harmonia backup` and `harmonia restore`: the database, the stored files and the trail anchors in one archive.</summary>
internal static class BackupCommands
{
    // The server reads these settings from its configuration; the CLI from the same environment variables.
    private static Option<string> EvidenceOption() => new("--evidence")
    {
        Description = "The evidence folder (Evidence:Folder); default $Evidence__Folder or data/evidence. With Evidence__Store=s3 the files are read from and restored to the bucket (Evidence__S3__*) instead.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Evidence__Folder") is { Length: > 0 } folder ? folder : Path.Combine("data", "evidence"),
    };

    private static Option<string> AnchorsOption() => new("--anchors")
    {
        Description = "The audit-trail anchor folder (AuditTrail:AnchorFolder); default $AuditTrail__AnchorFolder or data/trail-anchors.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AuditTrail__AnchorFolder") is { Length: > 0 } folder ? folder : Path.Combine("data", "trail-anchors"),
    };

    // The store the server uses: the folder, or the bucket when Evidence:Store is s3 (read from the environment).
    private static (IEvidenceStore Store, string Name) Store(IServiceProvider services, string folder)
    {
        var choice = services.GetRequiredService<EvidenceStoreChoice>();
        var settings = EvidenceStoreSettings.From(folder, null);
        return (choice.Create(settings), choice.UseS3 ? $"the S3 {choice.S3!.Describe()}" : $"the evidence folder {settings.Folder}");
    }

    public static Command Backup(CliContext context)
    {
        var output = new Option<string>("--out") { Description = "The archive to write (never overwritten).", Required = true };
        var evidence = EvidenceOption();
        var anchors = AnchorsOption();
        var command = new Command("backup", "Write a consistent backup (database, stored files, trail anchors, manifest of counts and hashes) while the server runs.") { output, evidence, anchors };
        command.SetAction((parsed, cancellationToken) => context.GuardDatabaseAsync(async services =>
        {
            var (store, storeName) = Store(services, parsed.GetValue(evidence)!);
            using var disposable = store as IDisposable;
            var manifest = await services.GetRequiredService<TakeBackupHandler>().HandleAsync(
                new BackupRequest(parsed.GetValue(output)!, store, storeName, Path.GetFullPath(parsed.GetValue(anchors)!)), cancellationToken);
            context.Out.WriteLine($"Backup written to {Path.GetFullPath(parsed.GetValue(output)!)}: {manifest.Provider} database at {manifest.Migration}, " +
                $"{manifest.Tables.Values.Sum()} rows in {manifest.Tables.Count} tables, {manifest.Files.Count} stored files ({manifest.Files.Sum(f => f.Bytes)} bytes), {manifest.Anchors.Count} trail anchors.");
            context.Out.WriteLine("Keep the data-protection certificate (DataProtection:CertificatePath, by default ~/.harmonia/keyring) in a separate safe place: the backup does not carry it, and a restore needs it.");
            return HarmoniaCli.Success;
        }, migrateFirst: false));
        return command;
    }

    public static Command Restore(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A backup written by 'harmonia backup'." };
        var evidence = EvidenceOption();
        var anchors = AnchorsOption();
        var command = new Command("restore", "Restore a backup into an empty database and evidence store (folder or S3 bucket), then check counts, file hashes and every audit trail.") { file, evidence, anchors };
        command.SetAction((parsed, cancellationToken) => context.GuardDatabaseAsync(async services =>
        {
            var (store, storeName) = Store(services, parsed.GetValue(evidence)!);
            using var disposable = store as IDisposable;
            var outcome = await services.GetRequiredService<RestoreBackupHandler>().HandleAsync(
                new RestoreRequest(parsed.GetValue(file)!, store, storeName, Path.GetFullPath(parsed.GetValue(anchors)!)), cancellationToken);
            var manifest = outcome.Manifest;
            context.Out.WriteLine($"Restored the backup of {manifest.CreatedUtc:yyyy-MM-dd HH:mm} UTC: {manifest.Tables.Values.Sum()} rows in {manifest.Tables.Count} tables match the manifest; " +
                $"{manifest.Files.Count} stored files placed with their hashes checked.");
            foreach (var migration in outcome.Migrated)
            {
                context.Out.WriteLine("Applied " + migration);
            }

            foreach (var trail in outcome.Trails)
            {
                context.Out.WriteLine(trail.Intact
                    ? $"Audit trail of {trail.OrganizationId}: intact, {trail.Events} events."
                    : $"Audit trail of {trail.OrganizationId}: BROKEN, {trail.FirstBroken}");
            }

            return outcome.Trails.All(t => t.Intact) ? HarmoniaCli.Success : HarmoniaCli.Failure;
        }, migrateFirst: false));
        return command;
    }
}
