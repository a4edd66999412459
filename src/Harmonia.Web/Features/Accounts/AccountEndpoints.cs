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
    }
}
