using Harmonia.App.Common;
using Harmonia.App.Features.Controls;
using Harmonia.App.Persistence;
using Harmonia.Domain.Gaps;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Gaps;

/// <summary>
/// Everything the gap analysis knows about a stored organization, read straight from the database: controls with
/// their current evidence, entered results, SoA exclusions, published documents, what records earn and open major nonconformities.
/// It is the one source for every host (API, page, export, CLI), so they cannot disagree.
/// </summary>
public sealed class StoredOrganizationState(
    HarmoniaDbContext db,
    TenantScope tenant,
    CurrentControls controls,
    ManagementRecordCredits records,
    PublishedDocuments published,
    OpenMajorNonconformities majors,
    ApprovedSoaExclusions exclusions)
{
    public async Task<OrganizationState> LoadAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, cancellationToken)
            ?? throw NotFoundException.Organization(organizationId);
        tenant.Enter(organization.Id);

        var aiSystems = await db.AiSystems.AsNoTracking().Where(a => a.InScope).OrderBy(a => a.Key)
            .Select(a => new ScopedAiSystem(a.Key, a.Name, a.EuAiActRole, a.EuAiActClass)).ToListAsync(cancellationToken);
        var results = await db.RequirementResults.AsNoTracking().OrderBy(r => r.RequirementId).ToListAsync(cancellationToken);

        return new OrganizationState(
            organization.Name,
            organization.Employees,
            organization.TeamCapacityHundredths / 100.0,
            await controls.AllAsync(cancellationToken),
            results.Select(r => new DirectResult(r.RequirementId, OrganizationValues.ParseResult(r.Result), r.Reason)).ToArray())
        {
            Documents = await published.HandleAsync(cancellationToken),
            Records = await records.HandleAsync(cancellationToken),
            OpenMajorNonconformities = await majors.HandleAsync(cancellationToken),
            Exclusions = await exclusions.HandleAsync(cancellationToken),
            AiSystems = aiSystems,
        };
    }
}
