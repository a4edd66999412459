using Harmonia.App.Common;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Accounts;

public sealed record CreateOrganizationRequest(Guid OwnerUserId, string Name);

/// <summary>A new, empty organization whose creator is its first Owner.</summary>
public sealed class CreateOrganizationHandler(HarmoniaDbContext db, TenantScope tenant, TimeProvider time)
{
    public async Task<Organization> HandleAsync(CreateOrganizationRequest request, CancellationToken cancellationToken = default)
    {
        var name = request.Name.Trim();
        if (name.Length is 0 or > 200)
        {
            throw new InvalidInputException("An organization needs a name of 1 to 200 characters.");
        }

        var organization = new Organization { Id = Guid.CreateVersion7(), Name = name, CreatedUtc = time.GetUtcNow().UtcDateTime };
        tenant.Enter(organization.Id);
        db.Organizations.Add(organization);
        db.Memberships.Add(new Membership { UserId = request.OwnerUserId, Role = OrganizationRole.Owner });
        await db.SaveChangesAsync(cancellationToken);
        return organization;
    }
}
