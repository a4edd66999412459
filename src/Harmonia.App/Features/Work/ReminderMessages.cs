using System.Globalization;
using System.Net;
using System.Text;
using Harmonia.Domain.Work;
using MimeKit;

namespace Harmonia.App.Features.Work;

/// <summary>
/// The words of reminders: a subject, a plain-text body (the inbox entry and the e-mail's text part) and the HTML
/// part made from that same text, so the two never say different things.
/// </summary>
public static class ReminderMessages
{
    public sealed record Composed(string Subject, string Text, string Link);

    public static Composed Compose(WantedReminder reminder, Guid organizationId, string organization, DateOnly today)
    {
        var item = reminder.Items[0];
        var link = item.Link is null ? $"/orgs/{organizationId}/work" : $"/orgs/{organizationId}/{item.Link}";
        var (subject, lead) = reminder.Kind switch
        {
            ReminderKind.Assigned => ($"New for you: {item.What}, due {Day(item.DueOn)}", $"In {organization}, this is now yours: {Sentence(item.Reason)}"),
            ReminderKind.DueSoon => ($"Due soon: {item.Reason}", $"In {organization}, {Sentence(item.Reason)}"),
            ReminderKind.Overdue => ($"Overdue: {item.Reason}", $"In {organization}, {Sentence(item.Reason)} Please complete it, or tell whoever plans the work that the date must move."),
            _ => (Digest(reminder.Items, organization), $"Your open work in {organization} this week:"),
        };
        if (reminder.Kind == ReminderKind.Digest)
        {
            link = $"/orgs/{organizationId}/work";
            var lines = reminder.Items.Take(50).Select(i => $"- {Capital(i.Reason)} ({Day(i.DueOn)})");
            var more = reminder.Items.Count > 50 ? $"{Environment.NewLine}- and {reminder.Items.Count - 50} more on My work" : string.Empty;
            lead += Environment.NewLine + Environment.NewLine + string.Join(Environment.NewLine, lines) + more;
        }

        return new Composed(Clip(subject, 300), lead, link);
    }

    /// <summary>The e-mail: text and HTML parts, a Message-ID made from the notification so a resend would be recognisable.</summary>
    public static MimeMessage Mail(NotificationRecord notification, MailboxAddress from, MailboxAddress to, MailSettings settings)
    {
        var url = settings.Absolute(notification.Link);
        var preferences = settings.Absolute($"/orgs/{notification.OrganizationId}/reminders");
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Hello {to.Name ?? to.Address},").AppendLine()
            .AppendLine(notification.Text).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Open it in Harmonia: {url}").AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"You receive this because the work is assigned to you. Choose which reminders reach you by e-mail: {preferences}")
            .ToString();
        var body = new BodyBuilder { TextBody = text, HtmlBody = Html(to.Name ?? to.Address, notification.Text, url, preferences) };
        var message = new MimeMessage { Subject = notification.Subject, Body = body.ToMessageBody(), MessageId = $"{notification.Id:N}@harmonia", Date = new DateTimeOffset(notification.CreatedUtc, TimeSpan.Zero) };
        message.From.Add(from);
        message.To.Add(to);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    private static string Html(string name, string text, string url, string preferences)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        html.Append(CultureInfo.InvariantCulture, $"<p>Hello {Encode(name)},</p>");
        var inList = false;
        foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                html.Append(inList ? string.Empty : "<ul>").Append(CultureInfo.InvariantCulture, $"<li>{Encode(line[2..])}</li>");
                inList = true;
                continue;
            }

            if (inList)
            {
                html.Append("</ul>");
                inList = false;
            }

            if (line.Length > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(line)}</p>");
            }
        }

        html.Append(inList ? "</ul>" : string.Empty)
            .Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(url)}\">Open it in Harmonia</a></p>")
            .Append(CultureInfo.InvariantCulture, $"<p style=\"color:#555;font-size:small\">You receive this because the work is assigned to you. <a href=\"{Encode(preferences)}\">Choose which reminders reach you by e-mail</a>.</p>")
            .Append("</body></html>");
        return html.ToString();
    }

    private static string Digest(IReadOnlyList<DueWorkItem> items, string organization)
    {
        var overdue = items.Count(i => i.Window == DueWindow.Overdue);
        var week = items.Count(i => i.Window == DueWindow.ThisWeek);
        var later = items.Count - overdue - week;
        var parts = new List<string>();
        if (overdue > 0)
        {
            parts.Add($"{overdue} overdue");
        }

        if (week > 0)
        {
            parts.Add($"{week} due this week");
        }

        if (later > 0)
        {
            parts.Add($"{later} coming up");
        }

        return $"Your week in {organization}: {string.Join(", ", parts)}";
    }

    private static string Sentence(string reason) => Capital(reason).TrimEnd('.') + ".";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
