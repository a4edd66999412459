namespace Harmonia.App.Features.Work;

/// <summary>
/// Records that still name their owner only in text ("CISO", "Alex" when two members are called Alex): the list a
/// person works through after the upgrade, choosing the member each one belongs to.
/// </summary>
public sealed class ListOwnersToResolveHandler(OwnedRecords owned, ListDueWorkHandler work)
{
    public async Task<IReadOnlyList<OwnerDto>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var members = await work.MembersAsync(cancellationToken);
        return (await owned.AllAsync(cancellationToken))
            .Where(r => r.MemberId is null && r.OwnerText is not null)
            .OrderBy(r => r.Subject, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .Select(r => AssignOwnerHandler.Dto(r, members))
            .ToArray();
    }
}
