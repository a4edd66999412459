using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

/// <summary>The rewrites proposed for a document, newest first.</summary>
public sealed class ListTailoringsHandler(HarmoniaDbContext db)
{
    public async Task<IReadOnlyList<TailoringProposalDto>> HandleAsync(Guid documentId, CancellationToken cancellationToken = default) =>
        (await db.TailoringProposals.AsNoTracking().Where(t => t.DocumentId == documentId).OrderByDescending(t => t.CreatedUtc).ThenBy(t => t.StatementId).ToListAsync(cancellationToken))
            .Select(TailoringProposalDto.From).ToArray();
}
