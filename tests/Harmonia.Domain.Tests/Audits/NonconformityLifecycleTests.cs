using Harmonia.Domain.Audits;
using Harmonia.Domain.Readiness;

namespace Harmonia.Domain.Tests.Audits;

public sealed class NonconformityLifecycleTests
{
    private static readonly DateOnly Raised = new(2026, 5, 20);

    private static Nonconformity Raise() => new(
        "NC-7", FindingGrade.MajorNonconformity, ["iso42001-2023:6.1.4"], "internal audit 2026-05",
        "No impact assessment for the CV screening system", Raised);

    private static Nonconformity Do(Nonconformity nc, NonconformityStep step)
    {
        var transition = NonconformityLifecycle.Apply(nc, step);
        Assert.True(transition.Succeeded, transition.Error);
        return transition.Nonconformity!;
    }

    private static string Refused(Nonconformity nc, NonconformityStep step)
    {
        var transition = NonconformityLifecycle.Apply(nc, step);
        Assert.False(transition.Succeeded);
        Assert.Null(transition.Nonconformity);
        return transition.Error!;
    }

    private static Nonconformity Analysed(bool withCorrection = true)
    {
        var nc = Raise();
        if (withCorrection)
        {
            nc = Do(nc, new RecordCorrection("CV screening paused until assessed", Raised));
        }

        return Do(nc, new AnalyseRootCause(
            ["The system was bought, not built", "Procurement does not trigger an assessment", "The procedure lists only in-house development as a trigger"],
            Raised.AddDays(3)));
    }

    private static Nonconformity Planned() => Do(Analysed(), new PlanActions(
        [
            new CorrectiveAction("CA-1", "Add procurement to the assessment triggers", "Dana Weber", Raised.AddDays(30)),
            new CorrectiveAction("CA-2", "Assess the CV screening system", "Ali Khan", Raised.AddDays(45)),
        ],
        Raised.AddDays(5)));

    private static Nonconformity Verified()
    {
        var nc = Do(Planned(), new CompleteAction("CA-1", Raised.AddDays(20)));
        nc = Do(nc, new CompleteAction("CA-2", Raised.AddDays(40)));
        return Do(nc, new VerifyEffectiveness(true, "Two purchases since then were assessed before use", "Maria Lopez", Raised.AddDays(90)));
    }

    [Fact]
    public void The_full_path_leads_from_open_to_closed()
    {
        var nc = Raise();
        Assert.Equal(NonconformityState.Open, nc.State);
        Assert.True(nc.IsOpenMajor);

        nc = Verified();
        Assert.Equal(NonconformityState.EffectivenessVerified, nc.State);
        nc = Do(nc, new CloseNonconformity(Raised.AddDays(91)));

        Assert.Equal(NonconformityState.Closed, nc.State);
        Assert.Equal(Raised.AddDays(91), nc.ClosedOn);
        Assert.False(nc.IsOpen);
        Assert.Equal("CV screening paused until assessed", nc.Correction);
        Assert.Equal("The procedure lists only in-house development as a trigger", nc.RootCause!.RootCause);
    }

