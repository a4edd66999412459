using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Evidence;

public sealed class GetEvidenceHandler(HarmoniaDbContext db)
{
    /// <summary>Throws NotFoundException when the organization has no such evidence (another tenant's id included).</summary>
    public async Task<EvidenceDetailDto> HandleAsync(Guid evidenceId, CancellationToken cancellationToken = default)
    {
        var row = await db.Evidence.AsNoTracking()
            .Where(e => e.Id == evidenceId)
            .Join(db.Controls, e => e.ControlId, c => c.Id, (e, c) => new { Evidence = e, c.Key, c.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            throw new NotFoundException("evidence");
        }

        var versions = await db.EvidenceVersions.AsNoTracking().Where(v => v.EvidenceId == evidenceId).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        return new EvidenceDetailDto(row.Evidence.Id, row.Evidence.ControlId, row.Key, row.Name, row.Evidence.Title, versions.Select(EvidenceVersionDto.From).ToArray());
    }
}
