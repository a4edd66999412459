using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

public sealed record MailProblemDto(Guid Id, string Recipient, string Subject, string State, int Attempts, DateTime? NextAttemptUtc, string? Error, DateTime CreatedUtc);

/// <summary>The organization's reminder e-mails that failed, may be missing, or wait for another attempt (for the Owner).</summary>
public sealed class ListMailProblemsHandler(HarmoniaDbContext db)
{
    public async Task<IReadOnlyList<MailProblemDto>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.Mail == MailState.Failed || n.Mail == MailState.Uncertain || (n.Mail == MailState.Pending && n.MailAttempts > 0))
            .OrderByDescending(n => n.CreatedUtc).Take(200)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { n.Id, u.Email, n.Subject, n.Mail, n.MailAttempts, n.MailNextAttemptUtc, n.MailLastError, n.CreatedUtc })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MailProblemDto(r.Id, r.Email ?? string.Empty, r.Subject, State(r.Mail), r.MailAttempts, r.Mail == MailState.Pending ? r.MailNextAttemptUtc : null, r.MailLastError, r.CreatedUtc)).ToArray();
    }

    private static string State(MailState state) => state switch
    {
        MailState.Failed => "failed after every retry",
        MailState.Uncertain => "may not have been sent",
        _ => "waiting to be retried",
    };
}
