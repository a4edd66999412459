using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Harmonia.Tests.Infrastructure;

/// <summary>The person the test provider signs in at its next authorization request (the provider asks nothing).</summary>
internal sealed record TestPerson(string Subject, string Email, bool EmailVerified, params string[] Groups);

/// <summary>One request that reached the provider's end-session endpoint (RP-initiated logout).</summary>
internal sealed record TestEndSession(string? ClientId, string? PostLogoutRedirectUri, string? IdTokenHint);

/// <summary>
/// A real OpenID Connect provider for the single sign-on tests (ADR 0034): OpenIddict's server on Kestrel on a free
/// loopback port, with ephemeral keys and no database (degraded mode: the test checks the one client itself). Its
/// authorization endpoint approves at once, signing in <see cref="NextPerson"/>. The test can make it misbehave: sign
/// identity tokens with another issuer than the one it announces, or run its clock an hour behind (expired tokens).
/// </summary>
internal sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "harmonia-tests";
    public const string ClientSecret = "a client secret only the tests know";

    private WebApplication? _app;

    private TestIdentityProvider(string authority) => Authority = authority;

    public string Authority { get; }

    public TestPerson? NextPerson { get; set; }

    /// <summary>Every sign-out that reached the provider's end-session endpoint, in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<TestEndSession> EndSessions { get; } = new();

    /// <summary>Groups go into the access token only, so the client reads them from the user-info endpoint or not at all.</summary>
    public bool GroupsInUserInfoOnly { get; set; }

    /// <summary>How many user-info requests the provider answered.</summary>
    public int UserInfoRequests => _userInfoRequests;

    private int _userInfoRequests;

    /// <summary>Identity tokens name another issuer than the discovery document announces.</summary>
    public bool WrongIssuer { get; set; }

    /// <summary>The provider's clock; set <see cref="ShiftedClock.Shift"/> to issue tokens in the past.</summary>
    public ShiftedClock Clock { get; } = new();

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var port = BrowserSupport.FreePort();
        var authority = $"http://127.0.0.1:{port}/";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var self = new TestIdentityProvider(authority);
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetIssuer(new Uri(authority));
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetEndSessionEndpointUris("connect/endsession").SetUserInfoEndpointUris("connect/userinfo");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();

            // Codes outlive a shifted clock (whichever clock checks them), so an expired identity token is what Harmonia meets.
            o.SetAuthorizationCodeLifetime(TimeSpan.FromHours(2)).SetIdentityTokenLifetime(TimeSpan.FromMinutes(20));
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.DisableAccessTokenEncryption();
            o.EnableDegradedMode();
            o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, "groups");
            o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableEndSessionEndpointPassthrough().EnableUserInfoEndpointPassthrough().DisableTransportSecurityRequirement();
            o.Configure(options => options.TimeProvider = self.Clock);

            // Degraded mode has no application store: the one client and its secret are checked here.
            o.AddEventHandler<ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client.");
                }

                return default;
            }));
            o.AddEventHandler<ValidateEndSessionRequestContext>(h => h.UseInlineHandler(context =>
            {
                // Without an id_token_hint the client names itself (RP-Initiated Logout 1.0 allows client_id for this).
                if (context.ClientId != ClientId || context.PostLogoutRedirectUri is null)
                {
                    context.Reject(Errors.InvalidRequest, "Unknown client or no post-logout address.");
                }

                return default;
            }));
            o.AddEventHandler<ValidateTokenRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.Request.ClientId != ClientId || context.Request.ClientSecret != ClientSecret)
                {
                    context.Reject(Errors.InvalidClient, "Wrong client credentials.");
                }

                return default;
            }));

            // The impostor: after the token was made, make it again naming another issuer (still properly signed).
            o.AddEventHandler<GenerateTokenContext>(h => h.UseInlineHandler(context =>
                {
                    if (self.WrongIssuer && context.TokenType == TokenTypeIdentifiers.IdentityToken && context.SecurityTokenDescriptor is { } descriptor)
                    {
                        descriptor.Issuer = "http://127.0.0.1:1/impostor/";
                        descriptor.Claims?.Remove(Claims.Issuer);
                        context.Token = context.SecurityTokenHandler.CreateToken(descriptor);
                    }

                    return default;
                })
                .SetOrder(int.MaxValue - 1000));
        });

        var app = builder.Build();
        self._app = app;
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an authorization request.");
            var person = self.NextPerson ?? throw new InvalidOperationException("The test named nobody to sign in.");
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.AddClaim(new Claim(Claims.Subject, person.Subject));
            identity.AddClaim(new Claim(Claims.Name, person.Email));
            identity.AddClaim(new Claim(Claims.Email, person.Email));
            identity.AddClaim(new Claim(Claims.EmailVerified, person.EmailVerified ? "true" : "false", ClaimValueTypes.Boolean));
            foreach (var group in person.Groups)
            {
                identity.AddClaim(new Claim("groups", group));
            }

            var principal = new ClaimsPrincipal(identity);
            principal.SetScopes(request.GetScopes());
            foreach (var claim in identity.Claims)
            {
                if (self.GroupsInUserInfoOnly && claim.Type == "groups")
                {
                    claim.SetDestinations(Destinations.AccessToken);
                }
                else
                {
                    claim.SetDestinations(Destinations.IdentityToken, Destinations.AccessToken);
                }
            }

            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], async (HttpContext http) =>
        {
            // The access token Harmonia got with the code: OpenIddict validated it; its claims are the person's.
            var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (result.Principal is not { } principal)
            {
                return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            Interlocked.Increment(ref self._userInfoRequests);
            return Results.Json(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [Claims.Subject] = principal.GetClaim(Claims.Subject),
                [Claims.Email] = principal.GetClaim(Claims.Email),
                ["groups"] = principal.GetClaims("groups").ToArray(),
            });
        });
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an end-session request.");
            self.EndSessions.Enqueue(new TestEndSession(request.ClientId, request.PostLogoutRedirectUri, request.IdTokenHint));

            // OpenIddict answers with the redirect to the validated post-logout address, the client's state attached.
            return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
        await app.StartAsync();
        return self;
    }

    /// <summary>The settings that configure this provider in Harmonia under <paramref name="name"/>.</summary>
    public Dictionary<string, string> Settings(string name, string displayName, string allowedDomains)
    {
        var prefix = $"Authentication:Oidc:Providers:{name}:";
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [prefix + "DisplayName"] = displayName,
            [prefix + "Authority"] = Authority,
            [prefix + "ClientId"] = ClientId,
            [prefix + "ClientSecret"] = ClientSecret,
            [prefix + "RequireHttpsMetadata"] = "false",
            [prefix + "AllowedDomains"] = allowedDomains,
            [prefix + "Scopes"] = "openid email profile groups",
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>The real clock, shifted.</summary>
    internal sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }
}
