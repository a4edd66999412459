using System.Globalization;

namespace Harmonia.Domain.Work;

/// <summary>The kinds of reminder a person receives about due work.</summary>
public enum ReminderKind
{
    /// <summary>An item became theirs.</summary>
    Assigned,

    /// <summary>An item falls due within the person's notice period.</summary>
    DueSoon,

    /// <summary>An item passed its date (repeated at <see cref="ReminderRules.OverdueMarks"/>).</summary>
    Overdue,

    /// <summary>The weekly summary of the person's open items.</summary>
    Digest,

    /// <summary>Someone mentioned the person in a comment.</summary>
    Mention,

    /// <summary>The server stopped something on its own that an Owner must look at (a webhook that only failed).</summary>
    Alert,
}

/// <summary>What one person wants to be told by e-mail; the in-app inbox always receives every reminder.</summary>
/// <param name="DueSoonDays">How many days before the date the "due soon" reminder comes (1 to 60).</param>
/// <param name="DigestOnly">No single e-mails at all, only the weekly digest.</param>
public sealed record ReminderPreferences(bool Assigned, bool DueSoon, int DueSoonDays, bool Overdue, bool WeeklyDigest, bool DigestOnly)
{
    public static ReminderPreferences Default { get; } = new(Assigned: true, DueSoon: true, DueSoonDays: 7, Overdue: true, WeeklyDigest: true, DigestOnly: false);

    public const int MaxDueSoonDays = 60;

    /// <summary>Whether a reminder of this kind goes out by e-mail for this person.</summary>
    public bool Emails(ReminderKind kind) => kind switch
    {
        ReminderKind.Digest => WeeklyDigest,

        // Not a reminder of work: an integration stopped, and a week's wait for the digest is too long to hear of it.
        ReminderKind.Alert => true,
        _ when DigestOnly => false,
        ReminderKind.Assigned => Assigned,
        ReminderKind.DueSoon => DueSoon,
        ReminderKind.Overdue => Overdue,
        ReminderKind.Mention => true,
        _ => false,
    };
}

/// <summary>
/// One reminder a sweep wants to exist. <see cref="Key"/> names the occurrence and the threshold ("overdue:risk-review:…:
/// 20270105:7"), so storing it under a unique (organization, person, key) makes a reminder exist at most once, however
/// many sweeps on however many nodes ask for it.
/// </summary>
public sealed record WantedReminder(Guid Recipient, ReminderKind Kind, string Key, IReadOnlyList<DueWorkItem> Items);

/// <summary>
/// Which reminders the due work of one day calls for. Pure: the sweep, the tests that walk a quarter day by day and the
/// benchmark ask the same question and get the same answer.
/// </summary>
public static class ReminderRules
{
    /// <summary>Days past the date at which an overdue reminder comes: the day after, after a week, after a month.</summary>
    public static IReadOnlyList<int> OverdueMarks { get; } = [1, 7, 30];

    /// <summary>The weekly digest goes out on the first sweep of this day.</summary>
    public const DayOfWeek DigestDay = DayOfWeek.Monday;

    /// <summary>
    /// Every reminder today's items call for, for every assigned person. Unassigned items remind nobody (the overdue
    /// list shows them to managers). Only the highest overdue mark reached is asked for, so a server that was down
    /// for a week sends one "overdue by 7 days", not a burst of three.
    /// </summary>
    public static IReadOnlyList<WantedReminder> For(IReadOnlyList<DueWorkItem> items, DateOnly today, Func<Guid, ReminderPreferences> preferences)
    {
        var wanted = new List<WantedReminder>();
        foreach (var person in items.Where(i => i.AssigneeId is not null).GroupBy(i => i.AssigneeId!.Value))
        {
            var settings = preferences(person.Key);
            foreach (var item in person)
            {
                var days = item.DueOn.DayNumber - today.DayNumber;

                // An item that is already due soon or overdue when it becomes someone's is announced by that reminder alone.
                if (days > settings.DueSoonDays)
                {
                    wanted.Add(new WantedReminder(person.Key, ReminderKind.Assigned, $"assigned:{item.Id}", [item]));
                }

                if (days >= 0 && days <= settings.DueSoonDays)
                {
                    wanted.Add(new WantedReminder(person.Key, ReminderKind.DueSoon, $"due-soon:{item.Id}:{Day(item.DueOn)}:{settings.DueSoonDays}", [item]));
                }

                var mark = OverdueMarks.Where(m => -days >= m).DefaultIfEmpty(0).Max();
                if (mark > 0)
                {
                    wanted.Add(new WantedReminder(person.Key, ReminderKind.Overdue, $"overdue:{item.Id}:{Day(item.DueOn)}:{mark}", [item]));
                }
            }

            if (today.DayOfWeek == DigestDay)
            {
                var open = person.Where(i => i.Window != DueWindow.Later || i.DueOn.DayNumber - today.DayNumber <= 14).OrderBy(i => i.DueOn).ToArray();
                if (open.Length > 0)
                {
                    wanted.Add(new WantedReminder(person.Key, ReminderKind.Digest, $"digest:{Week(today)}", open));
                }
            }
        }

        return wanted;
    }

    /// <summary>The ISO week, e.g. "2027-W02", so a digest exists once per person and week.</summary>
    public static string Week(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}";
    }

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
