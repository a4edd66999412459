using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Catalogs;

public sealed record RemoveFrameworkRequest(Guid OrganizationId, string FrameworkId);

/// <summary>
/// Removes one of the organization's own frameworks with everything that points at it: its requirements, every
/// mapping from or to them (including mappings another own framework holds) and every result recorded for them.
/// Each removed row is its own audit event, so the trail shows what went; nothing is left naming a requirement that
/// no longer exists. Shipped frameworks cannot be removed: they are not the organization's.
/// </summary>
public sealed class RemoveFrameworkHandler(HarmoniaDbContext db, TenantScope tenant, Content.LoadedContent content)
{
    public async Task<int> HandleAsync(RemoveFrameworkRequest request, CancellationToken cancellationToken = default)
    {
        tenant.Enter(request.OrganizationId);
        var framework = await db.OwnFrameworks.Include(f => f.Requirements).SingleOrDefaultAsync(f => f.FrameworkId == request.FrameworkId, cancellationToken);
        if (framework is null)
        {
            if (content.Catalog.FindFramework(request.FrameworkId) is not null)
            {
                throw new InvalidInputException($"'{request.FrameworkId}' is shipped with Harmonia and cannot be removed; only the organization's own frameworks can.");
            }

            throw new NotFoundException("framework", request.FrameworkId);
        }

        var prefix = framework.FrameworkId + ":";
        var mappings = await db.OwnMappings
            .Where(m => m.OwnFrameworkId == framework.Id || m.SourceId.StartsWith(prefix) || m.TargetId.StartsWith(prefix))
            .ToListAsync(cancellationToken);
        var others = mappings.Select(m => m.OwnFrameworkId).Where(id => id != framework.Id).Distinct().ToArray();
        foreach (var other in await db.OwnFrameworks.Where(f => others.Contains(f.Id)).ToListAsync(cancellationToken))
        {
            other.Revision = Guid.NewGuid();
        }

        var results = await db.RequirementResults.Where(r => r.RequirementId.StartsWith(prefix)).ToListAsync(cancellationToken);
        db.OwnMappings.RemoveRange(mappings);
        db.RequirementResults.RemoveRange(results);
        db.OwnRequirements.RemoveRange(framework.Requirements);
        db.OwnFrameworks.Remove(framework);
        await db.SaveChangesAsync(cancellationToken);
        return framework.Requirements.Count;
    }
}
