using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Competence;
using Harmonia.App.Features.Objectives;
using Harmonia.App.Features.Soa;
using Harmonia.App.Persistence;
using Harmonia.Domain.AiSystems;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Risks;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Gaps;

/// <summary>
/// What the organization's records earn in the gap analysis: impact assessments for every AI system in scope
/// (42001 6.1.4, 8.4, A.5.2-A.5.5), an up-to-date risk assessment (6.1.2, 8.2 of each standard; AI categories for
/// 42001, C/I/A for 27001), an approved Statement of Applicability (6.1.3 of each standard), measured objectives
/// (6.2, 9.1) and competence records (7.2).
/// </summary>
public sealed class ManagementRecordCredits(HarmoniaDbContext db, AiSystemStandings standings, ListObjectivesHandler objectives, GetCompetenceOverviewHandler competence, TimeProvider time)
{
    private const string Aims = "iso42001-2023:";
    private const string Isms = "iso27001-2022:";

    public async Task<IReadOnlyList<RecordCredit>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var credits = new List<RecordCredit>();
        var systems = await db.AiSystems.AsNoTracking().Where(a => a.InScope).OrderBy(a => a.Key).ToListAsync(cancellationToken);
        credits.AddRange(await ImpactAssessmentCreditsAsync(systems, cancellationToken));
        var risks = await db.Risks.AsNoTracking().Select(r => new { r.Key, r.Categories, AiSystems = r.AiSystemLinks.Select(l => l.AiSystemId).ToList(), r.ReviewOn }).ToListAsync(cancellationToken);
        var ai = risks.Where(r => r.Categories.Split(',').Any(c => RiskCategories.Find(c)?.IsAi == true)).ToArray();
        var security = risks.Where(r => r.Categories.Split(',').Any(c => RiskCategories.Find(c) is { IsAi: false })).ToArray();
        var unassessed = systems.Where(s => !ai.Any(r => r.AiSystems.Contains(s.Id))).Select(s => s.Name).ToArray();
        credits.AddRange(RiskAssessmentCredits(Aims, "AI", ai.Length, ai.Where(r => r.ReviewOn is null || r.ReviewOn < today).Select(r => r.Key).ToArray(), unassessed));
        credits.AddRange(RiskAssessmentCredits(Isms, "information security", security.Length, security.Where(r => r.ReviewOn is null || r.ReviewOn < today).Select(r => r.Key).ToArray(), []));
        credits.AddRange(await SoaCreditsAsync(cancellationToken));
        credits.AddRange(ObjectiveAndCompetenceCredits.ForObjectives(await objectives.ActiveAsync(cancellationToken)));
        credits.AddRange(ObjectiveAndCompetenceCredits.ForCompetence(await competence.HandleAsync(cancellationToken)));
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

    private static IEnumerable<RecordCredit> RiskAssessmentCredits(string framework, string kind, int count, string[] overdue, string[] unassessedSystems)
    {
        if (count == 0)
        {
            yield break;
        }

        var problems = new List<string>();
        if (overdue.Length > 0)
        {
            problems.Add($"risks without a review date or past it: {string.Join(", ", overdue.Take(10))}{(overdue.Length > 10 ? ", ..." : string.Empty)}");
        }

        if (unassessedSystems.Length > 0)
        {
            problems.Add("AI systems no risk names: " + string.Join(", ", unassessedSystems));
        }

        var reason = $"The risk register holds {count} {kind} risks";
        var result = problems.Count == 0 ? RequirementResult.Satisfied : RequirementResult.PartiallySatisfied;
        reason += problems.Count == 0 ? ", each reviewed on schedule" + (kind == "AI" ? " and covering every AI system in scope." : ".") : "; still open: " + string.Join("; ", problems) + ".";
        yield return new RecordCredit(framework + "6.1.2", result, reason);
        yield return new RecordCredit(framework + "8.2", result, reason);
    }

    private async Task<IEnumerable<RecordCredit>> SoaCreditsAsync(CancellationToken cancellationToken)
    {
        var versions = await db.SoaVersions.AsNoTracking().Where(v => v.Status != SoaStatuses.Superseded)
            .Select(v => new { v.FrameworkId, v.Number, v.Status, v.ApprovedBy, v.ApprovedUtc }).ToListAsync(cancellationToken);
        var credits = new List<RecordCredit>();
        foreach (var framework in SoaJson.Frameworks)
        {
            var prefix = framework + ":";
            var approved = versions.Where(v => v.FrameworkId == framework && v.Status == SoaStatuses.Approved).MaxBy(v => v.Number);
            var draft = versions.Where(v => v.FrameworkId == framework && v.Status == SoaStatuses.Draft).MaxBy(v => v.Number);
            if (approved is not null)
            {
                credits.Add(new RecordCredit(prefix + "6.1.3", RequirementResult.Satisfied, $"Statement of Applicability v{approved.Number} approved by {approved.ApprovedBy} on {approved.ApprovedUtc:yyyy-MM-dd}, with a reason for every included control and a justification for every exclusion."));
            }
            else if (draft is not null)
            {
                credits.Add(new RecordCredit(prefix + "6.1.3", RequirementResult.PartiallySatisfied, $"Statement of Applicability v{draft.Number} is a draft: it counts once approved."));
            }
        }

        return credits;
    }
}
