using Harmonia.App.Common;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Harmonia.App.Features.Accounts;

public sealed record CreateOrganizationRequest(Guid OwnerUserId, string Name);

/// <summary>
/// A new, empty organization whose creator is its first Owner. An account that already belongs to the configured
/// number of organizations (Accounts:MaxOrganizationsPerAccount) may not create another, so one account cannot fill
/// the server with tenants.
/// </summary>
public sealed class CreateOrganizationHandler(HarmoniaDbContext db, TenantScope tenant, TimeProvider time, IOptions<AccountOptions> options)
{
    public async Task<Organization> HandleAsync(CreateOrganizationRequest request, CancellationToken cancellationToken = default)
    {
        var name = request.Name.Trim();
        if (name.Length is 0 or > 200)
        {
            throw new InvalidInputException("An organization needs a name of 1 to 200 characters.");
        }

        var limit = options.Value.MaxOrganizationsPerAccount;
        if (await db.Memberships.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).CountAsync(m => m.UserId == request.OwnerUserId, cancellationToken) >= limit)
        {
            throw new LimitReachedException($"You already belong to {limit} organizations, the most this server allows for one account. Ask the administrator to raise Accounts:MaxOrganizationsPerAccount, or leave an organization first.");
        }

        var organization = new Organization { Id = Guid.CreateVersion7(), Name = name, CreatedUtc = time.GetUtcNow().UtcDateTime };
        tenant.Enter(organization.Id);
        db.Organizations.Add(organization);
        db.Memberships.Add(new Membership { UserId = request.OwnerUserId, Role = OrganizationRole.Owner });
        await db.SaveChangesAsync(cancellationToken);
        return organization;
    }
}
