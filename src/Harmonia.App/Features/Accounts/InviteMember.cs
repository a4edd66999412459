using System.Net.Mail;
using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Harmonia.App.Features.Accounts;

/// <param name="InviterRole">The caller's own role: only an Owner may offer the Owner role.</param>
/// <param name="ForEngagement">Set only by the engagement use case: the External auditor role is offered with an engagement, never on its own.</param>
/// <param name="EngagementEndsUtc">With an engagement: the invitation lapses when the auditor's access would end anyway.</param>
public sealed record InviteMemberRequest(Guid OrganizationId, string Email, OrganizationRole Role, Guid InviterUserId, OrganizationRole InviterRole, string? Address = null, bool ForEngagement = false, DateTime? EngagementEndsUtc = null);

/// <param name="Token">The secret for the invitation link: returned once, stored only as a hash.</param>
public sealed record IssuedInvitation(InvitationDto Invitation, string Token);

/// <summary>Either the role of a current member changed, or an invitation was issued; never both.</summary>
public sealed record InviteMemberResult(Membership? ChangedMember, IssuedInvitation? Invitation);

/// <summary>
/// Adding someone to an organization from the web: a current member's role changes at once (Owners see the member list
/// anyway); anyone else gets an invitation they accept or decline. The answer does not depend on whether an account
/// exists for the address, so the form cannot be used to find out who has one. A new invitation to the same address
/// replaces a pending one.
/// </summary>
public sealed class InviteMemberHandler(HarmoniaDbContext db, TenantScope tenant, TimeProvider time, SecurityLog log, IOptions<AccountOptions> options)
{
    public async Task<InviteMemberResult> HandleAsync(InviteMemberRequest request, CancellationToken cancellationToken = default)
    {
        var email = request.Email.Trim();
        if (email.Length is 0 or > 256 || !MailAddress.TryCreate(email, out var parsed) || !string.Equals(parsed.Address, email, StringComparison.Ordinal))
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["email"] = ["Give one e-mail address, like name@example.org."] });
        }

        if (request.Role == OrganizationRole.Owner && request.InviterRole != OrganizationRole.Owner)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["role"] = ["Only an Owner may offer the Owner role."] });
        }

        if (request.Role == OrganizationRole.ExternalAuditor && !request.ForEngagement)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["role"] = ["An external auditor is invited with an engagement (Certification, External audits), which sets what they may see and until when."] });
        }

        tenant.Enter(request.OrganizationId);
        var normalized = email.ToUpperInvariant();
        var membership = await db.Memberships
            .Where(m => db.Users.Any(u => u.Id == m.UserId && u.NormalizedEmail == normalized))
            .SingleOrDefaultAsync(cancellationToken);
        if (membership is not null)
        {
            await MemberRoles.ChangeAsync(db, log, membership, request.Role, request.Address, request.OrganizationId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new InviteMemberResult(membership, null);
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var earlier in await db.MemberInvitations.Where(i => i.NormalizedEmail == normalized && i.Status == InvitationStatus.Pending).ToListAsync(cancellationToken))
        {
            earlier.Status = InvitationStatus.Revoked;
            earlier.AnsweredUtc = now;
            earlier.AnsweredByUserId = request.InviterUserId;
        }

        var token = InvitationFormat.NewToken();
        var invitation = new MemberInvitation
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            NormalizedEmail = normalized,
            Role = request.Role,
            InvitedByUserId = request.InviterUserId,
            CreatedUtc = now,
            ExpiresUtc = request.ForEngagement && request.EngagementEndsUtc is { } ends && ends > now ? ends : now.AddDays(Math.Clamp(options.Value.InvitationDays, 1, 90)),
            Status = InvitationStatus.Pending,
            TokenHash = AccessTokenFormat.Hash(token),
        };
        db.MemberInvitations.Add(invitation);

        // Only the inviter's log: an entry on the invitee's account would show in the organization's trail whether one exists.
        log.Add(request.InviterUserId, SecurityEventKinds.InvitationSent, $"{email} as {request.Role}", request.Address, request.OrganizationId);
        await db.SaveChangesAsync(cancellationToken);

        var organization = await db.Organizations.Where(o => o.Id == request.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var inviter = await db.Users.Where(u => u.Id == request.InviterUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        return new InviteMemberResult(null, new IssuedInvitation(
            new InvitationDto(invitation.Id, request.OrganizationId, organization, email, request.Role.ToString(), "pending", now, invitation.ExpiresUtc, inviter, null),
            token));
    }
}
