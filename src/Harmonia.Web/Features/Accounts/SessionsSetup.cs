using System.Security.Claims;
using Harmonia.App.Features.Accounts;
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

                return Task.CompletedTask;
            };
        });
        return services;
    }
}
