using System.Security.Claims;
using System.Text.Encodings.Web;
using Harmonia.App.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Harmonia.Web.Platform;

/// <summary>
/// "Authorization: Bearer hm_..." with a personal access token. The token is looked up by its SHA-256 hash; it
/// names one user and the one organization it may be used for.
/// </summary>
internal sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AuthenticateAccessTokenHandler tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public new const string Scheme = "AccessToken";
    public const string OrganizationClaim = "harmonia:org";
    public const string TokenClaim = "harmonia:token";
    public const string ActorClaim = "harmonia:actor";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await tokens.HandleAsync(header["Bearer ".Length..].Trim(), Context.Connection.RemoteIpAddress?.ToString(), Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("The access token is unknown, expired or revoked, or its account is disabled.");
        }

        // The holder's role, read with the token: the organization's authorization step uses it instead of a query.
        Context.Items[typeof(TokenIdentity)] = identity;
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, identity.UserId.ToString()),
                new Claim(OrganizationClaim, identity.OrganizationId.ToString()),
                new Claim(TokenClaim, identity.TokenId.ToString()),
                new Claim(ClaimTypes.Email, identity.Email),

                // The name a person is recorded under (acknowledgements, approvals): the same e-mail the cookie sign-in uses.
                new Claim(ClaimTypes.Name, identity.Email),
                new Claim(ActorClaim, $"user:{identity.Email} (token {identity.Prefix}…)"),
            ],
            Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme));
    }
}
