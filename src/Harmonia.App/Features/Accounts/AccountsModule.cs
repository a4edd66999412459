using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Accounts;

public static class AccountsModule
{
    public static IServiceCollection AddAccountsModule(this IServiceCollection services)
    {
        services.AddScoped<ListMembersHandler>();
        services.AddScoped<ListAccessTokensHandler>();
        services.AddHarmoniaAccounts();
        return services;
    }
}
