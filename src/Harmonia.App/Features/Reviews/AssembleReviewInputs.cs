using System.Globalization;
using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Competence;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Features.Objectives;
using Harmonia.App.Features.Risks;
using Harmonia.App.Persistence;
using Harmonia.Domain.AiSystems;
using Harmonia.Domain.Audits;
using Harmonia.Domain.Objectives;
using Harmonia.Domain.Risks;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Reviews;

/// <summary>
/// The inputs of a management review for both standards, assembled from the data since the previous review (or the
/// last twelve months): actions of previous reviews, changes, nonconformity trends, monitoring and audit results,
/// objectives, risk status for security and AI, impact assessments, AI concerns, opportunities for improvement.
/// </summary>
public sealed class AssembleReviewInputsHandler(
    HarmoniaDbContext db,
    TenantScope tenant,
    StoredGapAnalysisHandler gap,
    GetRiskMethodologyHandler methodology,
    AiSystemStandings standings,
    ListObjectivesHandler objectives,
    GetCompetenceOverviewHandler competence,
    Features.Suppliers.SupplierRegister suppliers,
    TimeProvider time)
{
    public async Task<IReadOnlyList<ReviewInput>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var inv = CultureInfo.InvariantCulture;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var previous = await db.ManagementReviews.AsNoTracking().OrderByDescending(m => m.HeldOn).FirstOrDefaultAsync(cancellationToken);
        var since = previous?.HeldOn ?? today.AddYears(-1);
        var sinceUtc = since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var inputs = new List<ReviewInput>();

        var actions = previous is null ? [] : ReviewJson.Actions(previous.ActionsJson);
        inputs.Add(new("Status of actions from previous reviews", "both", previous is null
            ? ["No previous management review is recorded."]
            : [$"{actions.Count(a => a.DoneOn is not null)} of {actions.Count} actions from the review of {previous.HeldOn:yyyy-MM-dd} are done.", .. actions.Where(a => a.DoneOn is null).Select(a => $"Open: {a.Description} ({a.Owner}, due {a.Due:yyyy-MM-dd})")]));

        var changes = await db.AuditEvents.AsNoTracking().Where(e => e.OccurredUtc >= sinceUtc)
            .GroupBy(e => e.EntityType).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        inputs.Add(new("Changes in external and internal issues, interested parties and AI systems", "both",
            changes.Count == 0 ? [$"No recorded changes since {since:yyyy-MM-dd}."]
            : [.. changes.OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Count} changes to {Features.AuditTrail.AuditEventText.Entity(c.Key)} records since {since:yyyy-MM-dd}.")]));

        var nonconformities = (await db.Nonconformities.AsNoTracking().Select(n => n.Json).ToListAsync(cancellationToken)).Select(NonconformityJson.Read).ToArray();
        var raised = nonconformities.Where(n => n.RaisedOn >= since).ToArray();
        inputs.Add(new("Nonconformities and corrective actions", "both",
        [
            string.Format(inv, "{0} raised since {1:yyyy-MM-dd} ({2} major, {3} minor); {4} open in all, {5} closed.", raised.Length, since, raised.Count(n => n.Grade == FindingGrade.MajorNonconformity), raised.Count(n => n.Grade == FindingGrade.MinorNonconformity), nonconformities.Count(n => n.IsOpen), nonconformities.Count(n => !n.IsOpen)),
            .. nonconformities.Where(n => n.IsOpen).Select(n => $"{n.Id} ({n.Grade.ToLabel()}): {n.Text} — {NonconformityLifecycle.Label(n.State)}"),
        ]));

        var evidence = await db.AiEvidence.AsNoTracking().Where(e => e.MeasuredOn >= since).Select(e => new { e.Kind, e.Passed }).ToListAsync(cancellationToken);
        inputs.Add(new("Monitoring and measurement results", "both",
        [
            $"{evidence.Count} AI evaluation results since {since:yyyy-MM-dd}: {evidence.Count(e => e.Passed == true)} passed, {evidence.Count(e => e.Passed == false)} failed.",
            .. evidence.GroupBy(e => e.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count(e => e.Passed == false)} of {g.Count()} failed."),
        ]));

        var audits = await db.Audits.AsNoTracking().Where(a => a.CompletedOn >= since).Select(a => new { a.Id, a.Key, a.Title, a.CompletedOn }).ToListAsync(cancellationToken);
        var auditIds = audits.Select(a => a.Id).ToArray();
        var grades = await db.AuditResults.AsNoTracking().Where(r => auditIds.Contains(r.AuditId)).GroupBy(r => r.Grade).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        inputs.Add(new("Audit results", "both", audits.Count == 0 ? [$"No internal audit completed since {since:yyyy-MM-dd}."]
            : [.. audits.Select(a => $"{a.Key} {a.Title}, completed {a.CompletedOn:yyyy-MM-dd}."), GradeCounts(grades.Select(g => (g.Key, g.Count)))]));

        var current = await objectives.ActiveAsync(cancellationToken);
        inputs.Add(new("Fulfilment of objectives", "both", current.Count == 0
            ? ["No information security or AI objectives are set yet."]
            : [string.Format(inv, "{0} objectives: {1} met, {2} not met, {3} with no or an overdue measurement.", current.Count, current.Count(o => o.Standing.Status == ObjectiveStatus.Met), current.Count(o => o.Standing.Status == ObjectiveStatus.NotMet), current.Count(o => o.Standing.Status is ObjectiveStatus.NoMeasurement or ObjectiveStatus.MeasurementOverdue)),
                .. current.Select(ReviewFacts.Objective)]));

        inputs.Add(new("Supplier performance and changes", "both", ReviewFacts.Suppliers(await suppliers.AllAsync(cancellationToken), since)));

        var people = await competence.HandleAsync(cancellationToken);
        inputs.Add(new("Resources and competence", "both", ReviewFacts.Competence(people)));

        var scale = (await methodology.HandleAsync(cancellationToken)).Methodology;
        var risks = await db.Risks.AsNoTracking().Select(r => new { r.Categories, r.ResidualLikelihood, r.ResidualImpact, r.AcceptedBy, r.ReviewOn }).ToListAsync(cancellationToken);
        foreach (var (ai, standard) in new[] { (false, "iso27001-2022"), (true, "iso42001-2023") })
        {
            var set = risks.Where(r => RiskCategories.Concerns(r.Categories, ai)).ToArray();
            var levels = set.GroupBy(r => scale.LevelOf(Math.Clamp(r.ResidualLikelihood, 1, scale.Size), Math.Clamp(r.ResidualImpact, 1, scale.Size)))
                .OrderBy(g => g.Key.MinScore).Select(g => $"{g.Count()} {g.Key.Name}");
            inputs.Add(new(ai ? "AI risk status and treatment" : "Information security risk status and treatment", standard,
                [$"{set.Length} risks, residual: {string.Join(", ", levels)}; {set.Count(r => r.AcceptedBy is not null)} formally accepted; {set.Count(r => r.ReviewOn is null || r.ReviewOn < today)} without a current review date."]));
        }

        var systems = await db.AiSystems.AsNoTracking().Where(a => a.InScope).ToListAsync(cancellationToken);
        var standing = await standings.ForAsync(systems, cancellationToken);
        inputs.Add(new("AI system impact assessment results", "iso42001-2023", systems.Count == 0 ? ["No AI systems in scope."]
            : [$"{standing.Values.Count(s => s.Currency == AssessmentCurrency.Current)} of {systems.Count} AI systems have a current, approved impact assessment.", .. standing.Values.Where(s => s.Currency != AssessmentCurrency.Current).Select(s => s.Reason)]));

        var suggestions = await db.RiskSuggestions.AsNoTracking().CountAsync(s => s.Status == "open", cancellationToken);
        var concerns = await db.AiConcerns.AsNoTracking().Where(c => c.ReportedOn >= since || c.Status == AiConcernValues.Open).OrderBy(c => c.ReportedOn).ToListAsync(cancellationToken);
        var reported = concerns.Where(c => c.ReportedOn >= since).ToArray();
        var systemKeys = systems.Count == 0 && concerns.All(c => c.AiSystemId is null) ? [] : await db.AiSystemKeysAsync(cancellationToken);
        inputs.Add(new("AI concerns and incidents reported", "iso42001-2023",
        [
            $"{reported.Count(c => c.Kind == "incident")} incidents and {reported.Count(c => c.Kind == "concern")} concerns reported since {since:yyyy-MM-dd} ({reported.Count(c => c.Severity == "high")} high); {concerns.Count(c => c.Status == AiConcernValues.Open)} still open.",
            .. concerns.Where(c => c.Status == AiConcernValues.Open).Select(c => $"Open: {c.Key} ({c.Kind}, {c.Severity}{(c.AiSystemId is { } id && systemKeys.TryGetValue(id, out var key) ? ", " + key : string.Empty)}) reported by {c.ReportedBy} on {c.ReportedOn:yyyy-MM-dd}: {c.Description}"),
            $"{evidence.Count(e => e.Passed == false)} failing AI evaluation results since {since:yyyy-MM-dd}; {suggestions} risk suggestions still undecided.",
        ]));

        var opportunities = await db.AuditResults.AsNoTracking().Where(r => r.Grade == nameof(FindingGrade.OpportunityForImprovement) && r.RecordedUtc >= sinceUtc).Select(r => r.Note).ToListAsync(cancellationToken);
        var organization = tenant.OrganizationId!.Value;
        var isms = await gap.HandleAsync(new StoredGapRequest(organization, "iso27001-2022"), cancellationToken);
        var aims = await gap.HandleAsync(new StoredGapRequest(organization, "iso42001-2023"), cancellationToken);
        inputs.Add(new("Opportunities for continual improvement", "both",
        [
            string.Format(inv, "Gap analysis today: ISO/IEC 27001 {0:0.#} % satisfied, ISO/IEC 42001 {1:0.#} %.", isms.Headline.Overall.Percent, aims.Headline.Overall.Percent),
            .. opportunities.Where(o => o is not null).Select(o => "From audits: " + o),
        ]));
        return inputs;
    }

    // In the grades' own order and in words, so the same results always read the same on both databases.
    private static string GradeCounts(IEnumerable<(string Grade, int Count)> grades) =>
        string.Join(", ", grades
            .Select(g => (Known: Enum.TryParse<FindingGrade>(g.Grade, out var grade), grade, g.Grade, g.Count))
            .OrderBy(g => g.Known ? (int)g.grade : int.MaxValue).ThenBy(g => g.Grade, StringComparer.Ordinal)
            .Select(g => $"{g.Count} {(g.Known ? g.grade.ToLabel().ToLowerInvariant() : g.Grade)}"));
}
