using Harmonia.Domain.Work;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Harmonia.App.Features.Work;

/// <summary>
/// Writes due work as an iCalendar (RFC 5545) feed: one all-day event per item on its due date. The UID is the
/// item's derived id, so a calendar application recognises the same obligation on every refresh and after the
/// address is regenerated, and updates it instead of adding a copy.
/// </summary>
public static class CalendarFeedWriter
{
    public const string UidDomain = "@harmonia";

    public static string Write(string title, IEnumerable<DueWorkItem> items, DateOnly today)
    {
        var calendar = new Calendar { ProductId = "-//Harmonia//Due work//EN" };
        calendar.AddProperty("X-WR-CALNAME", title);

        // The stamp is the day the feed was derived for, so two reads on one day give the same text.
        var stamp = new CalDateTime(today.Year, today.Month, today.Day, 0, 0, 0, "UTC");
        foreach (var item in items)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = item.Id + UidDomain,
                Summary = char.ToUpperInvariant(item.What[0]) + item.What[1..],
                Description = $"{item.Reason} (as of {today:yyyy-MM-dd}).\nOwner: {Owner(item)}",
                DtStart = new CalDateTime(item.DueOn),
                DtStamp = stamp,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static string Owner(DueWorkItem item) => item.AssigneeId is not null ? item.OwnerText ?? "assigned" : item.OwnerText is null ? "unassigned" : $"unassigned (the record names \"{item.OwnerText}\")";
}
