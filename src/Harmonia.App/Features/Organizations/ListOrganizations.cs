using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
namespace Harmonia.App.Features.Organizations;

public sealed record OrganizationSummary(Guid Id, string Name, int Controls, DateTime CreatedUtc);

/// <summary>Every organization in the database: a platform view for the CLI operator, not a tenant query.</summary>
public sealed class ListOrganizationsHandler(HarmoniaDbContext db)
{
    public async Task<IReadOnlyList<OrganizationSummary>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken);
        var controls = await db.Controls.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter])
            .GroupBy(c => c.OrganizationId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return organizations.Select(o => new OrganizationSummary(o.Id, o.Name, controls.GetValueOrDefault(o.Id), o.CreatedUtc)).ToArray();
    }
}
