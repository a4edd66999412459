using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Competence;
using Harmonia.App.Features.Objectives;
using Harmonia.App.Features.Risks;
using Harmonia.App.Features.Soa;
using Harmonia.App.Features.Suppliers;
using Harmonia.App.Persistence;
using Harmonia.Domain.AiSystems;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Risks;
using Harmonia.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Gaps;

/// <summary>
/// What the organization's records earn in the gap analysis: impact assessments for every AI system in scope
/// (42001 6.1.4, 8.4, A.5.2-A.5.5), a risk assessment that follows the current methodology (6.1.2, 8.2 of each
/// standard; AI categories for 42001, C/I/A for 27001), an approved Statement of Applicability and treatment plan
/// (6.1.3 of each standard), measured objectives (6.2, 9.1), competence records (7.2) and the AIMS's own documents,
/// audit and review (42001 7.5.1, 9.2.x, 9.3.x) and the supplier register (27001 A.5.19-A.5.23, 42001 A.10.2-A.10.4).
/// </summary>
public sealed class ManagementRecordCredits(HarmoniaDbContext db, AiSystemStandings standings, ListObjectivesHandler objectives, GetCompetenceOverviewHandler competence, AimsRecordCredits aims, SupplierRegister suppliers, TimeProvider time)
{
    private const string Aims = "iso42001-2023:";
    private const string Isms = "iso27001-2022:";

