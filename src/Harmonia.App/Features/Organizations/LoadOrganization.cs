using Harmonia.App.Common;
using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Suppliers;
using Harmonia.App.Persistence;
using Harmonia.Domain.Gaps;
using Microsoft.EntityFrameworkCore;
namespace Harmonia.App.Features.Organizations;

public sealed record LoadOrganizationRequest(Guid OrganizationId);

/// <summary>
/// An organization's stored state as an <see cref="OrganizationFile"/>: what `harmonia org export` writes and document
/// generation reads (the gap analysis reads <see cref="Gaps.StoredOrganizationState"/>). An unknown id is reported the same way as another tenant's.
/// </summary>
public sealed class LoadOrganizationHandler(HarmoniaDbContext db, TenantScope tenant, CurrentControls controls, SupplierRegister suppliers, GetSupplierTiersHandler tiers)
{
    public async Task<OrganizationFile> HandleAsync(LoadOrganizationRequest request, CancellationToken cancellationToken = default)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OrganizationId, cancellationToken)
            ?? throw NotFoundException.Organization(request.OrganizationId);
        tenant.Enter(organization.Id);

        var results = await db.RequirementResults.AsNoTracking().OrderBy(r => r.RequirementId).ToListAsync(cancellationToken);
        var profile = await ProfileOfAsync(organization, cancellationToken);
        var aiSystems = await db.AiSystems.AsNoTracking().OrderBy(a => a.Key).ToListAsync(cancellationToken);

        var supplierTiers = await tiers.HandleAsync(cancellationToken);
        var register = await suppliers.AllAsync(cancellationToken);

        // The file carries accepted questionnaires of Harmonia's own templates only: an organization's own template
        // is not in the file, so a questionnaire of it could not be read back (it stays in the database).
        var shipped = Content.LoadedContent.Shipped.SupplierQuestionnaires.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var accepted = (await db.SupplierQuestionnaires.AsNoTracking().Where(q => q.Status == QuestionnaireStatus.Accepted && q.AcceptedOn != null)
            .OrderBy(q => q.AcceptedOn).ThenBy(q => q.SentUtc).ToListAsync(cancellationToken))
            .Where(q => shipped.Contains(q.TemplateKey)).ToLookup(q => q.SupplierId, FileEntry);
        return new OrganizationFile(
            profile,
            organization.TeamCapacityHundredths / 100.0,
            aiSystems.Select(a => new AiSystemEntry(a.Key, a.Name, a.Purpose, AiSystemFacts.Roles(a), a.EuAiActRole, a.LifecycleStage, a.Supplier, a.EuAiActClass)).ToArray(),
            await controls.AllAsync(cancellationToken),
            results.Select(r => new DirectResult(r.RequirementId, OrganizationValues.ParseResult(r.Result), r.Reason)).ToArray())
        {
            SupplierTiers = supplierTiers.IsDefault ? null : supplierTiers.Tiers,
            Suppliers = register.Select(s => new SupplierEntry(s.Key, s.Name, s.Services, s.Kind, s.Tier.Key, s.DataProcessed, s.Status, s.Contacts, s.Certifications, s.Contracts, s.Reviews, s.Offboarding,
                s.AiSystems.Select(a => new SupplierAiSystemEntry(a.Key, a.Role)).ToArray(), s.Risks, s.Controls, s.SubProcessors)
            { Questionnaires = accepted[s.Id].ToArray() }).ToArray(),
        };
    }

    /// <summary>The profile alone (name, sector, size, locations, certificates), for pages that need no more: the whole
    /// file reads every control, AI system and supplier.</summary>
    public async Task<OrganizationProfile> ProfileAsync(LoadOrganizationRequest request, CancellationToken cancellationToken = default)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OrganizationId, cancellationToken)
            ?? throw NotFoundException.Organization(request.OrganizationId);
        tenant.Enter(organization.Id);
        return await ProfileOfAsync(organization, cancellationToken);
    }

    private async Task<OrganizationProfile> ProfileOfAsync(Organization organization, CancellationToken cancellationToken)
    {
        var certifications = await db.Certifications.AsNoTracking().OrderBy(c => c.FrameworkId).ToListAsync(cancellationToken);
        return new OrganizationProfile(
            organization.Name,
            organization.Sector,
            organization.Employees,
            organization.Locations.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            certifications.Select(c => new Certification(c.FrameworkId, c.Since, c.CertificationBody)).ToArray());
    }

    private static SupplierQuestionnaireEntry FileEntry(SupplierQuestionnaireRecord q) => new(
        SupplierQuestionnaires.Template(q),
        q.SentTo,
        DateOnly.FromDateTime(q.SentUtc),
        q.SubmittedUtc is { } submitted ? DateOnly.FromDateTime(submitted) : null,
        q.AcceptedOn!.Value,
        q.AcceptedBy ?? q.SentBy,
        SupplierJson.Read<Harmonia.Domain.Suppliers.QuestionnaireAnswer>(q.AnswersJson),
        SupplierJson.Read<Harmonia.Domain.Suppliers.AnswerMark>(q.MarksJson));
}
