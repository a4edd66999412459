using Harmonia.Domain.Work;

namespace Harmonia.Domain.Tests.Work;

public sealed class ReminderPreferencesTests
{
    [Fact]
    public void Digest_only_stops_every_single_reminder_but_not_an_alert_that_something_was_switched_off()
    {
        var digestOnly = ReminderPreferences.Default with { DigestOnly = true };
        Assert.False(digestOnly.Emails(ReminderKind.Assigned));
        Assert.False(digestOnly.Emails(ReminderKind.DueSoon));
        Assert.False(digestOnly.Emails(ReminderKind.Overdue));
        Assert.False(digestOnly.Emails(ReminderKind.Mention));
        Assert.True(digestOnly.Emails(ReminderKind.Digest));
        Assert.True(digestOnly.Emails(ReminderKind.Alert));

        var nothing = new ReminderPreferences(Assigned: false, DueSoon: false, DueSoonDays: 7, Overdue: false, WeeklyDigest: false, DigestOnly: true);
        Assert.False(nothing.Emails(ReminderKind.Digest));
        Assert.True(nothing.Emails(ReminderKind.Alert));
        Assert.True(ReminderPreferences.Default.Emails(ReminderKind.Mention));
    }
}
