using Harmonia.App.Common;

namespace Harmonia.App.Features.Evidence;

/// <summary>What became of one local file.</summary>
public enum MigrationOutcome
{
    Copied,
    AlreadyThere,
    Failed,
}

/// <param name="Index">1-based position among <paramref name="Total"/> files.</param>
public sealed record MigrationStep(int Index, int Total, string Sha256, long Bytes, MigrationOutcome Outcome, string? Problem);

public sealed record MigrationSummary(int Copied, int AlreadyThere, IReadOnlyList<MigrationStep> Failures)
{
    public int Total => Copied + AlreadyThere + Failures.Count;
}

/// <summary>
/// Copies every file of the local content-addressed folder to the S3 store, each verified by the hash of what the bucket
/// gives back. An object already in the bucket with the right hash is skipped, so a run that was interrupted resumes
/// where it stopped; a local file whose bytes no longer match its name is reported and not copied. The local folder is
/// left as it is: the switch to Evidence:Store = s3, and removing the folder afterwards, are the operator's steps.
/// </summary>
public sealed class MigrateEvidenceToS3Handler(EvidenceStoreSettings settings, EvidenceStoreChoice choice)
{
    /// <param name="target">The store to copy into; by default the one Evidence:S3:* configures.</param>
    public async Task<MigrationSummary> HandleAsync(Action<MigrationStep> progress, S3EvidenceStore? target = null, CancellationToken cancellationToken = default)
    {
        var s3 = choice.S3 ?? throw new InvalidInputException(
            "No S3 store is configured: set Evidence:S3:Bucket (and ServiceUrl, Region, AccessKey, SecretKey as needed; environment variables Evidence__S3__Bucket and so on).");
        if (!Directory.Exists(settings.Folder))
        {
            throw new InvalidInputException($"The evidence folder {settings.Folder} does not exist; nothing to migrate.");
        }

        using var owned = target is null ? new S3EvidenceStore(s3, settings) : null;
        var store = target ?? owned!;
        try
        {
            await store.ExistsAsync(new string('0', 64), cancellationToken);
        }
        catch (Exception ex) when (ex is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException)
        {
            throw new EvidenceStoreException($"The S3 store ({s3.Describe()}) cannot be reached ({ex.GetType().Name}: {ex.Message}); nothing was copied.");
        }

        var local = new LocalEvidenceStore(settings);
        var files = new List<string>();
        await foreach (var stored in local.ListAsync(cancellationToken))
        {
            files.Add(stored.Sha256);
        }

        files.Sort(StringComparer.Ordinal);
        int copied = 0, there = 0;
        var failures = new List<MigrationStep>();
        for (var i = 0; i < files.Count; i++)
        {
            var step = await MigrateOneAsync(store, files[i], i + 1, files.Count, cancellationToken);
            switch (step.Outcome)
            {
                case MigrationOutcome.Copied:
                    copied++;
                    break;
                case MigrationOutcome.AlreadyThere:
                    there++;
                    break;
                default:
                    failures.Add(step);
                    break;
            }

            progress(step);
        }

        return new MigrationSummary(copied, there, failures);
    }

    private async Task<MigrationStep> MigrateOneAsync(S3EvidenceStore store, string sha256, int index, int total, CancellationToken cancellationToken)
    {
        var path = Path.Combine(settings.Folder, sha256[..2], sha256[2..4], sha256);
        var bytes = new FileInfo(path).Length;
        string localHash;
        await using (var content = File.OpenRead(path))
        {
            localHash = await EvidenceUploadReceiver.HashAsync(content, cancellationToken);
        }

        if (localHash != sha256)
        {
            return new MigrationStep(index, total, sha256, bytes, MigrationOutcome.Failed, $"the local file's bytes hash to {localHash}: it is damaged and was not copied");
        }

        try
        {
            // Read back rather than trusted by its name: an earlier run may have stopped between upload and check.
            if (await store.HashOfObjectAsync(S3EvidenceStore.KeyOf(sha256), cancellationToken) == sha256)
            {
                return new MigrationStep(index, total, sha256, bytes, MigrationOutcome.AlreadyThere, null);
            }

            await store.PutVerifiedAsync(path, sha256, bytes, "application/octet-stream", sha256, cancellationToken);
            return new MigrationStep(index, total, sha256, bytes, MigrationOutcome.Copied, null);
        }
        catch (EvidenceStoreException ex)
        {
            return new MigrationStep(index, total, sha256, bytes, MigrationOutcome.Failed, ex.Message);
        }
    }
}
