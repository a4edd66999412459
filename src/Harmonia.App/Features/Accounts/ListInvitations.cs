using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Accounts;

/// <summary>The organization's invitations, newest first, for its Owners: pending, answered, revoked and expired.</summary>
public sealed class ListInvitationsHandler(HarmoniaDbContext db, TimeProvider time)
{
    public async Task<Page<InvitationDto>> HandleAsync(PageRequest page, bool pendingOnly = false, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var query = db.MemberInvitations.AsNoTracking();
        if (pendingOnly)
        {
            query = query.Where(i => i.Status == InvitationStatus.Pending && i.ExpiresUtc > now);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(i => i.CreatedUtc).ThenByDescending(i => i.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(i => new
            {
                Invitation = i,
                Organization = db.Organizations.Where(o => o.Id == i.OrganizationId).Select(o => o.Name).FirstOrDefault() ?? string.Empty,
                InvitedBy = db.Users.Where(u => u.Id == i.InvitedByUserId).Select(u => u.Email).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new Page<InvitationDto>(rows.Select(r => Invitations.View(r.Invitation, r.Organization, r.InvitedBy, now)).ToArray(), page.PageNumber, page.PageSize, total);
    }
}

internal static class Invitations
{
    public static InvitationDto View(MemberInvitation i, string organization, string? invitedBy, DateTime now) =>
        new(i.Id, i.OrganizationId, organization, i.Email, i.Role.ToString(), InvitationFormat.StatusAt(i.Status, i.ExpiresUtc, now), i.CreatedUtc, i.ExpiresUtc, invitedBy, i.AnsweredUtc);

    /// <summary>Why an invitation can no longer be answered, in words for the person holding it; null while it is open.</summary>
    public static string? Refusal(MemberInvitation i, DateTime now) => i.Status switch
    {
        InvitationStatus.Pending when i.ExpiresUtc <= now => $"This invitation expired on {i.ExpiresUtc:yyyy-MM-dd}. Ask an owner of the organization to invite you again.",
        InvitationStatus.Pending => null,
        InvitationStatus.Revoked => "This invitation was withdrawn by an owner of the organization (or replaced by a newer one). Ask them for a new one if you still need access.",
        _ => $"This invitation was already {i.Status.ToString().ToLowerInvariant()} on {i.AnsweredUtc:yyyy-MM-dd}; it cannot be used again.",
    };
}
