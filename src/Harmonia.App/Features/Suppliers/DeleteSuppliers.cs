using Harmonia.App.Common;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Suppliers;

public sealed record DeleteSuppliersInput(IReadOnlyList<Guid>? SupplierIds);

/// <summary>
/// Deletes several suppliers entered by mistake in one step: each by the rules of one deletion (one that another
/// supplier left standing names as a sub-processor, or one with questionnaires, stays), and all of them or none.
/// </summary>
public sealed class DeleteSuppliersHandler(HarmoniaDbContext db, DeleteSupplierHandler oneByOne)
{
    public const int MaxSuppliers = 200;

    /// <returns>"S-3 Name" of every deleted supplier.</returns>
    public async Task<IReadOnlyList<string>> HandleAsync(DeleteSuppliersInput input, CancellationToken cancellationToken = default)
    {
        var ids = (input.SupplierIds ?? []).Distinct().ToArray();
        if (ids.Length is 0 or > MaxSuppliers)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["supplierIds"] = [ids.Length == 0 ? "Tick at least one supplier." : $"At most {MaxSuppliers} suppliers at once; {ids.Length} were ticked."] });
        }

        var deleted = new List<string>();
        var refused = new List<string>();
        foreach (var id in ids)
        {
            try
            {
                deleted.Add(await oneByOne.RemoveAsync(id, ids, cancellationToken));
            }
            catch (InvalidInputException ex)
            {
                refused.Add(ex.Message);
            }
        }

        if (refused.Count > 0)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["supplierIds"] = [.. refused, "Nothing was deleted."] });
        }

        await db.SaveChangesAsync(cancellationToken);
        return deleted;
    }
}
