using Harmonia.App.Persistence;

namespace Harmonia.App.Common;

/// <summary>
/// A bulk deletion by the rules of one deletion: each record is staged through its single-record step, every refusal
/// is collected, and only when none refused is the whole step saved, so nothing or everything goes.
/// </summary>
public static class AllOrNone
{
    /// <param name="field">The form field and API property carrying the ids, which the refusals are reported under.</param>
    /// <param name="noun">Plural record name for the messages ("risks").</param>
    /// <returns>What each staged removal reported (keys), in the order given.</returns>
    public static async Task<IReadOnlyList<string>> RemoveAsync(HarmoniaDbContext db, IReadOnlyList<Guid>? requested, int max, string field, string noun, Func<Guid, Guid[], Task<string>> removeOne, CancellationToken cancellationToken)
    {
        var ids = (requested ?? []).Distinct().ToArray();
        if (ids.Length == 0 || ids.Length > max)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { [field] = [ids.Length == 0 ? $"Tick at least one {noun[..^1]}." : $"At most {max} {noun} at once; {ids.Length} were ticked."] });
        }

        var removed = new List<string>();
        var refused = new List<string>();
        foreach (var id in ids)
        {
            try
            {
                removed.Add(await removeOne(id, ids));
            }
            catch (InvalidInputException ex)
            {
                refused.Add(ex.Message);
            }
        }

        if (refused.Count > 0)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { [field] = [.. refused, "Nothing was deleted."] });
        }

        await db.SaveChangesAsync(cancellationToken);
        return removed;
    }
}
