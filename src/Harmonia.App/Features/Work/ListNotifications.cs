using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

public sealed record NotificationDto(Guid Id, string Kind, string Subject, string Text, string? Link, DateTime CreatedUtc, DateTime? ReadUtc, string Email);

public sealed record NotificationPage(IReadOnlyList<NotificationDto> Items, int Unread, int PageNumber, int PageSize, int Total);

/// <summary>One person's inbox in the organization, newest first; only their own notifications, whatever their role.</summary>
public sealed class ListNotificationsHandler(HarmoniaDbContext db)
{
    public async Task<NotificationPage> HandleAsync(Guid userId, bool unreadOnly, PageRequest page, CancellationToken cancellationToken = default)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId && !n.Hidden);
        var unread = await mine.CountAsync(n => n.ReadUtc == null, cancellationToken);
        var selected = unreadOnly ? mine.Where(n => n.ReadUtc == null) : mine;
        var total = unreadOnly ? unread : await selected.CountAsync(cancellationToken);
        var items = await selected.OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(n => new NotificationDto(n.Id, n.Kind, n.Subject, n.Text, n.Link, n.CreatedUtc, n.ReadUtc, EmailWords(n.Mail)))
            .ToListAsync(cancellationToken);
        return new NotificationPage(items, unread, page.PageNumber, page.PageSize, total);
    }

    public Task<int> UnreadAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && !n.Hidden && n.ReadUtc == null, cancellationToken);

    public static string EmailWords(MailState state) => state switch
    {
        MailState.Pending or MailState.Sending => "e-mail on its way",
        MailState.Sent => "e-mailed",
        MailState.Failed => "e-mail failed",
        MailState.Uncertain => "e-mail may not have been sent",
        _ => "in the app only",
    };
}
