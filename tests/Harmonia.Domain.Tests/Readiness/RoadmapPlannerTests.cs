using System.Xml.Linq;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Readiness;

namespace Harmonia.Domain.Tests.Readiness;

public sealed class RoadmapPlannerTests
{
    private static readonly DateOnly Start = new(2026, 12, 1);

    private static readonly string[] SevenSteps =
        ["gap-analysis", "risk-methodology", "ai-documents", "ai-controls", "internal-audit", "management-review", "stage-1", "stage-2"];

    private static RoadmapPlan Acme() =>
        RoadmapPlanner.Plan(RoadmapSamples.AcmeIso42001(), RoadmapSamples.CertifiedIso27001(), Start, 1.5);

    [Fact]
    public void The_acme_sample_checks_its_copied_figures_against_the_gap_report()
    {
        var report = RoadmapSamples.AcmeIso42001();

        Assert.Equal(50.0, report.Headline.Clauses.Percent, 1);
        Assert.Equal(85.5, report.Effort.RemainingPersonDays, 1);
    }

    [Fact]
    public void A_mature_isms_reaches_stage_2_in_four_to_six_months()
    {
        var plan = Acme();

        Assert.False(plan.BaselineFirst);
        Assert.Equal(SevenSteps, plan.Tasks.Select(t => t.Id));
        Assert.InRange(plan.TotalMonths, 4.0, 6.0);
        Assert.Equal(Start, plan.Start);
        Assert.Equal(plan.Tasks[^1].End, plan.End);
    }

    [Fact]
    public void A_mature_isms_with_only_45_percent_of_the_ai_clauses_met_still_lands_in_four_to_six_months()
    {
        // Three partially satisfied clauses turned open: clauses 45.3 % met.
        var turned = 0;
        var rows = RoadmapSamples.Iso42001.Select(r =>
        {
            var result = r.Acme == 'P' && !r.Ref.StartsWith('A') && turned++ < 3 ? 'O' : r.Acme;
            return (r.Ref, r.Group, r.Effort, result, r.NoEquivalent);
        });
        var report = RoadmapSamples.Report("iso42001-2023", "ISO/IEC 42001:2023", rows, 240, 1.5);

        var plan = RoadmapPlanner.Plan(report, RoadmapSamples.CertifiedIso27001(), Start, 1.5);

        Assert.Equal(45.3, report.Headline.Clauses.Percent, 1);
        Assert.InRange(plan.TotalMonths, 4.0, 6.0);
        Assert.True(plan.End > Acme().End);
    }

    [Fact]
    public void With_neither_standard_the_plan_builds_iso_27001_first_and_takes_longer()
    {
        var plan = RoadmapPlanner.Plan(RoadmapSamples.GreenfieldIso42001(), RoadmapSamples.GreenfieldIso27001(), Start, 1.0);

        Assert.True(plan.BaselineFirst);
        Assert.All(plan.Tasks.Take(2), t =>
        {
            Assert.StartsWith("Implement ISO/IEC 27001:2022 first", t.Name, StringComparison.Ordinal);
            Assert.Equal(RoadmapStep.BaselineFirst, t.Step);
        });
        Assert.Equal(SevenSteps, plan.Tasks.Skip(2).Select(t => t.Id));
        Assert.Equal(["baseline-controls"], plan.Tasks.Single(t => t.Id == "gap-analysis").DependsOn);
        Assert.True(plan.TotalMonths > 6.0, $"{plan.TotalMonths} months");
        Assert.True(plan.TotalMonths > Acme().TotalMonths + 3);
    }

    [Fact]
    public void Without_a_baseline_report_the_plan_is_the_seven_steps()
    {
        var plan = RoadmapPlanner.Plan(RoadmapSamples.GreenfieldIso42001(), null, Start, 1.0);

        Assert.False(plan.BaselineFirst);
        Assert.Equal(SevenSteps, plan.Tasks.Select(t => t.Id));
    }

    [Fact]
    public void Every_task_starts_after_what_it_depends_on_and_documents_and_controls_run_side_by_side()
    {
        var plan = Acme();
        var byId = plan.Tasks.ToDictionary(t => t.Id);

        Assert.All(plan.Tasks, t =>
        {
            Assert.All(t.DependsOn, d => Assert.True(t.Start > byId[d].End, $"{t.Id} starts before {d} ends"));
            Assert.True(WorkingDays.IsWorkingDay(t.Start) && WorkingDays.IsWorkingDay(t.End), t.Id);
            Assert.Equal(t.WorkingDays, WorkingDays.Between(t.Start, t.End));
        });
        Assert.Equal(["risk-methodology"], byId["ai-documents"].DependsOn);
        Assert.Equal(["risk-methodology"], byId["ai-controls"].DependsOn);
        Assert.Equal(byId["ai-documents"].Start, byId["ai-controls"].Start);
        Assert.Equal(["ai-documents", "ai-controls"], byId["internal-audit"].DependsOn);
    }

    [Fact]
    public void Stage_2_waits_the_weeks_a_certification_body_leaves_after_stage_1()
    {
        var plan = Acme();
        var stage1 = plan.Tasks.Single(t => t.Id == "stage-1");
        var stage2 = plan.Tasks.Single(t => t.Id == "stage-2");

        Assert.Equal(RoadmapPlanner.StageGapWorkingDays + 2, WorkingDays.Between(stage1.End, stage2.Start));
        Assert.Equal(RoadmapStep.Certification, stage2.Step);
    }

