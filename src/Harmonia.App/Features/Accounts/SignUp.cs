using Harmonia.App.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Harmonia.App.Features.Accounts;

/// <param name="InvitationToken">The secret of an invitation link: lets its invitee sign up with the invited address while sign-up is closed.</param>
public sealed record SignUpRequest(string Email, string Passphrase, string? InvitationToken = null, string? Address = null);

/// <summary>
/// Self-service sign-up that answers the same whether or not the address already has an account: the passphrase
/// policy is checked first for every address, then a new address gets its account and an existing one gets the same
/// passphrase hashing (so the work takes as long) and an entry in its security log instead. Neither signs anyone in:
/// the page sends both to the sign-in form with the same words. Where e-mail exists, the holder of an existing
/// account would be told by mail.
/// </summary>
public sealed class SignUpHandler(UserManager<HarmoniaUser> users, TimeProvider time, SecurityLog log, AnswerInvitationHandler invitations, IOptions<AccountOptions> options)
{
    public const string Closed = "Sign-up is not available here.";

    /// <summary>Whether the form is open to this request: sign-up allowed, or a pending invitation the invitee may sign up with.</summary>
    public async Task<bool> IsOpenAsync(string? invitationToken, string? email = null, CancellationToken cancellationToken = default)
    {
        if (options.Value.AllowSignUp)
        {
            return true;
        }

        if (!options.Value.AllowInviteeSignUp || invitationToken is null)
        {
            return false;
        }

        var link = await invitations.OpenAsync(invitationToken, cancellationToken);
        return link is { Refusal: null, Invitation: { } invitation }
            && (email is null || string.Equals(invitation.Email.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    public async Task HandleAsync(SignUpRequest request, CancellationToken cancellationToken = default)
    {
        var email = request.Email.Trim();
        if (!await IsOpenAsync(request.InvitationToken, email, cancellationToken))
        {
            throw new InvalidInputException(Closed);
        }

        // The policy does not depend on the account, so a weak passphrase is refused alike for every address.
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new HarmoniaUser { UserName = email, Email = email }, request.Passphrase);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["passphrase"] = [.. errors] });
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is null)
        {
            var user = new HarmoniaUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, CreatedUtc = time.GetUtcNow().UtcDateTime };
            var created = await users.CreateAsync(user, request.Passphrase);
            if (created.Succeeded)
            {
                await log.RecordAsync(user.Id, SecurityEventKinds.AccountCreated, "through sign-up", request.Address, cancellationToken);
                return;
            }

            // Only a new address can be malformed, so this refusal says nothing about existing accounts.
            if (!created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                throw new InvalidInputException(new Dictionary<string, string[]> { ["email"] = created.Errors.Select(e => e.Description).ToArray() });
            }

            // Someone signed up with the same address a moment earlier: from here on it is an existing account.
            existing = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("An account vanished during sign-up.");
        }

        _ = users.PasswordHasher.HashPassword(existing, request.Passphrase);
        await log.RecordAsync(existing.Id, SecurityEventKinds.SignUpForExistingAccount, "someone tried to create an account with this address; no e-mail is configured to tell you", request.Address, cancellationToken);
    }
}
