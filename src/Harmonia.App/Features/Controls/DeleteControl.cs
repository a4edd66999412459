using Harmonia.App.Common;
using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Controls;

public sealed class DeleteControlHandler(HarmoniaDbContext db, DeleteEvidenceHandler evidence)
{
    /// <summary>Throws NotFoundException when the organization has no such control.</summary>
    public async Task HandleAsync(Guid controlId, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        await RemoveAsync(controlId, expectedVersion, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Checks and stages the removal of one control with its evidence; the caller saves (one control or several at once).</summary>
    internal async Task<string> RemoveAsync(Guid controlId, int? expectedVersion, CancellationToken cancellationToken)
    {
        var control = await db.Controls.Include(c => c.Requirements).Include(c => c.Evidence).ThenInclude(e => e.Versions).SingleOrDefaultAsync(c => c.Id == controlId, cancellationToken);
        if (control is null)
        {
            throw new NotFoundException("control");
        }

        if (expectedVersion is { } version && version != control.Version)
        {
            throw new VersionConflictException(control.Version);
        }

        // Links are ids: a risk or an AI system naming the control would silently lose it, so they are changed first.
        // (Links from AI evidence are removed with the control; the evidence itself stays.)
        var risks = await db.Risks.Where(r => r.ControlLinks.Any(l => l.ControlId == controlId)).OrderBy(r => r.Key).Select(r => r.Key).ToListAsync(cancellationToken);
        var systems = await db.AiSystems.Where(a => a.ControlLinks.Any(l => l.ControlId == controlId)).OrderBy(a => a.Key).Select(a => a.Key).ToListAsync(cancellationToken);
        if (risks.Count + systems.Count > 0)
        {
            throw new InvalidInputException(
                $"{string.Join(" and ", new[] { risks.Count > 0 ? "risks " + string.Join(", ", risks) : null, systems.Count > 0 ? "AI systems " + string.Join(", ", systems) : null }.OfType<string>())} name control '{control.Key}': remove it from them first.");
        }

        var assessments = await ImpactAssessmentReferences.NamingAsync(db, control.Key, null, cancellationToken);
        if (assessments.Count > 0)
        {
            throw new InvalidInputException($"{string.Join(", ", assessments)} name{(assessments.Count == 1 ? "s" : string.Empty)} control '{control.Key}' as a mitigation: an assessment is a record, so the control stays.");
        }

        // Its evidence goes with it (explicitly, not by a silent cascade: the audit trail keeps every removed row), by
        // the rules of deleting evidence: what answers an external auditor's request stays, so the control stays too,
        // and a supplier's link to the evidence goes in the trail rather than failing the save.
        foreach (var piece in control.Evidence.OrderBy(e => e.Title, StringComparer.Ordinal).ToList())
        {
            try
            {
                await evidence.RemoveAsync(piece.Id, cancellationToken);
            }
            catch (InvalidInputException refused)
            {
                throw new InvalidInputException($"Control '{control.Key}' stays: {refused.Message}");
            }
        }

        db.Controls.Remove(control);
        return control.Key;
    }
}
