using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace Harmonia.App.Features.Work;

/// <summary>
/// Expands RFC 5545 rules with Ical.Net into the days an activity falls due. Rules run by the day at most: an hourly
/// rule is no management-system rhythm and would flood the due list, so it is refused.
/// </summary>
public static class RecurrenceSchedule
{
    public const int MaxRuleLength = 300;

    /// <summary>More occurrences than this in one window stop the expansion; a daily rule over a year stays below it.</summary>
    private const int MaxOccurrences = 400;

    private static readonly HashSet<FrequencyType> Allowed = [FrequencyType.Daily, FrequencyType.Weekly, FrequencyType.Monthly, FrequencyType.Yearly];

    /// <summary>Null when the rule is usable; otherwise the sentence to show.</summary>
    public static string? Problem(string? rule)
    {
        var text = rule?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxRuleLength)
        {
            return $"A rule of 1 to {MaxRuleLength} characters is required, e.g. FREQ=MONTHLY;INTERVAL=3 for every quarter.";
        }

        try
        {
            var pattern = Pattern(text);
            return Allowed.Contains(pattern.Frequency) && pattern.Interval is >= 1 and <= 100
                ? null
                : "The rule repeats daily, weekly, monthly or yearly (FREQ=DAILY|WEEKLY|MONTHLY|YEARLY) with an INTERVAL from 1 to 100.";
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            return $"'{text}' is not an RFC 5545 rule; write e.g. FREQ=MONTHLY;INTERVAL=3 (quarterly) or FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31.";
        }
    }

    /// <summary>The rule's days from <paramref name="from"/> up to and including <paramref name="until"/>, the first on or after the start.</summary>
    public static IReadOnlyList<DateOnly> Between(string rule, DateOnly startsOn, DateOnly from, DateOnly until) =>
        Days(rule, startsOn, from).TakeWhile(d => d <= until).Take(MaxOccurrences).ToArray();

    /// <summary>The next <paramref name="count"/> days on or after <paramref name="from"/>.</summary>
    public static IReadOnlyList<DateOnly> Next(string rule, DateOnly startsOn, DateOnly from, int count) =>
        Days(rule, startsOn, from).Take(Math.Min(count, MaxOccurrences)).ToArray();

    private static IEnumerable<DateOnly> Days(string rule, DateOnly startsOn, DateOnly from)
    {
        var calendarEvent = new CalendarEvent { DtStart = new CalDateTime(startsOn), RecurrenceRule = Pattern(rule.Trim()) };
        return calendarEvent.GetOccurrences(new CalDateTime(from < startsOn ? startsOn : from)).Select(o => DateOnly.FromDateTime(o.Period.StartTime.Value));
    }

    /// <summary>A rule as written in an iCalendar file ("RRULE:FREQ=...") or bare ("FREQ=...").</summary>
    private static RecurrencePattern Pattern(string text) =>
        new(text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase) ? text[6..] : text);
}
