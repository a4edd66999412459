using Harmonia.Domain.Work;

namespace Harmonia.Domain.Tests.Work;

public sealed class DueWorkTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly Guid Dana = Guid.NewGuid();
    private static readonly OwnerMatcher Owners = new([new MemberName(Dana, "dana@acme.example", "Dana Weber")]);

    [Fact]
    public void Reasons_say_how_far_off_or_past_the_date_is_with_the_cause_after_a_colon()
    {
        Assert.Equal("review of risk R-12 overdue by 3 days", DueWork.Reason(new DueFact(WorkModule.Risks, "a", "review of risk R-12", Today.AddDays(-3)), Today));
        Assert.Equal("review of risk R-12 overdue by 1 day", DueWork.Reason(new DueFact(WorkModule.Risks, "a", "review of risk R-12", Today.AddDays(-1)), Today));
        Assert.Equal("review of risk R-12 due today", DueWork.Reason(new DueFact(WorkModule.Risks, "a", "review of risk R-12", Today), Today));
        Assert.Equal("review of risk R-12 due tomorrow", DueWork.Reason(new DueFact(WorkModule.Risks, "a", "review of risk R-12", Today.AddDays(1)), Today));
        Assert.Equal("evidence 'Pen test 2026' expires in 14 days", DueWork.Reason(new DueFact(WorkModule.Evidence, "e", "evidence 'Pen test 2026'", Today.AddDays(14), DueTiming.Expires), Today));
        Assert.Equal("evidence 'Pen test 2026' expired 2 days ago", DueWork.Reason(new DueFact(WorkModule.Evidence, "e", "evidence 'Pen test 2026'", Today.AddDays(-2), DueTiming.Expires), Today));
        Assert.Equal("evidence 'Pen test 2026' expires today", DueWork.Reason(new DueFact(WorkModule.Evidence, "e", "evidence 'Pen test 2026'", Today, DueTiming.Expires), Today));
        Assert.Equal(
            "impact assessment of AI-02 due today: model type changed since v1",
            DueWork.Reason(new DueFact(WorkModule.AiSystems, "i", "impact assessment of AI-02", Today, Cause: "model type changed since v1"), Today));
    }

    [Fact]
    public void Windows_are_overdue_before_today_this_week_for_the_next_seven_days_and_later_after()
    {
        Assert.Equal(DueWindow.Overdue, DueWork.Window(Today.AddDays(-1), Today));
        Assert.Equal(DueWindow.ThisWeek, DueWork.Window(Today, Today));
        Assert.Equal(DueWindow.ThisWeek, DueWork.Window(Today.AddDays(6), Today));
        Assert.Equal(DueWindow.Later, DueWork.Window(Today.AddDays(7), Today));
    }

    [Fact]
    public void Owners_resolve_to_members_when_the_text_allows_and_a_named_member_wins_over_the_text()
    {
        var other = Guid.NewGuid();
        var items = DueWork.Derive(
            [
                new DueFact(WorkModule.Risks, "b", "review of risk R-2", Today.AddDays(2), OwnerText: "Dana Weber"),
                new DueFact(WorkModule.Risks, "a", "review of risk R-1", Today.AddDays(2), OwnerText: "CISO"),
                new DueFact(WorkModule.Documents, "c", "acknowledgement of 'AI policy' 1.0", Today.AddDays(-5), OwnerText: "someone@else.example", OwnerMemberId: other),
            ],
            Owners,
            Today);

        // Sorted by date, then by what is due (then id), so the order is stable for the pages and the feed.
        Assert.Equal(["c", "a", "b"], items.Select(i => i.Id));
        Assert.Equal(other, items[0].AssigneeId);
        Assert.Null(items[1].AssigneeId);
        Assert.Equal("CISO", items[1].OwnerText);
        Assert.Equal(Dana, items[2].AssigneeId);
        Assert.Equal(DueWindow.Overdue, items[0].Window);
    }
}
