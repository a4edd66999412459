using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Certification;
using Harmonia.Web.Components.Shared;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Accounts;

/// <summary>
/// The invitee's answers from the pages: from "Your invitations" (by id) and from the invitation link (by its secret).
/// Both need a signed-in account whose e-mail is the invited address.
/// </summary>
internal static class InvitationForms
{
    public const string MyInvitations = "/account/invitations";

    public static void MapInvitationForms(this WebApplication app)
    {
        app.MapPost(MyInvitations + "/{invitationId:guid}/{answer:regex(^(accept|decline)$)}", (Guid invitationId, string answer, HttpContext http, AnswerInvitationHandler handler, CancellationToken ct) =>
                PageForms.Outcome(MyInvitations, async () => Answered(await handler.HandleAsync(
                    new AnswerInvitationRequest(CurrentUser.Id(http), answer == "accept", invitationId, Address: HarmoniaSignInManager.Address(http)), ct))))
            .RequireAuthorization()
            .ValidateFormAntiforgery();

        app.MapPost("/invitations/{token}/{answer:regex(^(accept|decline)$)}", (string token, string answer, HttpContext http, AnswerInvitationHandler handler, FindAuditorWorkspaceHandler workspace, CancellationToken ct) =>
                PageForms.Outcome(LinkPage(token), async () => await LandingAsync(await handler.HandleAsync(
                    new AnswerInvitationRequest(CurrentUser.Id(http), answer == "accept", Token: token, Address: HarmoniaSignInManager.Address(http)), ct), workspace, ct)))
            .RequireAuthorization()
            .ValidateFormAntiforgery();
    }

    public static string LinkPage(string token) => "/invitations/" + Uri.EscapeDataString(token);

    /// <summary>An external auditor's role opens only the engagement's workspace: that is where accepting leads.</summary>
    private static async Task<string> LandingAsync(InvitationDto invitation, FindAuditorWorkspaceHandler workspace, CancellationToken ct)
    {
        if (invitation.Status != "accepted" || invitation.Role != nameof(OrganizationRole.ExternalAuditor)
            || await workspace.HandleAsync(invitation.OrganizationId, invitation.Id, ct) is not { } landing)
        {
            return Answered(invitation);
        }

        return landing.OpenToday
            ? PageForms.With(Links.Workspace(invitation.OrganizationId, landing.EngagementId), "saved", $"welcome to the audit workspace of {invitation.OrganizationName}")
            : PageForms.With(MyInvitations, "saved", $"You are the external auditor of {invitation.OrganizationName}; the workspace opens on {landing.StartsOn:yyyy-MM-dd}");
    }

    private static string Answered(InvitationDto invitation) => PageForms.With(
        MyInvitations,
        "saved",
        invitation.Status == "accepted" ? $"You are now {RoleWords.Of(invitation.Role)} of {invitation.OrganizationName}" : $"You declined the invitation to {invitation.OrganizationName}");
}
