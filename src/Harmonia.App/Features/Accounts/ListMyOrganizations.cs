using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Accounts;

public sealed record MyOrganization(Guid Id, string Name, string Role);

/// <summary>The organizations a person is a member of, with their role; optionally only the one a token is for.</summary>
public sealed class ListMyOrganizationsHandler(HarmoniaDbContext db)
{
    public async Task<IReadOnlyList<MyOrganization>> HandleAsync(Guid userId, Guid? onlyOrganization = null, CancellationToken cancellationToken = default)
    {
        var rows = await db.Memberships.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter])
            .Where(m => m.UserId == userId && (onlyOrganization == null || m.OrganizationId == onlyOrganization))
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.Name, m.Role })
            .OrderBy(x => x.Name)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MyOrganization(r.Id, r.Name, r.Role.ToString())).ToArray();
    }
}
