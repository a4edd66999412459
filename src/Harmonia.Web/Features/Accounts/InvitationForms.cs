using Harmonia.App.Features.Accounts;
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

        app.MapPost("/invitations/{token}/{answer:regex(^(accept|decline)$)}", (string token, string answer, HttpContext http, AnswerInvitationHandler handler, CancellationToken ct) =>
                PageForms.Outcome(LinkPage(token), async () => Answered(await handler.HandleAsync(
                    new AnswerInvitationRequest(CurrentUser.Id(http), answer == "accept", Token: token, Address: HarmoniaSignInManager.Address(http)), ct))))
            .RequireAuthorization()
            .ValidateFormAntiforgery();
    }

    public static string LinkPage(string token) => "/invitations/" + Uri.EscapeDataString(token);

    private static string Answered(InvitationDto invitation) => PageForms.With(
        MyInvitations,
        "saved",
        invitation.Status == "accepted" ? $"You are now {RoleWords.Of(invitation.Role)} of {invitation.OrganizationName}" : $"You declined the invitation to {invitation.OrganizationName}");
}
