using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Persistence;

/// <summary>The name every record document and pack carries on its cover.</summary>
internal static class OrganizationNames
{
    public static Task<string> OrganizationNameAsync(this HarmoniaDbContext db, Guid? organizationId, CancellationToken cancellationToken) =>
        db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync(cancellationToken);
}
