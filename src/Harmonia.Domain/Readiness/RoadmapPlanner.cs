using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Gaps;

namespace Harmonia.Domain.Readiness;

/// <summary>
/// Turns a gap report into the dated seven-step integration path (DESIGN.md "Certification readiness and roadmap").
/// Effort comes from the open rows of the report, scaled like <see cref="EffortModel"/>; duration from the team's
/// capacity, with a floor per task for what cannot be hurried (approvals, controls operating before they are audited,
/// the certification body's calendar).
/// </summary>
/// <remarks>
/// Calibration, measured by RoadmapPlannerTests on the shipped acme and greenfield samples (their gap results and the
/// catalog's effort figures copied into the test):
/// - Acme (240 people, ISO 27001 certified, 1.5 FTE): 42001 clauses 57.8 % met, 82.8 person-days open, plus the fixed
///   work below: 5.2 months from start to the Stage 2 audit, inside the 4–6 months practice reports for an
///   organization with a mature ISMS. Roughly 3.5 of those months are the work itself and 1.5 the audit cycle (audit
///   after the controls have run, review, Stage 1, a three-week wait, Stage 2), matching
///   <see cref="EffortModel.CertificationLeadMonths"/>.
/// - Greenfield (25 people, neither standard, 1 FTE): ISO 27001 is built first, and the plan takes 10.7
///   months; the same acme report with only 45 % of the clauses met stays under 6.
/// The floors and lags below are the knobs; the effort figures themselves are calibrated in docs/effort-model.md.
/// </remarks>
public static class RoadmapPlanner
{
    /// <summary>Working days in an average month (five-day weeks, before leave).</summary>
    public const double WorkingDaysPerMonth = 21;

    /// <summary>Working days (three weeks) the certification body leaves at least between Stage 1 and Stage 2, to fix what Stage 1 found.</summary>
    public const int StageGapWorkingDays = 15;

    /// <summary>Working days the last controls run before the internal audit samples them, included in the audit task.</summary>
    public const int ControlsOperatingWorkingDays = 10;

    public static RoadmapPlan Plan(
        GapReport target,
        GapReport? baseline,
        DateOnly startDate,
        double teamCapacityFte,
        IReadOnlyDictionary<string, string>? owners = null)
    {
        if (!(teamCapacityFte > 0) || double.IsInfinity(teamCapacityFte))
        {
            throw new ArgumentOutOfRangeException(nameof(teamCapacityFte), teamCapacityFte, "Team capacity must be a positive number of full-time equivalents.");
        }

        var baselineFirst = baseline is not null && baseline.Headline.Overall.Percent < GapAnalyzer.BaselineFirstThresholdPercent;
        var drafts = new List<TaskDraft>();
        if (baselineFirst)
        {
            drafts.AddRange(BaselineDrafts(baseline!));
        }

        drafts.AddRange(TargetDrafts(target, baselineFirst, drafts.Count > 0 ? drafts[^1].Id : null));
        return Schedule(drafts, WorkingDays.OnOrAfter(startDate), teamCapacityFte, owners, baselineFirst);
    }

    private static TaskDraft[] BaselineDrafts(GapReport baseline)
    {
        var name = baseline.Target.Name;
        var open = baseline.Rows.Where(r => r.IsOpen).ToArray();
        var clauses = open.Where(r => r.Requirement.Kind == RequirementKind.Clause).ToArray();
        var controls = open.Where(r => r.Requirement.Kind == RequirementKind.Control).ToArray();
        var factor = baseline.Effort.SizeFactor;
        return
        [
            new TaskDraft(
                "baseline-management-system", RoadmapStep.BaselineFirst, $"Implement {name} first: management-system clauses",
                $"Too little of {name} is in place to build on: set up its scope, policy, risk method, documented information, internal audit and management review, which the AI management system then reuses.",
                "ISMS manager", Effort(clauses, factor), [], 20, 0, null, Ids(clauses)),
            new TaskDraft(
                "baseline-controls", RoadmapStep.BaselineFirst, $"Implement {name} first: Annex A controls",
                "Put the information-security controls the risk treatment selects into operation and collect their evidence.",
                "Control owners", Effort(controls, factor), ["baseline-management-system"], 20, 0, null, Ids(controls)),
        ];
    }