    [Fact]
    public void Effort_comes_from_the_open_rows_grouped_by_step()
    {
        var report = RoadmapSamples.AcmeIso42001();
        var plan = Acme();
        var risk = plan.Tasks.Single(t => t.Id == "risk-methodology");

        Assert.Contains("iso42001-2023:6.1.4", risk.RequirementIds);
        Assert.Contains("iso42001-2023:A.5.2", risk.RequirementIds);
        Assert.Contains("iso42001-2023:8.4", risk.RequirementIds);
        // The internal audit (4) and the review (1.5) add their own fixed work to what the rows leave open.
        var fromRows = plan.Tasks.Where(t => t.Id is "risk-methodology" or "ai-documents" or "ai-controls" or "internal-audit" or "management-review")
            .Sum(t => t.EffortPersonDays) - 4 - 1.5;
        Assert.InRange(fromRows - report.Effort.RemainingPersonDays, -0.2, 0.2);
        Assert.DoesNotContain(plan.Tasks.SelectMany(t => t.RequirementIds), id => report.Rows.Single(r => r.Requirement.Id == id).Result == Domain.Gaps.RequirementResult.Satisfied);
    }

    [Theory]
    [InlineData("6.1.2", RequirementKind.Clause, RoadmapStep.RiskMethodology)]
    [InlineData("8.4", RequirementKind.Clause, RoadmapStep.RiskMethodology)]
    [InlineData("A.5.4", RequirementKind.Control, RoadmapStep.RiskMethodology)]
    [InlineData("5.2", RequirementKind.Clause, RoadmapStep.AiDocuments)]
    [InlineData("7.5.3", RequirementKind.Clause, RoadmapStep.AiDocuments)]
    [InlineData("A.2.2", RequirementKind.Control, RoadmapStep.AiDocuments)]
    [InlineData("A.7.4", RequirementKind.Control, RoadmapStep.AiControls)]
    [InlineData("9.1", RequirementKind.Clause, RoadmapStep.AiControls)]
    [InlineData("9.2.2", RequirementKind.Clause, RoadmapStep.InternalAudit)]
    [InlineData("10.2", RequirementKind.Clause, RoadmapStep.InternalAudit)]
    [InlineData("9.3.2", RequirementKind.Clause, RoadmapStep.ManagementReview)]
    public void Requirements_fall_into_the_step_that_does_their_work(string reference, RequirementKind kind, RoadmapStep expected)
    {
        var requirement = new Requirement("x:" + reference, "x", reference, "T", "g", kind, "S", "E", 1);

        Assert.Equal(expected, RoadmapSteps.StepOf(requirement));
    }

    [Fact]
    public void More_capacity_never_makes_the_plan_longer_and_no_capacity_is_refused()
    {
        var report = RoadmapSamples.AcmeIso42001();

        Assert.True(RoadmapPlanner.Plan(report, null, Start, 3.0).End < RoadmapPlanner.Plan(report, null, Start, 1.5).End);
        Assert.Throws<ArgumentOutOfRangeException>(() => RoadmapPlanner.Plan(report, null, Start, 0));
    }

    [Fact]
    public void Named_owners_are_put_on_their_roles_tasks()
    {
        var owners = new Dictionary<string, string> { ["Risk manager"] = "Dana Weber", ["Internal auditor"] = "Ali Khan" };

        var plan = RoadmapPlanner.Plan(RoadmapSamples.AcmeIso42001(), null, Start, 1.5, owners);

        Assert.Equal("Dana Weber", plan.Tasks.Single(t => t.Id == "risk-methodology").Owner);
        Assert.Equal("Ali Khan", plan.Tasks.Single(t => t.Id == "internal-audit").Owner);
        Assert.Null(plan.Tasks.Single(t => t.Id == "gap-analysis").Owner);
        Assert.All(plan.Tasks, t => Assert.False(string.IsNullOrWhiteSpace(t.OwnerRole)));
    }

    [Fact]
    public void A_weekend_start_moves_to_monday()
    {
        var plan = RoadmapPlanner.Plan(RoadmapSamples.AcmeIso42001(), null, new DateOnly(2026, 11, 28), 1.5);

        Assert.Equal(new DateOnly(2026, 11, 30), plan.Start);
        Assert.Equal(plan.Start, plan.Tasks[0].Start);
    }

    [Fact]
    public void The_timeline_is_well_formed_svg_with_a_bar_per_task_month_ticks_and_no_script()
    {
        var plan = RoadmapPlanner.Plan(
            RoadmapSamples.GreenfieldIso42001(), RoadmapSamples.GreenfieldIso27001("R&D <standard> \"27001\""), Start, 1.0,
            new Dictionary<string, string> { ["Top management"] = "Board & CEO" });

        var svg = RoadmapTimelineSvg.Draw(plan);
        var document = XDocument.Parse(svg);

        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", document.Root!.Name);
        var texts = document.Descendants(ns + "text").Select(t => t.Value).ToArray();
        Assert.All(plan.Tasks, t => Assert.Contains(texts, x => x.EndsWith(t.Name, StringComparison.Ordinal)));
        Assert.Contains(texts, x => x.Contains("Implement R&D <standard> \"27001\" first", StringComparison.Ordinal));
        Assert.Equal(plan.Tasks.Count, document.Descendants(ns + "rect").Count());
        Assert.Contains("Dec 2026", texts);
        Assert.True(document.Descendants(ns + "line").Count() >= 6);
        Assert.Contains(document.Descendants(ns + "title"), t => t.Value.Contains("Board & CEO", StringComparison.Ordinal));
        Assert.DoesNotContain("script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(document.Descendants().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
    }
}