    public async Task<IReadOnlyList<RecordCredit>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var credits = new List<RecordCredit>();
        var systems = await db.AiSystems.AsNoTracking().Where(a => a.InScope).OrderBy(a => a.Key).ToListAsync(cancellationToken);
        credits.AddRange(await ImpactAssessmentCreditsAsync(systems, cancellationToken));
        credits.AddRange(await RiskAssessmentCreditsAsync(systems, today, cancellationToken));
        credits.AddRange(await SoaCreditsAsync(cancellationToken));
        credits.AddRange(ObjectiveAndCompetenceCredits.ForObjectives(await objectives.ActiveAsync(cancellationToken)));
        credits.AddRange(ObjectiveAndCompetenceCredits.ForCompetence(await competence.HandleAsync(cancellationToken)));
        credits.AddRange(await aims.HandleAsync(cancellationToken));
        credits.AddRange(SupplierControlNeeds.Credits((await suppliers.AllAsync(cancellationToken)).Select(s => s.Facts()).ToArray(), today));
        return credits;
    }

    private async Task<IEnumerable<RecordCredit>> ImpactAssessmentCreditsAsync(List<Features.AiSystems.AiSystemRecord> systems, CancellationToken cancellationToken)
    {
        if (systems.Count == 0)
        {
            return [];
        }

        var standing = await standings.ForAsync(systems, cancellationToken);
        var current = systems.Where(s => standing[s.Id].Currency == AssessmentCurrency.Current).ToArray();
        var open = systems.Where(s => standing[s.Id].Currency != AssessmentCurrency.Current).Select(s => standing[s.Id].Reason).ToArray();
        if (current.Length == 0 && systems.All(s => standing[s.Id].Currency == AssessmentCurrency.Missing))
        {
            return [];
        }

        var currentIds = current.Select(s => s.Id).ToArray();
        var entries = (await db.ImpactAssessments.AsNoTracking().Where(a => currentIds.Contains(a.AiSystemId) && a.Status == ImpactAssessmentStatuses.Approved)
            .Select(a => a.EntriesJson).ToListAsync(cancellationToken)).Select(ImpactAssessmentJson.Entries).ToArray();
        var everyoneCovered = entries.All(list => list.Any(e => ImpactDimensions.Find(e.Dimension)?.Scope == ImpactScope.IndividualsAndGroups));
        var done = $"Approved, current impact assessments for {current.Length} of {systems.Count} AI systems in scope";
        var result = open.Length == 0 ? RequirementResult.Satisfied : RequirementResult.PartiallySatisfied;
        var reason = open.Length == 0 ? done + " (" + string.Join(", ", current.Select(s => s.Name)) + ")." : done + ". Still open: " + string.Join(" ", open);
        var credits = new List<RecordCredit>();
        foreach (var id in new[] { "6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.5" })
        {
            credits.Add(new RecordCredit(Aims + id, result, reason));
        }

        credits.Add(everyoneCovered
            ? new RecordCredit(Aims + "A.5.4", result, reason)
            : new RecordCredit(Aims + "A.5.4", RequirementResult.PartiallySatisfied, reason + " Not every assessment looks at individuals or groups (fairness, privacy, safety, autonomy, transparency)."));
        return credits;
    }

    private async Task<IEnumerable<RecordCredit>> RiskAssessmentCreditsAsync(List<Features.AiSystems.AiSystemRecord> systems, DateOnly today, CancellationToken cancellationToken)
    {
        var saved = await db.RiskMethodologies.AsNoTracking().OrderByDescending(m => m.Version).FirstOrDefaultAsync(cancellationToken);
        var methodology = saved is null ? RiskMethodology.Default : RiskMethodologyJson.Read(saved.Json);
        var risks = await db.Risks.AsNoTracking().OrderBy(r => r.Key)
            .Select(r => new AssessedRisk(r.Id, r.Key, r.Categories, r.AiSystemLinks.Select(l => l.AiSystemId).ToList(), r.ReviewOn, r.InherentLikelihood, r.InherentImpact, r.ResidualLikelihood, r.ResidualImpact, r.Owner, r.AcceptedBy))
            .ToListAsync(cancellationToken);
        if (risks.Count == 0)
        {
            return [];
        }

        // A risk counts as rated on the current methodology when its rating was set (created, or likelihood or impact
        // changed) after that version was saved: a rating on the old scales means something else on the new ones.
        var rerated = new HashSet<string>(StringComparer.Ordinal);
        if (saved is not null)
        {
            var changes = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(RiskRecord) && e.OccurredUtc >= saved.CreatedUtc)
                .Select(e => new { e.EntityId, e.Changes }).ToListAsync(cancellationToken);
            rerated.UnionWith(changes.Where(c => c.Changes.Contains("Likelihood", StringComparison.Ordinal) || c.Changes.Contains("Impact", StringComparison.Ordinal)).Select(c => c.EntityId));
        }

        var ai = risks.Where(r => RiskCategories.Concerns(r.Categories, ai: true)).ToArray();
        var security = risks.Where(r => RiskCategories.Concerns(r.Categories, ai: false)).ToArray();
        var unassessed = systems.Where(s => !ai.Any(r => r.AiSystems.Contains(s.Id))).Select(s => s.Name).ToArray();
        var basis = new MethodologyBasis(saved?.Version, saved is null ? null : DateOnly.FromDateTime(saved.CreatedUtc), methodology, rerated);
        return RiskAssessmentCredits(Aims, "AI", ai, unassessed, basis, today).Concat(RiskAssessmentCredits(Isms, "information security", security, [], basis, today));
    }

    private static IEnumerable<RecordCredit> RiskAssessmentCredits(string framework, string kind, AssessedRisk[] risks, string[] unassessedSystems, MethodologyBasis basis, DateOnly today)
    {
        if (risks.Length == 0)
        {
            yield break;
        }

        var scale = basis.Methodology;
        var problems = new List<string>();
        if (basis.Version is null)
        {
            problems.Add("the organization has not adopted a risk methodology of its own (the risks are rated on Harmonia's default scales, which nobody approved as the organization's criteria)");
        }

        var offScale = risks.Where(r => new[] { r.InherentLikelihood, r.InherentImpact, r.ResidualLikelihood, r.ResidualImpact }.Any(v => v < 1 || v > scale.Size)).Select(r => r.Key).ToArray();
        if (offScale.Length > 0)
        {
            problems.Add($"rated outside the current {scale.Size}-level scales: {Keys(offScale)}");
        }

        var stale = basis.Version is null ? [] : risks.Where(r => !basis.Rerated.Contains(r.Id.ToString("D")) && !offScale.Contains(r.Key)).Select(r => r.Key).ToArray();
        if (stale.Length > 0)
        {
            problems.Add($"not rated again since methodology v{basis.Version} of {basis.Since:yyyy-MM-dd}: {Keys(stale)}");
        }

        var ownerless = risks.Where(r => string.IsNullOrWhiteSpace(r.Owner)).Select(r => r.Key).ToArray();
        if (ownerless.Length > 0)
        {
            problems.Add("without a risk owner: " + Keys(ownerless));
        }

        // The acceptance criteria are applied when every residual risk above what a risk owner may accept is either
        // treated further or formally accepted; one left above the limit with no decision ignores them.
        var aboveLimit = risks.Where(r => !offScale.Contains(r.Key) && r.AcceptedBy is null
            && !scale.OwnerMayAcceptLevel(scale.LevelOf(r.ResidualLikelihood, r.ResidualImpact))).Select(r => r.Key).ToArray();
        if (aboveLimit.Length > 0)
        {
            problems.Add($"residual risk above the acceptance level ({scale.OwnerMayAccept}) with neither further treatment nor acceptance: {Keys(aboveLimit)}");
        }

        var overdue = risks.Where(r => r.ReviewOn is null || r.ReviewOn < today).Select(r => r.Key).ToArray();
        if (overdue.Length > 0)
        {
            problems.Add("without a review date or past it: " + Keys(overdue));
        }

        if (unassessedSystems.Length > 0)
        {
            problems.Add("AI systems in scope that no AI risk names: " + string.Join(", ", unassessedSystems));
        }

        var method = basis.Version is { } v ? $"methodology v{v}" : "Harmonia's default methodology";
        var reason = $"The risk register holds {risks.Length} {kind} risks, rated on {method}";
        var result = problems.Count == 0 ? RequirementResult.Satisfied : RequirementResult.PartiallySatisfied;
        reason += problems.Count == 0
            ? ": each on its current scales, with an owner, within the acceptance criteria or accepted, reviewed on schedule" + (kind == "AI" ? " and covering every AI system in scope." : ".")
            : "; still missing: " + string.Join("; ", problems) + ".";
        yield return new RecordCredit(framework + "6.1.2", result, reason);
        yield return new RecordCredit(framework + "8.2", result, reason);
    }

    private static string Keys(string[] keys) => string.Join(", ", keys.Take(10)) + (keys.Length > 10 ? $" and {keys.Length - 10} more" : string.Empty);

    private async Task<IEnumerable<RecordCredit>> SoaCreditsAsync(CancellationToken cancellationToken)
    {
        var versions = await db.SoaVersions.AsNoTracking().Where(v => v.Status != SoaStatuses.Superseded)
            .Select(v => new { v.FrameworkId, v.Number, v.Status, v.ApprovedBy, v.ApprovedUtc }).ToListAsync(cancellationToken);
        var risks = await db.Risks.AsNoTracking().Select(r => new { r.Key, r.Categories, Approved = r.TreatmentApprovedBy != null }).ToListAsync(cancellationToken);
        var credits = new List<RecordCredit>();
        foreach (var framework in SoaJson.Frameworks)
        {
            var prefix = framework + ":";
            var ai = framework != "iso27001-2022";
            var ofKind = risks.Where(r => RiskCategories.Concerns(r.Categories, ai)).ToArray();
            var unapproved = ofKind.Where(r => !r.Approved).Select(r => r.Key).Order(StringComparer.Ordinal).ToArray();
            var approved = versions.Where(v => v.FrameworkId == framework && v.Status == SoaStatuses.Approved).MaxBy(v => v.Number);
            var draft = versions.Where(v => v.FrameworkId == framework && v.Status == SoaStatuses.Draft).MaxBy(v => v.Number);
            if (approved is not null)
            {
                var soa = $"Statement of Applicability v{approved.Number} approved by {approved.ApprovedBy} on {approved.ApprovedUtc:yyyy-MM-dd}, with a reason for every included control and a justification for every exclusion";
                credits.Add(ofKind.Length > 0 && unapproved.Length == 0
                    ? new RecordCredit(prefix + "6.1.3", RequirementResult.Satisfied, soa + $"; the treatment of all {ofKind.Length} risks is approved by their owners.")
                    : new RecordCredit(prefix + "6.1.3", RequirementResult.PartiallySatisfied, soa + (ofKind.Length == 0
                        ? "; there is no risk treatment plan yet (no risks of this kind in the register), and 6.1.3 needs one approved by the risk owners."
                        : $"; the risk owners have not approved the treatment of {Keys(unapproved)}, and 6.1.3 needs the approved plan as well as the Statement of Applicability.")));
            }
            else if (draft is not null)
            {
                credits.Add(new RecordCredit(prefix + "6.1.3", RequirementResult.PartiallySatisfied, $"Statement of Applicability v{draft.Number} is a draft: it counts once approved."));
            }
        }

        return credits;
    }

    private sealed record AssessedRisk(Guid Id, string Key, string Categories, List<Guid> AiSystems, DateOnly? ReviewOn, int InherentLikelihood, int InherentImpact, int ResidualLikelihood, int ResidualImpact, string? Owner, string? AcceptedBy);

    private sealed record MethodologyBasis(int? Version, DateOnly? Since, RiskMethodology Methodology, HashSet<string> Rerated);
}
