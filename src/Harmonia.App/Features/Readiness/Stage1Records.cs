using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Soa;
using Harmonia.App.Persistence;
using Harmonia.Domain.AiSystems;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Readiness;
using Harmonia.Domain.Risks;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Readiness;

/// <summary>
/// The records a certification body reviews at Stage 1, read from the data rather than from documents that
/// mention them: a risk assessment covering the scope, a treatment plan the risk owners approved, an approved SoA,
/// a current approved impact assessment for every AI system in scope (42001), an audit programme with the full
/// scope planned, and a management review held or planned.
/// </summary>
public sealed class Stage1Records(HarmoniaDbContext db, AiSystemStandings standings, GetAnswersHandler answers, PolicyApprovalsByTopManagement policyApprovals, TimeProvider time)
{
    private const string Isms = "iso27001-2022";

    public async Task<IReadOnlyList<RequiredRecord>> ForAsync(GapReport gaps, CancellationToken cancellationToken = default)
    {
        var framework = gaps.Target.Id;
        var name = gaps.Target.Name;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var ai = framework != Isms;
        var risks = await db.Risks.AsNoTracking()
            .Select(r => new { r.Key, r.Categories, r.TreatmentApprovedBy, AiSystems = r.AiSystemLinks.Select(l => l.AiSystemId).ToList() })
            .ToListAsync(cancellationToken);
        var relevant = risks.Where(r => RiskCategories.Concerns(r.Categories, ai)).ToArray();
        var systems = await db.AiSystems.AsNoTracking().Where(a => a.InScope).OrderBy(a => a.Key).ToListAsync(cancellationToken);

        var records = new List<RequiredRecord>
        {
            RiskAssessment(framework, name, ai, relevant.Length, ai ? systems.Where(s => !relevant.Any(r => r.AiSystems.Contains(s.Id))).Select(s => s.Name).ToArray() : []),
            new(framework + ":treatment-plan", $"{name}: risk treatment plan approved by the risk owners", TreatmentPlanMissing(relevant.Length, relevant.Where(r => r.TreatmentApprovedBy is null).Select(r => r.Key).Order(StringComparer.Ordinal).ToArray(), name)),
            await SoaAsync(framework, name, cancellationToken),
            await PolicyApprovedByTopManagementAsync(framework, name, ai, cancellationToken),
        };
        if (ai)
        {
            records.Add(await ImpactAssessmentsAsync(systems, cancellationToken));
        }

        records.Add(await AuditProgrammeAsync(gaps, today, cancellationToken));
        records.Add(await ReviewPlannedAsync(today, cancellationToken));
        return records;
    }

    private static RequiredRecord RiskAssessment(string framework, string name, bool ai, int count, string[] unassessed)
    {
        var kind = ai ? "AI" : "information security";
        var fix = new FixAt(FixKind.Risks, null);
        var missing = new List<BlockingItem>();
        if (count == 0)
        {
            missing.Add(new BlockingItem($"No {kind} risk is assessed in the risk register: {name} 6.1.2 and 8.2 need the results of a risk assessment.", fix));
        }

        if (unassessed.Length > 0)
        {
            missing.Add(new BlockingItem($"No AI risk is assessed for these AI systems in scope: {string.Join(", ", unassessed)}.", fix));
        }

        return new RequiredRecord(framework + ":risk-assessment", $"{name}: {kind} risk assessment covering the scope", missing);
    }

    /// <summary>27001 6.1.3 f): the risk owners approve the treatment plan; each risk's owner signs off its part.</summary>
    private static IReadOnlyList<BlockingItem> TreatmentPlanMissing(int risks, string[] unapproved, string name) => risks == 0
        ? [new BlockingItem($"No risk treatment plan for {name}: the register has no risks to treat yet.", new FixAt(FixKind.Risks, null))]
        : unapproved.Length > 0
            ? [new BlockingItem($"The risk owners have not approved the treatment of {unapproved.Length} of {risks} risks: {string.Join(", ", unapproved.Take(8))}{(unapproved.Length > 8 ? ", ..." : string.Empty)}.", new FixAt(FixKind.Risks, null))]
            : [];

    private async Task<RequiredRecord> SoaAsync(string framework, string name, CancellationToken cancellationToken)
    {
        var versions = await db.SoaVersions.AsNoTracking().Where(v => v.FrameworkId == framework && v.Status != SoaStatuses.Superseded)
            .Select(v => new { v.Number, v.Status }).ToListAsync(cancellationToken);
        var fix = new FixAt(FixKind.Soa, framework);
        IReadOnlyList<BlockingItem> missing = versions.Any(v => v.Status == SoaStatuses.Approved) ? []
            : versions.Count > 0 ? [new BlockingItem($"The Statement of Applicability for {name} (v{versions.Max(v => v.Number)}) is a draft: it counts once approved.", fix)]
            : [new BlockingItem($"No Statement of Applicability for {name}.", fix)];
        return new RequiredRecord(framework + ":soa", $"{name}: approved Statement of Applicability", missing);
    }

