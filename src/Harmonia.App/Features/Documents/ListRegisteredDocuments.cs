using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

public sealed class ListRegisteredDocumentsHandler(HarmoniaDbContext db)
{
    public async Task<IReadOnlyList<RegisteredDocumentDto>> HandleAsync(CancellationToken cancellationToken = default) =>
        (await db.RegisteredDocuments.AsNoTracking().OrderBy(r => r.Title).ToListAsync(cancellationToken)).Select(RegisteredDocumentDto.From).ToArray();
}
