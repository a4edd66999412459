using System.Globalization;

namespace Harmonia.Domain.Webhooks;

/// <summary>
/// When a webhook that only fails is switched off. A receiver that has answered nothing but errors for days is gone or
/// broken; sending on fills the log and hides the failures of webhooks that matter. The clock starts at the first failed
/// attempt after the last delivered message (or after the webhook was last switched on), so a receiver that still takes
/// some messages is never switched off, and one message retried for a day is not enough on its own: the default (five
/// days) outlasts the whole retry schedule several times. <see cref="Never"/> keeps every webhook on.
/// </summary>
public sealed class WebhookSwitchOffRule
{
    public static readonly WebhookSwitchOffRule Default = new(TimeSpan.FromDays(5));

    public static readonly WebhookSwitchOffRule Never = new(TimeSpan.Zero);

    public WebhookSwitchOffRule(TimeSpan after)
    {
        if (after < TimeSpan.Zero || after > TimeSpan.FromDays(90))
        {
            throw new ArgumentException("A webhook is switched off after failing for at most 90 days (zero: never).", nameof(after));
        }

        After = after;
    }

    /// <summary>How long a webhook fails without a single delivery before it is switched off; zero: never.</summary>
    public TimeSpan After { get; }

    /// <summary>The reason to switch the webhook off, in words, or null while it may go on.</summary>
    /// <param name="failingSinceUtc">The first failed attempt since the last delivery (or since it was switched on); null when nothing failed since.</param>
    /// <param name="failedMessages">The messages not delivered since then.</param>
    public string? Reason(DateTime? failingSinceUtc, DateTime nowUtc, int failedMessages)
    {
        if (After == TimeSpan.Zero || failingSinceUtc is not { } since || nowUtc - since < After)
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"Switched off automatically: every attempt since {since:yyyy-MM-dd HH:mm} UTC failed ({failedMessages} message{(failedMessages == 1 ? string.Empty : "s")} not delivered, nothing delivered for {Describe(nowUtc - since)}). Check the receiver, then switch the webhook on again; messages from while it was off are not sent.");
    }

    private static string Describe(TimeSpan span) => span.TotalDays >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(span.TotalDays):0} day{(span.TotalDays >= 2 ? "s" : string.Empty)}")
        : span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(span.TotalHours):0} hour{(span.TotalHours >= 2 ? "s" : string.Empty)}")
            : span.TotalMinutes >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(span.TotalMinutes):0} minute{(span.TotalMinutes >= 2 ? "s" : string.Empty)}")
                : "under a minute";
}
