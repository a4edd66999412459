namespace Harmonia.App.Common;

/// <summary>The orphan sweep's decision, the same for every store: only listing and deleting differ between them.</summary>
public static class EvidenceStoreSweeps
{
    /// <summary>
    /// Removes stored files no row names (<paramref name="referenced"/>) that are older than <paramref name="olderThan"/>
    /// and that <paramref name="retained"/> does not hold back: a process killed after placing an upload's file and before
    /// its row committed leaves one behind, and deleted evidence leaves its files to this sweep once their retention ends.
    /// </summary>
    /// <returns>How many files were removed.</returns>
    public static async Task<int> SweepUnreferencedAsync(
        this IEvidenceStore store, IReadOnlySet<string> referenced, TimeSpan olderThan, DateTime utcNow, Func<string, bool>? retained = null, CancellationToken cancellationToken = default)
    {
        // Listed first, deleted after: a store that pages its listing must not see its pages shift under the deletions.
        var doomed = new List<string>();
        await foreach (var stored in store.ListAsync(cancellationToken))
        {
            if (!referenced.Contains(stored.Sha256) && utcNow - stored.LastWrittenUtc > olderThan && retained?.Invoke(stored.Sha256) != true)
            {
                doomed.Add(stored.Sha256);
            }
        }

        var removed = 0;
        foreach (var sha256 in doomed)
        {
            if (await store.DeleteAsync(sha256, cancellationToken))
            {
                removed++;
            }
        }

        return removed;
    }
}
