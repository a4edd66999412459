using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Suppliers;

/// <summary>
/// Removes a supplier entered by mistake. One another supplier names as its sub-processor stays until that link is
/// removed, so no supplier ever points at nothing; its own links go with it. A relationship that ended is kept and
/// marked ended instead (with its offboarding checklist), which this handler cannot do for the caller.
/// </summary>
public sealed class DeleteSupplierHandler(HarmoniaDbContext db, SaveSupplierHandler save)
{
    public async Task HandleAsync(Guid supplierId, CancellationToken cancellationToken = default)
    {
        await RemoveAsync(supplierId, [], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stages the removal by the rules above without saving, so several deletions can be saved together.</summary>
    /// <param name="goingToo">Suppliers deleted in the same step: their links to this one go with them.</param>
    /// <returns>"S-3 Name".</returns>
    public async Task<string> RemoveAsync(Guid supplierId, IReadOnlyCollection<Guid> goingToo, CancellationToken cancellationToken = default)
    {
        var supplier = await save.LoadAsync(supplierId, cancellationToken);
        var namedBy = await db.SupplierSubProcessors.Where(l => l.SubProcessorId == supplier.Id && !goingToo.Contains(l.SupplierId))
            .Join(db.Suppliers, l => l.SupplierId, s => s.Id, (l, s) => s.Key).OrderBy(k => k).ToListAsync(cancellationToken);
        if (namedBy.Count > 0)
        {
            throw new InvalidInputException($"{string.Join(", ", namedBy)} name{(namedBy.Count == 1 ? "s" : string.Empty)} {supplier.Key} {supplier.Name} as a sub-processor; remove that link first, or mark the supplier ended instead of deleting it.");
        }

        // Answers a supplier gave are records of due diligence, not a typing mistake; they stay with their supplier.
        if (await db.SupplierQuestionnaires.AnyAsync(q => q.SupplierId == supplier.Id, cancellationToken))
        {
            throw new InvalidInputException($"Questionnaires were sent to {supplier.Key} {supplier.Name}, and their answers are records of the due diligence; mark the supplier ended instead of deleting it.");
        }

        db.Suppliers.Remove(supplier);
        return $"{supplier.Key} {supplier.Name}";
    }
}
