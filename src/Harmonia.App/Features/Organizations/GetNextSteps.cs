using Harmonia.App.Features.Certification;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Soa;
using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Readiness;
using Harmonia.Domain.Soa;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Organizations;

/// <summary>Where a next step is done; the page turns it into a link.</summary>
public enum NextStepPlace
{
    MyWork,
    Document,
    Soa,
    Risks,
    Readiness,
    Gap,
}

/// <param name="Id">The document id, the framework of a SoA or gap analysis; null for a list.</param>
public sealed record NextStep(string Text, NextStepPlace Place, string? Id = null);

/// <summary>What the dashboard already has loaded; the steps are derived from it and from what waits for this person.</summary>
/// <param name="CanApprove">Whether this person's role may approve documents and statements.</param>
public sealed record NextStepFacts(
    IReadOnlyList<GapReport> Gaps,
    ReadinessAssessment Readiness,
    DueWorkCounts MyWork,
    Guid? UserId,
    string Actor,
    bool CanApprove);

/// <summary>
/// "What to do next" for the person looking at the dashboard, most urgent first: their overdue work, what waits for
/// their approval (documents in review someone else wrote, a complete SoA draft someone else saved, the treatment of
/// risks they own), the nearest certification stage's blocking items, and each standard's gap recommendation.
/// </summary>
public sealed class GetNextStepsHandler(HarmoniaDbContext db, TenantScope tenant, Common.OrganizationResultCache cache)
{
    /// <summary>A dashboard leads with a handful; the rest are one click away.</summary>
    public const int MaxSteps = 6;

    private static readonly Dictionary<string, string> NoNames = [];

    public async Task<IReadOnlyList<NextStep>> HandleAsync(NextStepFacts facts, CancellationToken cancellationToken = default)
    {
        var steps = new List<NextStep>();
        if (facts.MyWork.Overdue > 0)
        {
            steps.Add(new NextStep($"{Count(facts.MyWork.Overdue, "item")} of your work {(facts.MyWork.Overdue == 1 ? "is" : "are")} overdue; {facts.MyWork.ThisWeek} more due this week.", NextStepPlace.MyWork));
        }

        // What waits for this person changes only with the organization's records: kept per change token (one slot per
        // organization, so a second person's visit computes it afresh), it spares the dashboard four queries a visit.
        var variant = $"{facts.CanApprove}|{facts.UserId}|{facts.Actor.Length}:{facts.Actor}";
        steps.AddRange(tenant.OrganizationId is { } organization
            ? await cache.GetOrComputeAsync(db, organization, "next-steps-waiting", variant, () => WaitingAsync(facts, cancellationToken), cancellationToken)
            : await WaitingAsync(facts, cancellationToken));

        if (facts.MyWork.Overdue == 0 && facts.MyWork.ThisWeek > 0)
        {
            steps.Add(new NextStep($"{Count(facts.MyWork.ThisWeek, "item")} of your work {(facts.MyWork.ThisWeek == 1 ? "is" : "are")} due this week.", NextStepPlace.MyWork));
        }

        steps.AddRange(Readiness(facts.Readiness));
        steps.AddRange(facts.Gaps.Where(g => g.Rows.Any(r => r.IsOpen)).Select(g => new NextStep($"{g.Target.Name}: {g.Recommendation}", NextStepPlace.Gap, g.Target.Id)));
        return steps.Take(MaxSteps).ToArray();
    }

    private async Task<IReadOnlyList<NextStep>> WaitingAsync(NextStepFacts facts, CancellationToken cancellationToken)
    {
        var steps = new List<NextStep>();
        if (facts.CanApprove)
        {
            steps.AddRange(await DocumentsAsync(facts.Actor, cancellationToken));
            steps.AddRange(await StatementsAsync(facts.Actor, cancellationToken));
        }

        if (facts.UserId is { } user)
        {
            var risks = await db.Risks.AsNoTracking().Where(r => r.OwnerUserId == user && r.TreatmentApprovedBy == null).Select(r => r.Key).ToListAsync(cancellationToken);
            if (risks.Count > 0)
            {
                risks.Sort(StringComparer.Ordinal);
                steps.Add(new NextStep($"As their owner, approve the treatment of {Count(risks.Count, "risk")}: {string.Join(", ", risks.Take(5))}{(risks.Count > 5 ? ", ..." : string.Empty)}.", NextStepPlace.Risks));
            }
        }

        return steps;
    }

