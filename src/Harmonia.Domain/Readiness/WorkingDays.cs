namespace Harmonia.Domain.Readiness;

/// <summary>Monday to Friday arithmetic; public holidays differ per site and are left to the people planning.</summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The date itself when it is a working day, else the next Monday.</summary>
    public static DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The working day <paramref name="days"/> working days after <paramref name="date"/> (0 = the date itself, moved to a working day).</summary>
    public static DateOnly Add(DateOnly date, int days)
    {
        date = OnOrAfter(date);
        for (var i = 0; i < days; i++)
        {
            date = OnOrAfter(date.AddDays(1));
        }

        return date;
    }

    /// <summary>Working days from <paramref name="start"/> to <paramref name="end"/>, both included.</summary>
    public static int Between(DateOnly start, DateOnly end)
    {
        var count = 0;
        for (var date = start; date <= end; date = date.AddDays(1))
        {
            count += IsWorkingDay(date) ? 1 : 0;
        }

        return count;
    }
}
