using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Accounts;

/// <param name="InvitationId">From the invitee's list; another address's invitation answers 404.</param>
/// <param name="Token">From the link.</param>
public sealed record AnswerInvitationRequest(Guid UserId, bool Accept, Guid? InvitationId = null, string? Token = null, string? Address = null);

/// <summary>What the link shows before anyone answers: the invitation, or why it can no longer be used.</summary>
/// <param name="Invitation">Null when the link is unknown.</param>
/// <param name="Refusal">Null while the invitation can be answered.</param>
public sealed record InvitationLink(InvitationDto? Invitation, string? Refusal);

/// <summary>
/// The invitee's answer, chosen from their list (by id) or through the link (by its secret). Only an account whose
/// e-mail is the invited address may answer; accepting creates the membership with the offered role. Read across
/// organizations because the invitee is not a member yet.
/// </summary>
public sealed class AnswerInvitationHandler(HarmoniaDbContext db, TenantScope tenant, TimeProvider time, SecurityLog log)
{
    public const string UnknownLink = "This invitation link is not valid. Check that the whole link was copied, or ask an owner of the organization for a new one.";

    public const string OtherAddress = "This invitation is for another e-mail address. Sign in with the account for the address it was sent to, or create one for it.";

    /// <summary>The invitation behind a link, for the page that opens it.</summary>
    public async Task<InvitationLink> OpenAsync(string token, CancellationToken cancellationToken = default)
    {
        var invitation = await FindByTokenAsync(token, cancellationToken);
        if (invitation is null)
        {
            return new InvitationLink(null, UnknownLink);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var organization = await db.Organizations.Where(o => o.Id == invitation.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var inviter = await db.Users.Where(u => u.Id == invitation.InvitedByUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        return new InvitationLink(Invitations.View(invitation, organization, inviter, now), Invitations.Refusal(invitation, now));
    }

    public async Task<InvitationDto> HandleAsync(AnswerInvitationRequest request, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.UserId && u.DisabledUtc == null, cancellationToken)
            ?? throw new InvalidInputException("Your account cannot answer invitations.");
        MemberInvitation invitation;
        if (request.Token is { } token)
        {
            invitation = await FindByTokenAsync(token, cancellationToken) ?? throw new InvalidInputException(UnknownLink);
            if (invitation.NormalizedEmail != user.NormalizedEmail)
            {
                throw new InvalidInputException(OtherAddress);
            }
        }
        else
        {
            invitation = await db.MemberInvitations.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter])
                .SingleOrDefaultAsync(i => i.Id == request.InvitationId && i.NormalizedEmail == user.NormalizedEmail, cancellationToken)
                ?? throw new NotFoundException("invitation", request.InvitationId);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (Invitations.Refusal(invitation, now) is { } refusal)
        {
            throw new InvalidInputException(refusal);
        }

        tenant.Enter(invitation.OrganizationId);
        if (request.Accept)
        {
            if (await db.Memberships.SingleOrDefaultAsync(m => m.UserId == user.Id, cancellationToken) is { } existing)
            {
                throw new InvalidInputException($"You are already a member of this organization, as {existing.Role}. An owner changes roles under Settings; the invitation stays open until it expires or is revoked.");
            }

            db.Memberships.Add(new Membership { UserId = user.Id, Role = invitation.Role });
        }

        invitation.Status = request.Accept ? InvitationStatus.Accepted : InvitationStatus.Declined;
        invitation.AnsweredUtc = now;
        invitation.AnsweredByUserId = user.Id;
        log.Add(user.Id, request.Accept ? SecurityEventKinds.InvitationAccepted : SecurityEventKinds.InvitationDeclined, $"as {invitation.Role}", request.Address, invitation.OrganizationId);
        await db.SaveChangesAsync(cancellationToken);

        var organization = await db.Organizations.Where(o => o.Id == invitation.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        return Invitations.View(invitation, organization, null, now);
    }

    private async Task<MemberInvitation?> FindByTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (!InvitationFormat.LooksValid(token))
        {
            return null;
        }

        var hash = AccessTokenFormat.Hash(token);
        return await db.MemberInvitations.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
    }
}
