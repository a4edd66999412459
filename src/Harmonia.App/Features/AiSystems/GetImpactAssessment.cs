using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

public sealed class GetImpactAssessmentHandler(HarmoniaDbContext db)
{
    /// <summary>Throws NotFoundException when the organization has no such AI system or version.</summary>
    public async Task<ImpactAssessmentDto> HandleAsync(Guid aiSystemId, int number, CancellationToken cancellationToken = default)
    {
        var found = await db.ImpactAssessments.AsNoTracking().Where(a => a.AiSystemId == aiSystemId && a.Number == number)
            .Join(db.AiSystems, a => a.AiSystemId, s => s.Id, (a, s) => new { a, s.Key, s.Name })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? throw new NotFoundException("impact assessment") : ImpactAssessmentDto.From(found.a, found.Key, found.Name);
    }
}
