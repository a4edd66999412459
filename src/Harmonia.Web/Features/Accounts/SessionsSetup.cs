using System.Globalization;
using System.Security.Claims;
using Harmonia.App.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Harmonia.Web.Features.Accounts;

internal static class SessionsSetup
{
    /// <summary>
    /// The account rules from configuration ("Accounts") and the session checks: the security stamp is validated on
    /// every request, so signing out, disabling the account or changing the passphrase ends a session at once.
    /// </summary>
    public static IServiceCollection AddHarmoniaSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccountOptions>(configuration.GetSection("Accounts"));
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;

            // The validated session is issued again; it keeps the time of its last sign-in, not the time of the check.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(HarmoniaSignInManager.AuthTimeClaim) is { } authTime
                    && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(authTime.Type, authTime.Value));
                }

                // A session begun through a single sign-on provider stays one (ADR 0034: passphrases off, tied providers).
                if (context.CurrentPrincipal?.FindFirst(ClaimTypes.AuthenticationMethod) is { } method
                    && context.NewPrincipal?.Identity is ClaimsIdentity renewed && !renewed.HasClaim(c => c.Type == ClaimTypes.AuthenticationMethod))
                {
                    renewed.AddClaim(new Claim(method.Type, method.Value));
                }

                return Task.CompletedTask;
            };
        });

        // However active, a session ends this long after its holder last proved who they are (a sign-in or a passphrase
        // confirmation); the 8-hour sliding cookie alone would live for ever while used (ASVS 7.3.2).
        var maxHours = Math.Clamp(configuration.GetValue("Accounts:SessionMaxHours", DefaultSessionMaxHours), 1, 24 * 30);
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var validateStamp = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                if (context.Principal?.FindFirst(HarmoniaSignInManager.AuthTimeClaim)?.Value is { } value
                    && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                    && context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > TimeSpan.FromHours(maxHours))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await validateStamp(context);
            };
        });
        return services;
    }

    /// <summary>The absolute session lifetime unless <c>Accounts:SessionMaxHours</c> says otherwise: a long working day.</summary>
    public const int DefaultSessionMaxHours = 12;
}
