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
    public Task<IReadOnlyList<string>> HandleAsync(DeleteSuppliersInput input, CancellationToken cancellationToken = default) =>
        AllOrNone.RemoveAsync(db, input.SupplierIds, MaxSuppliers, "supplierIds", "suppliers", (id, all) => oneByOne.RemoveAsync(id, all, cancellationToken), cancellationToken);
}
