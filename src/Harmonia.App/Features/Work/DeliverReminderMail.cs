using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Harmonia.App.Features.Work;

/// <summary>What one delivery pass did.</summary>
public sealed record MailDeliveryCounts(int Sent, int Retrying, int Failed, int Uncertain);

/// <summary>
/// Sends the organization's queued reminder e-mails. Each message is claimed by one atomic update before it is handed
/// to the SMTP server, so two nodes never send the same one; a refusal is retried with growing pauses and then shown
/// to the Owner as failed. A claim that outlives its node (a crash during the send) is marked uncertain and never
/// retried: the stricter promise is "never twice", and the Owner sees which messages may be missing.
/// </summary>
public sealed class DeliverReminderMailHandler(HarmoniaDbContext db, MailSettings mail, IMailSender sender, TimeProvider time)
{
    /// <summary>The pause after the first, second, ... failed attempt; after the last the message counts as failed.</summary>
    public static readonly IReadOnlyList<TimeSpan> Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12)];

    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);

    private const int PassSize = 200;

    public async Task<MailDeliveryCounts> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!mail.IsConfigured)
        {
            return new MailDeliveryCounts(0, 0, 0, 0);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var uncertain = await db.Notifications.Where(n => n.Mail == MailState.Sending && n.MailClaimedUntilUtc < now)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Mail, MailState.Uncertain).SetProperty(n => n.MailLastError, "The server stopped while sending this message; it may or may not have left, so it is not sent again."), cancellationToken);

        var due = await db.Notifications.AsNoTracking().Where(n => n.Mail == MailState.Pending && n.MailNextAttemptUtc <= now)
            .OrderBy(n => n.CreatedUtc).Take(PassSize).ToListAsync(cancellationToken);
        var people = due.Select(n => n.UserId).Distinct().ToArray();
        var recipients = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id) && u.DisabledUtc == null)
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToDictionaryAsync(u => u.Id, cancellationToken);

        int sent = 0, retrying = 0, failed = 0;
        foreach (var notification in due)
        {
            var claimed = await db.Notifications.Where(n => n.Id == notification.Id && n.Mail == MailState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Mail, MailState.Sending).SetProperty(n => n.MailClaimedUntilUtc, now + ClaimFor), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            if (!recipients.TryGetValue(notification.UserId, out var person) || person.Email is null)
            {
                await Finish(notification.Id, MailState.None, 0, null, "The person's account is disabled or has no address; the reminder stays in the app.", cancellationToken);
                continue;
            }

            try
            {
                var to = new MailboxAddress(string.IsNullOrWhiteSpace(person.DisplayName) ? null : person.DisplayName, person.Email);
                await sender.SendAsync(ReminderMessages.Mail(notification, mail.From!, to, mail), cancellationToken);
                await db.Notifications.Where(n => n.Id == notification.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.Mail, MailState.Sent).SetProperty(n => n.MailSentUtc, time.GetUtcNow().UtcDateTime)
                        .SetProperty(n => n.MailAttempts, notification.MailAttempts + 1).SetProperty(n => n.MailLastError, (string?)null), CancellationToken.None);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var attempts = notification.MailAttempts + 1;
                var giveUp = attempts > Backoff.Count;
                await Finish(notification.Id, giveUp ? MailState.Failed : MailState.Pending, attempts, giveUp ? null : now + Backoff[attempts - 1], Clip(e.Message), CancellationToken.None);
                if (giveUp)
                {
                    failed++;
                }
                else
                {
                    retrying++;
                }
            }
        }

        return new MailDeliveryCounts(sent, retrying, failed, uncertain);
    }

    private Task<int> Finish(Guid id, MailState state, int attempts, DateTime? next, string? error, CancellationToken cancellationToken) =>
        db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Mail, state).SetProperty(n => n.MailAttempts, attempts)
            .SetProperty(n => n.MailNextAttemptUtc, next).SetProperty(n => n.MailLastError, error).SetProperty(n => n.MailClaimedUntilUtc, (DateTime?)null), cancellationToken);

    private static string Clip(string text) => text.Length <= 1000 ? text : text[..1000];
}
