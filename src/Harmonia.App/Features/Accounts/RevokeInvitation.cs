using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Accounts;

public sealed record RevokeInvitationRequest(Guid OrganizationId, Guid InvitationId, Guid ActingUserId, string? Address = null);

/// <summary>An Owner withdraws a pending invitation: its link stops working at once.</summary>
public sealed class RevokeInvitationHandler(HarmoniaDbContext db, TenantScope tenant, TimeProvider time, SecurityLog log)
{
    public async Task<MemberInvitation> HandleAsync(RevokeInvitationRequest request, CancellationToken cancellationToken = default)
    {
        tenant.Enter(request.OrganizationId);
        var invitation = await db.MemberInvitations.SingleOrDefaultAsync(i => i.Id == request.InvitationId, cancellationToken)
            ?? throw new NotFoundException("invitation", request.InvitationId);
        var now = time.GetUtcNow().UtcDateTime;
        if (invitation.Status != InvitationStatus.Pending || invitation.ExpiresUtc <= now)
        {
            throw new InvalidInputException($"Only a pending invitation can be revoked; this one is {InvitationFormat.StatusAt(invitation.Status, invitation.ExpiresUtc, now)}.");
        }

        invitation.Status = InvitationStatus.Revoked;
        invitation.AnsweredUtc = now;
        invitation.AnsweredByUserId = request.ActingUserId;
        log.Add(request.ActingUserId, SecurityEventKinds.InvitationRevoked, invitation.Email, request.Address, request.OrganizationId);
        await db.SaveChangesAsync(cancellationToken);
        return invitation;
    }
}
