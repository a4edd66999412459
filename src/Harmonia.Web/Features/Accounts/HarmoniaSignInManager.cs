using System.Globalization;
using System.Security.Claims;
using Harmonia.App.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Harmonia.Web.Features.Accounts;

/// <summary>
/// Identity's sign-in with the product's rules: a disabled account cannot sign in and its sessions fail validation;
/// every session carries the time of its last sign-in or passphrase confirmation (for re-authentication); sign-ins,
/// failures, lockouts and recovery codes go into the account's security log.
/// </summary>
internal sealed class HarmoniaSignInManager(
    UserManager<HarmoniaUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<HarmoniaUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<HarmoniaUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<HarmoniaUser> confirmation,
    SecurityLog log,
    TimeProvider time,
    IServiceScopeFactory scopes)
    : SignInManager<HarmoniaUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>When the session's holder last proved who they are (Unix seconds): a sign-in or a passphrase confirmation.</summary>
    public const string AuthTimeClaim = "harmonia:auth-time";

    public override async Task<bool> CanSignInAsync(HarmoniaUser user) =>
        user.DisabledUtc is null && await base.CanSignInAsync(user);

    public override async Task<HarmoniaUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { DisabledUtc: null } user ? user : null;

    public override Task SignInWithClaimsAsync(HarmoniaUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        // Every sign-in, and every renewal after a passphrase confirmation, starts the re-authentication window anew.
        var claims = additionalClaims.Where(c => c.Type != AuthTimeClaim)
            .Append(new Claim(AuthTimeClaim, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)))
            .ToList();
        return base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    // Hashing a passphrase is the slow part of a sign-in. Without an account (or with one that is locked or disabled, where
    // Identity stops before the hash) the answer would come many times faster and tell anyone timing the form which
    // addresses have accounts. Verifying against a hash of a random passphrase does the same work and always fails.
    private static string? _unknownAccountHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

        VerifyAgainstNothing(password);
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(HarmoniaUser user, string password, bool lockoutOnFailure)
    {
        if (!await CanSignInAsync(user) || (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user)))
        {
            VerifyAgainstNothing(password);
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    public override async Task<SignInResult> PasswordSignInAsync(HarmoniaUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await RecordAsync(user, result, "passphrase");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (user is not null)
        {
            await RecordAsync(user, result, "authenticator code");
        }

        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (user is not null)
        {
            if (result.Succeeded)
            {
                log.Add(user.Id, SecurityEventKinds.RecoveryCodeUsed, address: Address(Context));
            }

            await RecordAsync(user, result, "recovery code");
        }

        return result;
    }

    private void VerifyAgainstNothing(string password)
    {
        var hasher = UserManager.PasswordHasher;
        _unknownAccountHash ??= hasher.HashPassword(new HarmoniaUser(), Guid.NewGuid().ToString("N"));
        _ = hasher.VerifyHashedPassword(new HarmoniaUser(), _unknownAccountHash, password);
    }

    /// <summary>The client address as the security log records it.</summary>
    public static string? Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    private async Task RecordAsync(HarmoniaUser user, SignInResult result, string how)
    {
        var kind = result switch
        {
            { Succeeded: true } => SecurityEventKinds.SignInSucceeded,
            { IsLockedOut: true } => SecurityEventKinds.LockedOut,
            { IsNotAllowed: true } => SecurityEventKinds.SignInRefused,

            // The passphrase was right; the second factor decides, and is recorded then.
            { RequiresTwoFactor: true } => null,
            _ => SecurityEventKinds.SignInFailed,
        };
        if (kind is not null)
        {
            await log.RecordAsync(user.Id, kind, "with " + how, Address(Context));
        }

        if (kind == SecurityEventKinds.SignInSucceeded)
        {
            await RecordBreakGlassAsync(user);
        }
    }

    // An Owner's passphrase sign-in where the organization has local passphrases off is break-glass (ADR 0034): each one
    // goes into that organization's audit trail, in a scope of its own per organization.
    private async Task RecordBreakGlassAsync(HarmoniaUser user)
    {
        IReadOnlyList<Guid> organizations;
        await using (var lookup = scopes.CreateAsyncScope())
        {
            organizations = await lookup.ServiceProvider.GetRequiredService<BreakGlassHandler>().OrganizationsAsync(user.Id);
        }

        foreach (var organization in organizations)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Harmonia.App.Persistence.AuditActor>().Name = "user:" + user.UserName;
            await scope.ServiceProvider.GetRequiredService<RecordBreakGlassHandler>().HandleAsync(organization, user.Id, Address(Context));
        }
    }
}
