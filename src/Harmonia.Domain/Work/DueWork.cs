using System.Text.Json.Serialization;

namespace Harmonia.Domain.Work;

/// <summary>The business area a piece of due work comes from (the module a user would name).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkModule>))]
public enum WorkModule
{
    AiSystems,
    Risks,
    Audits,
    Reviews,
    Documents,
    Evidence,
    Objectives,
    Suppliers,
    Certification,
    Recurring,
}

/// <summary>How the reason speaks about the date: something is due, or something stops being valid.</summary>
public enum DueTiming
{
    Due,
    Expires,
}

/// <summary>Where an item stands against today: overdue, within the next seven days, or later.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DueWindow>))]
public enum DueWindow
{
    Overdue,
    ThisWeek,
    Later,
}

/// <summary>One date a module's own data says falls due, before owners are resolved and the reason is worded for a day.</summary>
/// <param name="Id">Stable for the same obligation across derivations (calendar UIDs are made from it).</param>
/// <param name="What">The obligation in words, e.g. "review of risk R-12" or "evidence 'Pen test 2026'".</param>
/// <param name="OwnerText">The owner as the record holds it (free text today).</param>
/// <param name="OwnerMemberId">Set when the record already names a member (a risk owner's account, the person who must acknowledge).</param>
/// <param name="Cause">Why it falls due, when the date alone does not say it ("model type changed since v1").</param>
/// <param name="Link">The page of the record, relative to the organization.</param>
/// <param name="OwnedBy">The record whose owner the item belongs to, as "subject:id" ("control:…", "corrective-action:…").</param>
public sealed record DueFact(
    WorkModule Module,
    string Id,
    string What,
    DateOnly DueOn,
    DueTiming Timing = DueTiming.Due,
    string? OwnerText = null,
    Guid? OwnerMemberId = null,
    string? Cause = null,
    string? Link = null,
    string? OwnedBy = null);

/// <summary>An open item of due work: the obligation, its date, the reason in words, and whose it is.</summary>
/// <param name="AssigneeId">The member it belongs to; null when unassigned (then <see cref="OwnerText"/> says who the record names).</param>
public sealed record DueWorkItem(
    WorkModule Module,
    string Id,
    string What,
    DateOnly DueOn,
    DueWindow Window,
    string Reason,
    Guid? AssigneeId,
    string? OwnerText,
    string? Link,
    string? OwnedBy = null);

/// <summary>
/// Turns the dates the modules hold into due work for one day: every fact becomes one item with its window, its
/// reason in a compliance manager's words and its owner resolved to a member where the text allows it. Pure, so the
/// page, the API, the calendar feed and the benchmark all get the same answer for the same data and day.
/// </summary>
public static class DueWork
{
    /// <summary>Items due within this many days from today (today included) are "this week".</summary>
    public const int WeekDays = 7;

    public static IReadOnlyList<DueWorkItem> Derive(IEnumerable<DueFact> facts, OwnerMatcher owners, DateOnly today)
    {
        var items = new List<DueWorkItem>();
        foreach (var fact in facts)
        {
            var assignee = fact.OwnerMemberId ?? owners.Resolve(fact.OwnerText);
            items.Add(new DueWorkItem(fact.Module, fact.Id, fact.What, fact.DueOn, Window(fact.DueOn, today), Reason(fact, today), assignee, fact.OwnerText, fact.Link, fact.OwnedBy));
        }

        items.Sort(static (a, b) =>
        {
            var byDate = a.DueOn.CompareTo(b.DueOn);
            var byWhat = byDate != 0 ? byDate : string.CompareOrdinal(a.What, b.What);
            return byWhat != 0 ? byWhat : string.CompareOrdinal(a.Id, b.Id);
        });
        return items;
    }

    public static DueWindow Window(DateOnly dueOn, DateOnly today) =>
        dueOn < today ? DueWindow.Overdue : dueOn < today.AddDays(WeekDays) ? DueWindow.ThisWeek : DueWindow.Later;

    /// <summary>"review of risk R-12 overdue by 3 days", "evidence 'Pen test 2026' expires in 14 days", with the cause after a colon.</summary>
    public static string Reason(DueFact fact, DateOnly today)
    {
        var days = fact.DueOn.DayNumber - today.DayNumber;
        var when = fact.Timing switch
        {
            DueTiming.Expires => days switch
            {
                < 0 => $"expired {Days(-days)} ago",
                0 => "expires today",
                _ => $"expires in {Days(days)}",
            },
            _ => days switch
            {
                < 0 => $"overdue by {Days(-days)}",
                0 => "due today",
                1 => "due tomorrow",
                _ => $"due in {Days(days)}",
            },
        };
        return fact.Cause is null ? $"{fact.What} {when}" : $"{fact.What} {when}: {fact.Cause}";
    }

    private static string Days(int n) => n == 1 ? "1 day" : $"{n} days";
}
