using Harmonia.App.Content;
using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.ImpactAssessments;
using Harmonia.App.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Soa;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Soa;

/// <summary>
/// The Statement of Applicability the organization's data calls for right now: every Annex A control with the risks
/// treated by it, the approved impact assessments that rely on it, the controls that implement it and their evidence.
/// </summary>
public sealed class ProposeSoaHandler(HarmoniaDbContext db, TenantScope tenant, LoadedContent content)
{
    public async Task<IReadOnlyList<SoaRow>> HandleAsync(Guid organizationId, string frameworkId, CancellationToken cancellationToken = default)
    {
        SoaJson.RequireFramework(frameworkId);
        var framework = content.Catalog.FindFramework(frameworkId)!;
        tenant.Enter(organizationId);
        var controls = await AnnexControlsAsync(frameworkId, cancellationToken);
        var risks = await db.Risks.AsNoTracking().Select(r => new { r.Key, r.Treatment, r.Controls }).ToListAsync(cancellationToken);
        var assessments = await db.ImpactAssessments.AsNoTracking().Where(a => a.Status == ImpactAssessmentStatuses.Approved)
            .Join(db.AiSystems, a => a.AiSystemId, s => s.Id, (a, s) => new { s.Name, a.Number, a.EntriesJson })
            .ToListAsync(cancellationToken);
        return ApplicabilityModel.Propose(
            framework,
            controls,
            risks.Select(r => new SoaRisk(r.Key, r.Treatment, r.Controls.Split(',', StringSplitOptions.RemoveEmptyEntries))).ToArray(),
            assessments.Select(a => new SoaAssessment($"{a.Name} impact assessment v{a.Number}", ImpactAssessmentJson.Entries(a.EntriesJson).SelectMany(e => e.Controls).Distinct(StringComparer.Ordinal).ToArray())).ToArray());
    }

    /// <summary>
    /// Only the controls linked to this Annex A, with their current evidence: the statement reads nothing else of them,
    /// and loading the whole organization costs a second with thousands of controls and evidence records.
    /// </summary>
    private async Task<OrganizationControl[]> AnnexControlsAsync(string frameworkId, CancellationToken cancellationToken)
    {
        var prefix = frameworkId + ":A.";
        var links = await db.ControlRequirements.AsNoTracking().Where(l => l.RequirementId.StartsWith(prefix))
            .Select(l => new { l.ControlId, l.RequirementId }).ToListAsync(cancellationToken);
        var ids = links.Select(l => l.ControlId).Distinct().ToArray();
        var controls = await db.Controls.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Key, c.Name, c.Owner, c.Status }).ToListAsync(cancellationToken);
        var evidence = await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.ControlId))
            .Join(db.EvidenceVersions, e => new { EvidenceId = e.Id, Number = e.CurrentVersion }, v => new { v.EvidenceId, v.Number }, (e, v) => new { e.ControlId, e.Title, v.EffectiveOn, v.ExpiresOn })
            .ToListAsync(cancellationToken);
        var linksByControl = links.ToLookup(l => l.ControlId, l => l.RequirementId);
        var evidenceByControl = evidence.ToLookup(e => e.ControlId, e => new EvidenceReference(e.Title, e.EffectiveOn, e.ExpiresOn));
        return controls.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new OrganizationControl(c.Key, c.Name, c.Owner, OrganizationValues.ParseStatus(c.Status), linksByControl[c.Id].Order(StringComparer.Ordinal).ToArray(), evidenceByControl[c.Id].ToArray()))
            .ToArray();
    }
}
