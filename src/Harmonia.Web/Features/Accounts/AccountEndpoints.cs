using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.Web.Components.Shared;

namespace Harmonia.Web.Features.Accounts;

internal sealed record PassphraseChangeInput(string? Current, string? New);

/// <summary>The caller's own account, whatever organization their token is for: security log and passphrase.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/account").WithTags("Account").RequireAuthorization();

        account.MapGet("/security-log", async (int? page, int? pageSize, HttpContext http, ListSecurityEventsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(CurrentUser.Id(http), PageRequest.Of(page, pageSize), ct)))
            .WithSummary("Your account's security events, newest first: sign-ins, failures, lockouts, 2FA, passphrase, tokens, roles.");

        account.MapPost("/passphrase", async (PassphraseChangeInput input, HttpContext http, ChangePassphraseHandler handler) =>
            {
                await handler.HandleAsync(new ChangePassphraseRequest(CurrentUser.Id(http), input.Current, input.New, HarmoniaSignInManager.Address(http)));
                return TypedResults.NoContent();
            })
            .WithSummary("Change your passphrase (the current one required); every browser session of the account ends. Tokens keep working.");

        account.MapGet("/invitations", async (HttpContext http, ListMyInvitationsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(CurrentUser.Id(http), ct)))
            .WithSummary("Pending invitations to organizations, addressed to your account's e-mail.");

        account.MapPost("/invitations/{invitationId:guid}/{answer:regex(^(accept|decline)$)}", async (Guid invitationId, string answer, HttpContext http, AnswerInvitationHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(new AnswerInvitationRequest(CurrentUser.Id(http), answer == "accept", invitationId, Address: HarmoniaSignInManager.Address(http)), ct)))
            .WithSummary("Accept (you become a member with the offered role) or decline one of your pending invitations; expired, revoked and answered ones are refused with the reason.");
    }
}
