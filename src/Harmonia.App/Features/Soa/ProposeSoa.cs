using Harmonia.App.Content;
using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Features.Suppliers;
using Harmonia.App.Persistence;
using Harmonia.Domain.Soa;
using Harmonia.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Soa;

/// <summary>
/// The Statement of Applicability the organization's data calls for right now: every Annex A control with the risks
/// treated by it, the approved impact assessments that rely on it, the controls that implement it and their evidence.
/// </summary>
public sealed class ProposeSoaHandler(HarmoniaDbContext db, TenantScope tenant, LoadedContent content, CurrentControls current, SupplierRegister suppliers, PublishedDocuments published)
{
    public async Task<IReadOnlyList<SoaRow>> HandleAsync(Guid organizationId, string frameworkId, CancellationToken cancellationToken = default)
    {
        SoaJson.RequireFramework(frameworkId);
        var framework = content.Catalog.FindFramework(frameworkId)!;
        tenant.Enter(organizationId);
        var controls = await current.LinkedAsync(frameworkId + ":A.", cancellationToken);
        var risks = await db.Risks.AsNoTracking().Select(r => new { r.Key, r.Treatment, Controls = r.ControlLinks.Select(l => l.ControlId).ToList() }).ToListAsync(cancellationToken);
        var controlKeys = await db.ControlKeysAsync(cancellationToken);
        var assessments = await db.ImpactAssessments.AsNoTracking().Where(a => a.Status == ImpactAssessmentStatuses.Approved)
            .Join(db.AiSystems, a => a.AiSystemId, s => s.Id, (a, s) => new { s.Name, a.Number, a.EntriesJson })
            .ToListAsync(cancellationToken);
        var register = (await suppliers.AllAsync(cancellationToken)).Select(s => s.Facts()).ToArray();
        return ApplicabilityModel.Propose(
            framework,
            controls,
            risks.Select(r => new SoaRisk(r.Key, r.Treatment, controlKeys.KeysOf(r.Controls))).ToArray(),
            assessments.Select(a => new SoaAssessment($"{a.Name} impact assessment v{a.Number}", ImpactAssessmentJson.Entries(a.EntriesJson).SelectMany(e => e.Controls).Distinct(StringComparer.Ordinal).ToArray())).ToArray(),
            SupplierControlNeeds.CallingFor(register),
            await DocumentsAsync(frameworkId, cancellationToken));
    }

    /// <summary>Published (and registered) documents by the Annex A controls they address.</summary>
    private async Task<SoaDocuments> DocumentsAsync(string frameworkId, CancellationToken cancellationToken)
    {
        var prefix = frameworkId + ":A.";
        var byRequirement = (await published.HandleAsync(cancellationToken))
            .SelectMany(d => d.RequirementIds.Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).Select(r => (Requirement: r, Label: $"{d.Title} {d.Version}")))
            .GroupBy(x => x.Requirement, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var metByDocument = content.Documents.DocumentedInformation.Where(d => d.MetByDocument).Select(d => d.RequirementId).ToHashSet(StringComparer.Ordinal);
        return new SoaDocuments(byRequirement, metByDocument);
    }
}