    [Fact]
    public void The_correction_is_optional()
    {
        var nc = Analysed(withCorrection: false);

        Assert.Equal(NonconformityState.RootCauseAnalysed, nc.State);
        Assert.Null(nc.Correction);
        Assert.Contains("cannot record a correction unless it is open", Refused(nc, new RecordCorrection("late", Raised)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_five_whys_need_one_to_five_answers_and_the_last_is_the_root_cause()
    {
        Assert.Contains("at least one answer", Refused(Raise(), new AnalyseRootCause(["  ", ""], Raised)), StringComparison.Ordinal);
        Assert.Equal(
            "A 5-whys analysis holds at most 5 answers; 6 were given.",
            Refused(Raise(), new AnalyseRootCause(["1", "2", "3", "4", "5", "6"], Raised)));

        var nc = Do(Raise(), new AnalyseRootCause(["1", "2", "3", "4", "5"], Raised));
        Assert.Equal("5", nc.RootCause!.RootCause);
        nc = Do(nc, new AnalyseRootCause(["Refined cause"], Raised.AddDays(1)));
        Assert.Equal("Refined cause", nc.RootCause!.RootCause);
    }

    [Fact]
    public void Actions_need_a_root_cause_an_owner_and_a_due_date_not_in_the_past()
    {
        var action = new CorrectiveAction("CA-1", "Fix", "Dana Weber", Raised.AddDays(10));

        Assert.Contains("cannot plan corrective actions unless it is root-cause analysed", Refused(Raise(), new PlanActions([action], Raised)), StringComparison.Ordinal);
        Assert.Equal("Plan at least one corrective action.", Refused(Analysed(), new PlanActions([], Raised)));
        Assert.Contains("needs a description and an owner", Refused(Analysed(), new PlanActions([action with { Owner = " " }], Raised)), StringComparison.Ordinal);
        Assert.Contains("before it is planned", Refused(Analysed(), new PlanActions([action with { Due = Raised.AddDays(1) }], Raised.AddDays(5))), StringComparison.Ordinal);
        Assert.Contains("already exists", Refused(Planned(), new PlanActions([action], Raised.AddDays(6))), StringComparison.Ordinal);
    }

    [Fact]
    public void Verification_needs_every_action_done()
    {
        var nc = Do(Planned(), new CompleteAction("CA-1", Raised.AddDays(20)));

        Assert.Equal(NonconformityState.ActionsPlanned, nc.State);
        Assert.Equal(
            "Effectiveness can only be verified once every corrective action is done; still open: CA-2.",
            Refused(nc, new VerifyEffectiveness(true, "Looks fine", "Maria Lopez", Raised.AddDays(30))));
        Assert.Contains("already done", Refused(nc, new CompleteAction("CA-1", Raised.AddDays(21))), StringComparison.Ordinal);
        Assert.Contains("has no corrective action CA-9", Refused(nc, new CompleteAction("CA-9", Raised.AddDays(21))), StringComparison.Ordinal);
        Assert.Equal(NonconformityState.ActionsDone, Do(nc, new CompleteAction("CA-2", Raised.AddDays(22))).State);
    }

    [Fact]
    public void Closing_without_an_effective_verification_is_refused()
    {
        var done = Do(Do(Planned(), new CompleteAction("CA-1", Raised.AddDays(20))), new CompleteAction("CA-2", Raised.AddDays(21)));

        Assert.Equal(
            "NC-7 cannot be closed before a check has shown its corrective actions effective (it is with all actions done).",
            Refused(done, new CloseNonconformity(Raised.AddDays(30))));
        Assert.Contains("cannot be closed", Refused(Raise(), new CloseNonconformity(Raised)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_ineffective_verification_sends_it_back_to_planning_further_actions()
    {
        var done = Do(Do(Planned(), new CompleteAction("CA-1", Raised.AddDays(20))), new CompleteAction("CA-2", Raised.AddDays(21)));

        var nc = Do(done, new VerifyEffectiveness(false, "A new purchase went live unassessed", "Maria Lopez", Raised.AddDays(60)));

        Assert.Equal(NonconformityState.ActionsPlanned, nc.State);
        Assert.False(nc.Effectiveness!.Effective);
        Assert.Contains("cannot be closed", Refused(nc, new CloseNonconformity(Raised.AddDays(61))), StringComparison.Ordinal);
        nc = Do(nc, new PlanActions([new CorrectiveAction("CA-3", "Block unassessed AI in procurement", "Dana Weber", Raised.AddDays(80))], Raised.AddDays(61)));
        Assert.Equal(3, nc.Actions.Count);
    }

    [Fact]
    public void A_closed_nonconformity_reopens_to_planning_with_a_reason()
    {
        var closed = Do(Verified(), new CloseNonconformity(Raised.AddDays(91)));

        Assert.Equal("Say why the nonconformity is reopened.", Refused(closed, new ReopenNonconformity(" ", Raised.AddDays(120))));
        var nc = Do(closed, new ReopenNonconformity("Recurred at the 2027 audit", Raised.AddDays(120)));

        Assert.Equal(NonconformityState.ActionsPlanned, nc.State);
        Assert.Null(nc.ClosedOn);
        Assert.Equal(1, nc.Reopened);
        Assert.True(nc.IsOpenMajor);
        Assert.Equal(2, nc.Actions.Count);
        Assert.Contains("cannot reopen unless it is closed", Refused(nc, new ReopenNonconformity("again", Raised.AddDays(121))), StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_can_be_dated_before_the_nonconformity_was_raised()
    {
        Assert.Contains("was raised on 2026-05-20", Refused(Raise(), new RecordCorrection("fix", Raised.AddDays(-1))), StringComparison.Ordinal);
    }

    [Fact]
    public void Actions_past_their_due_date_and_not_done_are_overdue()
    {
        var nc = Planned();

        Assert.Equal(["CA-1"], nc.Actions.Where(a => a.IsOverdue(Raised.AddDays(31))).Select(a => a.Id));
    }

    [Fact]
    public void Open_nonconformities_feed_readiness_and_the_gap_override_and_closed_ones_do_not()
    {
        var closed = Do(Verified(), new CloseNonconformity(Raised.AddDays(91))) with { Id = "NC-6" };
        var minor = Raise() with { Id = "NC-8", Grade = FindingGrade.MinorNonconformity, RequirementIds = ["iso42001-2023:9.2.2", "iso27001-2022:9.2.2"] };

        var open = OpenNonconformities.From([Raise(), closed, minor]);

        Assert.Equal(["NC-7", "NC-8", "NC-8"], open.Select(o => o.Id));
        Assert.Equal(["iso42001-2023:9.2.2", "iso27001-2022:9.2.2"], open.Where(o => o.Id == "NC-8").Select(o => o.RequirementId));
        var overrides = OpenNonconformities.MajorNonconformityOverrides(open);
        Assert.Equal("Open major nonconformity NC-7 (internal audit 2026-05): No impact assessment for the CV screening system", Assert.Single(overrides).Reason);
    }
}
