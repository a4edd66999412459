using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Accounts;

public static class AccountsModule
{
    public const int PassphraseIterations = 210_000;

    public static IServiceCollection AddAccountsModule(this IServiceCollection services)
    {
        services.AddScoped<ListMembersHandler>();
        services.AddScoped<ListAccessTokensHandler>();
        services.AddHarmoniaAccounts();

        // PBKDF2-HMAC-SHA512 at OWASP's current figure (Identity's default is 100,000). Hashes made with fewer
        // iterations still verify and are rehashed at the next sign-in; the unknown-account hash follows the same setting.
        services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = PassphraseIterations);
        return services;
    }
}
