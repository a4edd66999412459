namespace Harmonia.Web.Features.Accounts;

public static class AccountsModule
{
    /// <summary>The module's API under /api (organization routes under /api/orgs/{orgId}) and its page forms.</summary>
    public static void MapAccounts(this WebApplication app, RouteGroupBuilder api, RouteGroupBuilder organization)
    {
        Platform.PublicLinks.Validate(app.Configuration);
        organization.MapMembersEndpoints();
        api.MapAccountEndpoints();
        app.MapMemberForms();
        app.MapInvitationForms();
        app.MapSingleSignOn();
        app.MapSignInSettingsForm();
    }
}