    private static TaskDraft[] TargetDrafts(GapReport target, bool baselineFirst, string? after)
    {
        var factor = target.Effort.SizeFactor;
        var open = target.Rows.Where(r => r.IsOpen).ToLookup(r => RoadmapSteps.StepOf(r.Requirement));

        // Built on a fresh ISMS, the requirements the crosswalk relates to it are half done by the time the AI work
        // starts (what the acme sample shows for a mature ISMS); those with no equivalent stay whole.
        double StepEffort(RoadmapStep step) => Math.Round(open[step].Sum(r =>
            r.RemainingEffortDays * factor * (baselineFirst && r.NoEquivalents.Count == 0 ? 0.5 : 1.0)), 1);
        string[] StepIds(RoadmapStep step) => Ids(open[step]);

        var inferred = target.Rows.Count(r => r.Basis == ResultBasis.Inferred);
        var name = target.Target.Name;
        return
        [
            new TaskDraft(
                "gap-analysis", RoadmapStep.GapAnalysis, "Gap analysis",
                $"Confirm the {inferred} results the gap report inferred through the crosswalk, agree the scope and the AI systems in it, and plan the work.",
                "ISMS/AIMS manager", Math.Round(2 + (0.05 * inferred), 1), after is null ? [] : [after], 5, 0, null, []),
            new TaskDraft(
                "risk-methodology", RoadmapStep.RiskMethodology, "Extend the risk methodology",
                "Add the AI risk categories and acceptance criteria to the existing risk method, run the first AI risk assessment and treatment, and set up AI system impact assessments.",
                "Risk manager", StepEffort(RoadmapStep.RiskMethodology), ["gap-analysis"], 10, 0, null, StepIds(RoadmapStep.RiskMethodology)),
            new TaskDraft(
                "ai-documents", RoadmapStep.AiDocuments, "AI policy and documents",
                $"Write and approve the AI policy, the scope statement and the procedures {name} asks for, and extend the shared management-system procedures to AI.",
                "AI governance lead", StepEffort(RoadmapStep.AiDocuments), ["risk-methodology"], 10, 0, "build", StepIds(RoadmapStep.AiDocuments)),
            new TaskDraft(
                "ai-controls", RoadmapStep.AiControls, "AI controls",
                "Put the AI controls the Statement of Applicability includes into operation (data, life cycle, third parties, use of AI systems), measure them and collect evidence.",
                "AI system owners", StepEffort(RoadmapStep.AiControls), ["risk-methodology"], 15, 0, "build", StepIds(RoadmapStep.AiControls)),
            new TaskDraft(
                "internal-audit", RoadmapStep.InternalAudit, "Integrated internal audit",
                "Let the new controls run for a few weeks, then audit both standards in one internal audit and start corrective action on its findings.",
                "Internal auditor", StepEffort(RoadmapStep.InternalAudit) + 4, ["ai-documents", "ai-controls"], ControlsOperatingWorkingDays + 3, 0, null, StepIds(RoadmapStep.InternalAudit)),
            new TaskDraft(
                "management-review", RoadmapStep.ManagementReview, "Management review",
                "Hold one management review whose inputs cover both management systems, including the internal audit results, and record its decisions.",
                "Top management", StepEffort(RoadmapStep.ManagementReview) + 1.5, ["internal-audit"], 3, 0, null, StepIds(RoadmapStep.ManagementReview)),
            new TaskDraft(
                "stage-1", RoadmapStep.Certification, "Stage 1 audit",
                "The certification body reviews the documented information of both systems and whether they are ready for Stage 2.",
                "ISMS/AIMS manager", 2, ["management-review"], 2, 0, null, []),
            new TaskDraft(
                "stage-2", RoadmapStep.Certification, "Stage 2 audit",
                "After the weeks the certification body leaves to fix what Stage 1 found, it samples evidence that both systems work as described.",
                "ISMS/AIMS manager", 3, ["stage-1"], 3, StageGapWorkingDays, null, []),
        ];
    }

    private static RoadmapPlan Schedule(
        List<TaskDraft> drafts, DateOnly start, double teamCapacityFte, IReadOnlyDictionary<string, string>? owners, bool baselineFirst)
    {
        // One FTE gives the management system the productive days of EffortModel per month, spread over its working days.
        var perWorkingDay = teamCapacityFte * EffortModel.ProductiveDaysPerFteMonth / WorkingDaysPerMonth;
        var parallelEffort = drafts.Where(d => d.ParallelGroup is not null)
            .GroupBy(d => d.ParallelGroup!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(d => d.Effort), StringComparer.Ordinal);
        var scheduled = new Dictionary<string, RoadmapTask>(StringComparer.Ordinal);
        var tasks = new List<RoadmapTask>(drafts.Count);
        foreach (var draft in drafts)
        {
            // Tasks that run side by side share the team in proportion to their effort, so they end together.
            var share = draft.ParallelGroup is { } group && parallelEffort[group] > 0 ? draft.Effort / parallelEffort[group] : 1.0;
            var needed = draft.Effort > 0 ? (int)Math.Ceiling(draft.Effort / (perWorkingDay * share)) : 0;
            var days = Math.Max(draft.MinimumWorkingDays, needed);
            var begin = draft.DependsOn.Count == 0
                ? start
                : WorkingDays.Add(draft.DependsOn.Max(id => scheduled[id].End), 1 + draft.LagWorkingDays);
            var task = new RoadmapTask(
                draft.Id, draft.Step, draft.Name, draft.Description, draft.OwnerRole, owners?.GetValueOrDefault(draft.OwnerRole),
                draft.Effort, draft.DependsOn, begin, WorkingDays.Add(begin, days - 1), days, draft.RequirementIds);
            scheduled.Add(task.Id, task);
            tasks.Add(task);
        }

        return new RoadmapPlan(tasks, start, tasks.Max(t => t.End), teamCapacityFte, baselineFirst);
    }

    private static double Effort(IEnumerable<GapRow> rows, double factor) =>
        Math.Round(rows.Sum(r => r.RemainingEffortDays) * factor, 1);

    private static string[] Ids(IEnumerable<GapRow> rows) => rows.Select(r => r.Requirement.Id).ToArray();

    /// <param name="LagWorkingDays">Waiting after the dependencies end before the task can start.</param>
    /// <param name="ParallelGroup">Tasks with the same group run side by side.</param>
    private sealed record TaskDraft(
        string Id,
        RoadmapStep Step,
        string Name,
        string Description,
        string OwnerRole,
        double Effort,
        IReadOnlyList<string> DependsOn,
        int MinimumWorkingDays,
        int LagWorkingDays,
        string? ParallelGroup,
        string[] RequirementIds);
}
