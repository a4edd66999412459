using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

/// <summary>
/// Which impact assessments name a control or a risk by its key in their entries. Deleting the control or risk would
/// leave the assessment pointing at nothing, so deletions ask first.
/// </summary>
public static class ImpactAssessmentReferences
{
    /// <returns>"AI-02 impact assessment 1" for each assessment whose entries name the key, in order.</returns>
    public static async Task<IReadOnlyList<string>> NamingAsync(HarmoniaDbContext db, string? controlKey, string? riskKey, CancellationToken cancellationToken)
    {
        var assessments = await db.ImpactAssessments.AsNoTracking()
            .Join(db.AiSystems.AsNoTracking(), a => a.AiSystemId, s => s.Id, (a, s) => new { s.Key, a.Number, a.EntriesJson })
            .ToListAsync(cancellationToken);
        return assessments
            .Where(a => ImpactAssessmentJson.Entries(a.EntriesJson).Any(e =>
                (controlKey is not null && e.Controls.Contains(controlKey, StringComparer.Ordinal)) || (riskKey is not null && e.Risks.Contains(riskKey, StringComparer.Ordinal))))
            .OrderBy(a => a.Key, StringComparer.Ordinal).ThenBy(a => a.Number)
            .Select(a => $"{a.Key} impact assessment {a.Number}")
            .ToArray();
    }
}
