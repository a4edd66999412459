using Harmonia.App.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.App.Features.Accounts;

public static class AccountRegistration
{
    /// <summary>Identity with the product's password and lockout policy, stored in <see cref="HarmoniaDbContext"/>.</summary>
    public static IdentityBuilder AddHarmoniaAccounts(this IServiceCollection services)
    {
        services.AddScoped<CreateUserHandler>();
        services.AddScoped<CreateOrganizationHandler>();
        services.AddScoped<ListMyOrganizationsHandler>();
        services.AddScoped<AddMemberHandler>();
        services.AddScoped<RemoveMemberHandler>();
        services.AddScoped<CreateAccessTokenHandler>();
        services.AddScoped<AuthenticateAccessTokenHandler>();
        services.AddSingleton<TokenAddressesSeen>();
        services.AddScoped<RevokeAccessTokenHandler>();
        services.AddScoped<SecurityLog>();
        services.AddScoped<ListSecurityEventsHandler>();
        services.AddScoped<SetAccountDisabledHandler>();
        services.AddScoped<ChangePassphraseHandler>();
        services.AddScoped<IssueResetLinkHandler>();
        services.AddScoped<UseResetLinkHandler>();
        services.AddScoped<InviteMemberHandler>();
        services.AddScoped<ListInvitationsHandler>();
        services.AddScoped<RevokeInvitationHandler>();
        services.AddScoped<ListMyInvitationsHandler>();
        services.AddScoped<AnswerInvitationHandler>();
        services.AddScoped<SignUpHandler>();
        services.AddScoped<ExternalAccountHandler>();
        services.AddScoped<ApplyMappedRoleHandler>();
        services.AddScoped<SetLocalPasswordsHandler>();
        services.AddScoped<BreakGlassHandler>();
        services.AddScoped<RecordBreakGlassHandler>();
        services.AddOptions<AccountOptions>();
        return services.AddIdentityCore<HarmoniaUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Password.RequiredUniqueChars = 6;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<HarmoniaDbContext>();
    }
}
