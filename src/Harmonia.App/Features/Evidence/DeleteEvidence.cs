using Harmonia.App.Common;
using Harmonia.App.Features.Suppliers;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Evidence;

/// <summary>
/// Removes a piece of evidence and its versions from the control. The audit trail keeps what each version was
/// (hash, name, dates); the stored files stay for Evidence:RetainDeletedFor (the save notes them as released), then the sweep removes them.
/// </summary>
/// <remarks>
/// What an audit already relied on is not taken away: evidence given in answer to an external auditor's request stays
/// (the auditor judged that answer, and the request points at it). Internal audit results and approved SoA versions
/// recorded what they saw as text, so they read the same after the deletion; the control keeps its status, and
/// readiness and the gap analysis count only the evidence left. A supplier's link to the evidence goes with it, in
/// the audit trail like the evidence itself.
/// </remarks>
public sealed class DeleteEvidenceHandler(HarmoniaDbContext db)
{
    public async Task HandleAsync(Guid evidenceId, CancellationToken cancellationToken = default)
    {
        await RemoveAsync(evidenceId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stages the removal by the rules above without saving, so several deletions can be saved together.</summary>
    /// <returns>"A.5.15 'Title'": the control's key and the evidence's title.</returns>
    public async Task<string> RemoveAsync(Guid evidenceId, CancellationToken cancellationToken = default)
    {
        var evidence = await db.Evidence.Include(e => e.Versions).SingleOrDefaultAsync(e => e.Id == evidenceId, cancellationToken);
        if (evidence is null)
        {
            throw new NotFoundException("evidence");
        }

        var control = await db.Controls.Where(c => c.Id == evidence.ControlId).Select(c => c.Key).SingleAsync(cancellationToken);
        var label = $"{control} '{evidence.Title}'";
        var answered = await db.EvidenceRequests.Where(r => r.EvidenceId == evidence.Id)
            .Join(db.Engagements, r => r.EngagementId, e => e.Id, (r, e) => new { r.Number, e.Title })
            .ToListAsync(cancellationToken);
        if (answered.Count > 0)
        {
            var requests = string.Join(", ", answered.OrderBy(a => a.Title, StringComparer.Ordinal).ThenBy(a => a.Number).Select(a => $"request {a.Number} of '{a.Title}'"));
            throw new InvalidInputException($"Evidence {label} answers the external auditor's {requests}: the auditor judged that answer, so the evidence stays. Add a new version if it changed.");
        }

        db.Set<SupplierEvidenceLink>().RemoveRange(await db.Set<SupplierEvidenceLink>().Where(l => l.EvidenceId == evidence.Id).ToListAsync(cancellationToken));
        db.EvidenceVersions.RemoveRange(evidence.Versions);
        db.Evidence.Remove(evidence);
        return label;
    }
}
