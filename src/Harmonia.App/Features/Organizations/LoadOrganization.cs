using Harmonia.App.Common;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Persistence;
using Harmonia.Domain.Gaps;
using Microsoft.EntityFrameworkCore;
namespace Harmonia.App.Features.Organizations;

public sealed record LoadOrganizationRequest(Guid OrganizationId);

/// <summary>
/// An organization's stored state as an <see cref="OrganizationFile"/>: what the gap analysis reads and what
/// `harmonia org export` writes. An unknown id is reported the same way as another tenant's.
/// </summary>
public sealed class LoadOrganizationHandler(HarmoniaDbContext db, TenantScope tenant)
{
    public async Task<OrganizationFile> HandleAsync(LoadOrganizationRequest request, CancellationToken cancellationToken = default)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OrganizationId, cancellationToken)
            ?? throw NotFoundException.Organization(request.OrganizationId);
        tenant.Enter(organization.Id);

        // Split queries: one joined query multiplies every control's links by its evidence versions.
        var controls = await db.Controls.AsNoTracking().Include(c => c.Requirements).Include(c => c.Evidence).ThenInclude(e => e.Versions)
            .OrderBy(c => c.Key).AsSplitQuery().ToListAsync(cancellationToken);
        var results = await db.RequirementResults.AsNoTracking().OrderBy(r => r.RequirementId).ToListAsync(cancellationToken);
        var certifications = await db.Certifications.AsNoTracking().OrderBy(c => c.FrameworkId).ToListAsync(cancellationToken);
        var aiSystems = await db.AiSystems.AsNoTracking().OrderBy(a => a.Key).ToListAsync(cancellationToken);

        return new OrganizationFile(
            new OrganizationProfile(
                organization.Name,
                organization.Sector,
                organization.Employees,
                organization.Locations.Split('\n', StringSplitOptions.RemoveEmptyEntries),
                certifications.Select(c => new Certification(c.FrameworkId, c.Since, c.CertificationBody)).ToArray()),
            organization.TeamCapacityHundredths / 100.0,
            aiSystems.Select(a => new AiSystemEntry(a.Key, a.Name, a.Purpose, OrganizationValues.ParseRole(a.Role), a.LifecycleStage, a.Supplier)).ToArray(),
            controls.Select(c => new OrganizationControl(
                c.Key,
                c.Name,
                c.Owner,
                OrganizationValues.ParseStatus(c.Status),
                c.Requirements.Select(r => r.RequirementId).Order(StringComparer.Ordinal).ToArray(),
                c.Evidence.Select(EvidenceSummaryDto.From).OrderBy(e => e.EffectiveOn).ThenBy(e => e.Title, StringComparer.Ordinal).Select(e => e.ToReference()).ToArray())).ToArray(),
            results.Select(r => new DirectResult(r.RequirementId, OrganizationValues.ParseResult(r.Result), r.Reason)).ToArray());
    }
}