    /// <summary>
    /// 5.1 and 5.2 of both standards: top management establishes the policy. An approval by an app Owner who is not
    /// named top management does not show that, so the record asks for a named top-management member among the
    /// approvers of the policy's current revision.
    /// </summary>
    private async Task<RequiredRecord> PolicyApprovedByTopManagementAsync(string framework, string name, bool ai, CancellationToken cancellationToken)
    {
        var template = ai ? "ai-policy" : "information-security-policy";
        var title = ai ? "AI policy" : "information security policy";
        var approval = (await policyApprovals.HandleAsync(cancellationToken)).SingleOrDefault(p => p.TemplateId == template);
        var named = await db.TopManagement.AsNoTracking().AnyAsync(cancellationToken);
        var fix = new FixAt(FixKind.Document, null);
        IReadOnlyList<BlockingItem> missing = approval is { ApprovedByTopManagement: true } ? []
            : !named ? [new BlockingItem("No top-management member is named (organization settings): no approval can show that top management established the policy.", fix)]
            : approval?.Revision is null ? [new BlockingItem($"The {title} has no approved revision yet.", fix)]
            : [new BlockingItem($"'{approval.Title}' {approval.Revision} was approved by no named top-management member; a member of top management must approve its next revision.", fix)];
        return new RequiredRecord(framework + ":policy-approval", $"{name}: {title} approved by top management", missing);
    }

    private async Task<RequiredRecord> ImpactAssessmentsAsync(List<AiSystemRecord> systems, CancellationToken cancellationToken)
    {
        var standing = systems.Count == 0 ? [] : await standings.ForAsync(systems, cancellationToken);
        var missing = systems.Where(s => standing[s.Id].Currency != AssessmentCurrency.Current)
            .Select(s => new BlockingItem(standing[s.Id].Reason, new FixAt(FixKind.AiSystem, s.Key)))
            .ToList();
        if (systems.Count == 0)
        {
            missing.Add(new BlockingItem("No AI system is in scope: an AI management system needs its inventory before anything can be assessed.", new FixAt(FixKind.AiSystem, null)));
        }

        return new RequiredRecord("iso42001-2023:impact-assessments", "ISO/IEC 42001: approved, current impact assessment for every AI system in scope", missing);
    }

    private async Task<RequiredRecord> AuditProgrammeAsync(GapReport gaps, DateOnly today, CancellationToken cancellationToken)
    {
        var from = today.AddMonths(-ReadinessModel.RecordWindowMonths);
        var to = today.AddMonths(ReadinessModel.RecordWindowMonths);
        var scopes = await db.Audits.AsNoTracking().Where(a => a.PlannedEnd >= from && a.PlannedStart <= to).Select(a => a.ScopeJson).ToListAsync(cancellationToken);
        var covered = scopes.SelectMany(s => AuditJson.Scope(s).RequirementIds).ToHashSet(StringComparer.Ordinal);
        var open = gaps.Rows.Where(r => r.Result != RequirementResult.NotApplicable && !covered.Contains(r.Requirement.Id)).Select(r => r.Requirement.Ref).ToArray();
        var fix = new FixAt(FixKind.Audit, null);
        IReadOnlyList<BlockingItem> missing = scopes.Count == 0
            ? [new BlockingItem($"No internal audit is planned or held between {from:yyyy-MM-dd} and {to:yyyy-MM-dd}.", fix)]
            : open.Length > 0
                ? [new BlockingItem($"The audit programme leaves {open.Length} {gaps.Target.Name} requirements outside every audit's scope: {string.Join(", ", open.Take(8))}{(open.Length > 8 ? ", ..." : string.Empty)}.", fix)]
                : [];
        return new RequiredRecord(gaps.Target.Id + ":audit-programme", $"{gaps.Target.Name}: internal audit programme covering the full scope", missing);
    }

    /// <summary>
    /// A review held in the last twelve months, or a review cycle the organization has committed to in its answers
    /// (the management review procedure is generated from it): Stage 1 asks that the review is planned; Stage 2
    /// that it was held.
    /// </summary>
    private async Task<RequiredRecord> ReviewPlannedAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var since = today.AddMonths(-ReadinessModel.RecordWindowMonths);
        var held = await db.ManagementReviews.AsNoTracking().AnyAsync(m => m.HeldOn > since && m.HeldOn <= today, cancellationToken);
        var cycle = (await answers.HandleAsync(cancellationToken)).Answers.Has(ReviewCycleQuestion);
        IReadOnlyList<BlockingItem> missing = held || cycle ? []
            : [new BlockingItem($"No management review is on record since {since:yyyy-MM-dd} and none is planned: state the review cycle in the questionnaire ({ReviewCycleQuestion}) or record a review.", new FixAt(FixKind.Review, null))];
        return new RequiredRecord("management-review", "Management review held or planned", missing);
    }

    private const string ReviewCycleQuestion = "management_review.months";
}
