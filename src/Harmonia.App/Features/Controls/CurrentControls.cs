using Harmonia.App.Common;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Persistence;
using Harmonia.Domain.Gaps;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Controls;

/// <summary>
/// The organization's controls as the domain reads them, with the requirements they implement and only the current
/// version of each evidence record. The SoA proposal, the audit checklist and readiness read nothing else of them;
/// loading the whole organization (every evidence version, results, AI systems) cost them 100+ ms at 1,000 controls.
/// </summary>
public sealed class CurrentControls(HarmoniaDbContext db)
{
    /// <param name="requirementPrefix">Only controls linked to requirements starting with this (e.g. "iso27001-2022:A."); null for every linked control.</param>
    public async Task<OrganizationControl[]> LinkedAsync(string? requirementPrefix, CancellationToken cancellationToken = default)
    {
        var linkQuery = db.ControlRequirements.AsNoTracking();
        if (requirementPrefix is not null)
        {
            linkQuery = linkQuery.Where(l => l.RequirementId.StartsWith(requirementPrefix));
        }

        var links = await linkQuery.Select(l => new { l.ControlId, l.RequirementId }).ToListAsync(cancellationToken);
        var ids = links.Select(l => l.ControlId).Distinct().ToArray();
        var controlQuery = db.Controls.AsNoTracking();
        var evidenceQuery = db.Evidence.AsNoTracking();
        if (requirementPrefix is not null)
        {
            controlQuery = controlQuery.Where(c => ids.Contains(c.Id));
            evidenceQuery = evidenceQuery.Where(e => ids.Contains(e.ControlId));
        }

        var controls = await controlQuery.Select(c => new { c.Id, c.Key, c.Name, c.Owner, c.Status }).ToListAsync(cancellationToken);
        var evidence = await evidenceQuery
            .Join(db.EvidenceVersions, e => new { EvidenceId = e.Id, Number = e.CurrentVersion }, v => new { v.EvidenceId, v.Number }, (e, v) => new { e.ControlId, e.Title, v.EffectiveOn, v.ExpiresOn })
            .ToListAsync(cancellationToken);
        var linked = ids.ToHashSet();
        var linksByControl = links.ToLookup(l => l.ControlId, l => l.RequirementId);

        // Same order as a loaded organization, so the checklist's evidence lines read the same.
        var evidenceByControl = evidence.OrderBy(e => e.EffectiveOn).ThenBy(e => e.Title, StringComparer.Ordinal)
            .ToLookup(e => e.ControlId, e => new EvidenceReference(e.Title, e.EffectiveOn, e.ExpiresOn));
        return controls.Where(c => linked.Contains(c.Id)).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new OrganizationControl(c.Key, c.Name, c.Owner, OrganizationValues.ParseStatus(c.Status), linksByControl[c.Id].Order(StringComparer.Ordinal).ToArray(), evidenceByControl[c.Id].ToArray()))
            .ToArray();
    }

    /// <summary>
    /// Every control with its requirement links and the current version of each evidence record, in full (kind,
    /// location, hash): what the gap analysis and the organization file read. Split queries, because one joined query
    /// multiplies every control's links by its evidence versions.
    /// </summary>
    public async Task<OrganizationControl[]> AllAsync(CancellationToken cancellationToken = default)
    {
        var controls = await db.Controls.AsNoTracking().Include(c => c.Requirements).Include(c => c.Evidence).ThenInclude(e => e.Versions)
            .OrderBy(c => c.Key).AsSplitQuery().ToListAsync(cancellationToken);
        return controls.Select(c => new OrganizationControl(
                c.Key,
                c.Name,
                c.Owner,
                OrganizationValues.ParseStatus(c.Status),
                c.Requirements.Select(r => r.RequirementId).Order(StringComparer.Ordinal).ToArray(),
                c.Evidence.Select(EvidenceSummaryDto.From).OrderBy(e => e.EffectiveOn).ThenBy(e => e.Title, StringComparer.Ordinal).Select(e => e.ToReference()).ToArray()))
            .ToArray();
    }
}
