using Harmonia.App.Common;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Risks;

public sealed record DeleteRisksInput(IReadOnlyList<Guid>? RiskIds);

/// <summary>
/// Deletes several risks in one step: each by the rules of one deletion (a risk an impact assessment names stays), and
/// all of them or none, with every refusal said at once.
/// </summary>
public sealed class DeleteRisksHandler(HarmoniaDbContext db, DeleteRiskHandler oneByOne)
{
    public const int MaxRisks = 200;

    /// <returns>The keys of the deleted risks.</returns>
    public async Task<IReadOnlyList<string>> HandleAsync(DeleteRisksInput input, CancellationToken cancellationToken = default)
    {
        var ids = (input.RiskIds ?? []).Distinct().ToArray();
        if (ids.Length is 0 or > MaxRisks)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["riskIds"] = [ids.Length == 0 ? "Tick at least one risk." : $"At most {MaxRisks} risks at once; {ids.Length} were ticked."] });
        }

        var deleted = new List<string>();
        var refused = new List<string>();
        foreach (var id in ids)
        {
            try
            {
                deleted.Add(await oneByOne.RemoveAsync(id, cancellationToken));
            }
            catch (InvalidInputException ex)
            {
                refused.Add(ex.Message);
            }
        }

        if (refused.Count > 0)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["riskIds"] = [.. refused, "Nothing was deleted."] });
        }

        await db.SaveChangesAsync(cancellationToken);
        return deleted;
    }
}