    private async Task<IEnumerable<NextStep>> DocumentsAsync(string actor, CancellationToken cancellationToken)
    {
        var waiting = await db.DocumentRevisions.AsNoTracking()
            .Where(r => r.Status == DocumentStatuses.InReview || r.Status == DocumentStatuses.Approved)
            .Join(db.Documents, r => r.DocumentId, d => d.Id, (r, d) => new { r.Id, r.DocumentId, d.Title, r.Label, r.Status, r.Author })
            .ToListAsync(cancellationToken);
        var ids = waiting.Select(w => w.Id).ToArray();
        var approvals = (await db.DocumentApprovals.AsNoTracking().Where(a => ids.Contains(a.RevisionId)).Select(a => new { a.RevisionId, a.Approver }).ToListAsync(cancellationToken))
            .ToLookup(a => a.RevisionId, a => a.Approver);

        // Segregation of duties: the author cannot approve, and one approval per person counts.
        var toApprove = waiting.Where(w => w.Status == DocumentStatuses.InReview && !AuditActor.SamePerson(w.Author, actor) && !approvals[w.Id].Any(a => AuditActor.SamePerson(a, actor)))
            .OrderBy(w => w.Title, StringComparer.Ordinal).ToArray();
        var toPublish = waiting.Where(w => w.Status == DocumentStatuses.Approved).OrderBy(w => w.Title, StringComparer.Ordinal).ToArray();
        var steps = new List<NextStep>();
        if (toApprove.Length > 0)
        {
            steps.Add(new NextStep(
                $"Review and approve {Count(toApprove.Length, "document")} written by others: {string.Join(", ", toApprove.Take(3).Select(d => $"{d.Title} {d.Label}"))}{(toApprove.Length > 3 ? ", ..." : string.Empty)}.",
                NextStepPlace.Document,
                toApprove.Length == 1 ? toApprove[0].DocumentId.ToString() : null));
        }

        if (toPublish.Length > 0)
        {
            steps.Add(new NextStep(
                $"Publish {Count(toPublish.Length, "approved document")}: {string.Join(", ", toPublish.Take(3).Select(d => $"{d.Title} {d.Label}"))}{(toPublish.Length > 3 ? ", ..." : string.Empty)}.",
                NextStepPlace.Document,
                toPublish.Length == 1 ? toPublish[0].DocumentId.ToString() : null));
        }

        return steps;
    }

    private async Task<IEnumerable<NextStep>> StatementsAsync(string actor, CancellationToken cancellationToken)
    {
        var latest = (await db.SoaVersions.AsNoTracking().Select(v => new { v.FrameworkId, v.Number, v.Status, v.CreatedBy }).ToListAsync(cancellationToken))
            .GroupBy(v => v.FrameworkId).Select(g => g.MaxBy(v => v.Number)!)
            .Where(v => v.Status == SoaStatuses.Draft && !AuditActor.SamePerson(v.CreatedBy, actor))
            .OrderBy(v => v.FrameworkId, StringComparer.Ordinal)
            .ToArray();
        var steps = new List<NextStep>();
        foreach (var draft in latest)
        {
            var rows = await db.SoaVersions.AsNoTracking().Where(v => v.FrameworkId == draft.FrameworkId && v.Number == draft.Number).Select(v => v.RowsJson).SingleAsync(cancellationToken);
            if (ApplicabilityModel.Undecided(SoaJson.Rows(rows)).Count == 0)
            {
                steps.Add(new NextStep($"Approve version {draft.Number} of the Statement of Applicability for {CertificationChoices.Name(draft.FrameworkId)}, saved by {AuditTrail.AuditEventText.Person(draft.CreatedBy, NoNames)}.", NextStepPlace.Soa, draft.FrameworkId));
            }
        }

        return steps;
    }

    /// <summary>The stage to work on is the first one not ready: Stage 1 before Stage 2, per standard.</summary>
    private static IEnumerable<NextStep> Readiness(ReadinessAssessment readiness)
    {
        foreach (var framework in readiness.Frameworks)
        {
            var (stage, name) = framework.Stage1.Ready ? (framework.Stage2, "Stage 2") : (framework.Stage1, "Stage 1");
            if (stage.Ready || stage.Blocking.Count == 0)
            {
                continue;
            }

            var failing = stage.Checks.Count - stage.Passed;
            yield return new NextStep(
                $"{framework.Name} {name}: {Count(failing, "check")} of {stage.Checks.Count} do not pass yet; first: {stage.Blocking[0].Text}",
                NextStepPlace.Readiness,
                framework.FrameworkIds[0]);
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
