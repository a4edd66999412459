using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Risks;

public sealed class DeleteRiskHandler(HarmoniaDbContext db)
{
    public async Task HandleAsync(Guid riskId, CancellationToken cancellationToken = default)
    {
        var risk = await db.Risks.SingleOrDefaultAsync(r => r.Id == riskId, cancellationToken);
        if (risk is null)
        {
            throw new NotFoundException("risk");
        }

        db.Risks.Remove(risk);
        await db.SaveChangesAsync(cancellationToken);
    }
}
