using System.Globalization;
using Harmonia.App.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Harmonia.Web.Features.Accounts;

/// <summary>
/// Sensitive actions (creating tokens, two-factor changes and recovery codes, member roles) need a sign-in within
/// the last Accounts:ReauthenticateAfterMinutes, or the passphrase typed again. A confirmed passphrase renews the
/// session's sign-in time. Access tokens have no sign-in time: the API asks for the passphrase with the request.
/// </summary>
internal static class Reauthentication
{
    public static bool IsRecent(HttpContext context)
    {
        var minutes = context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.ReauthenticateAfterMinutes;
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        // Zero (or less) asks every time.
        return minutes > 0
            && long.TryParse(context.User.FindFirst(HarmoniaSignInManager.AuthTimeClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && now - DateTimeOffset.FromUnixTimeSeconds(seconds) <= TimeSpan.FromMinutes(minutes);
    }

    public static string Message(HttpContext context) =>
        $"This action needs your passphrase again: you signed in more than {context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.ReauthenticateAfterMinutes} minutes ago.";

    /// <summary>
    /// Why a page form's sensitive change was not made: the passphrase is needed again, or the one typed is wrong. The
    /// page shows it beside the passphrase field; what else was typed comes back through the flash (ADR 0023).
    /// </summary>
    public static string Refusal(HttpContext context, IFormCollection form) =>
        string.IsNullOrEmpty(form["passphrase"].ToString())
            ? Message(context)
            : "That is not the passphrase you sign in with; nothing was changed. Type it again (repeated wrong passphrases lock the account for a while).";

    /// <summary>
    /// Checks the passphrase of the signed-in person (failures count towards lockout). With <paramref name="renewSession"/>
    /// the cookie session is issued again with a fresh sign-in time.
    /// </summary>
    public static async Task<bool> ConfirmAsync(HttpContext context, string? passphrase, bool renewSession)
    {
        if (string.IsNullOrEmpty(passphrase))
        {
            return false;
        }

        var signIn = context.RequestServices.GetRequiredService<SignInManager<HarmoniaUser>>();
        var user = await signIn.UserManager.GetUserAsync(context.User);
        if (user is null || !(await signIn.CheckPasswordSignInAsync(user, passphrase, lockoutOnFailure: true)).Succeeded)
        {
            return false;
        }

        context.RequestServices.GetRequiredService<SecurityLog>().Add(user.Id, SecurityEventKinds.PassphraseConfirmed, address: HarmoniaSignInManager.Address(context));
        await signIn.UserManager.UpdateAsync(user);
        if (renewSession)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return true;
    }

    /// <summary>For a page form: go on when the sign-in is recent or the form carries the right passphrase.</summary>
    public static async Task<bool> RecentOrConfirmedAsync(HttpContext context, IFormCollection form) =>
        IsRecent(context) || await ConfirmAsync(context, form["passphrase"].ToString(), renewSession: true);
}
