using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Harmonia.Web.Features.Accounts;

/// <summary>
/// One OpenID Connect provider from <c>Authentication:Oidc:Providers:{name}</c> (ADR 0034). Several may be configured;
/// a provider tied to one organization (a client's own identity provider) signs people into that organization only.
/// </summary>
internal sealed record SingleSignOnProvider(
    string Name,
    string DisplayName,
    Uri Authority,
    string ClientId,
    string? ClientSecret,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> AllowedDomains,
    string GroupsClaim,
    Guid? Organization,
    IReadOnlyList<GroupRoleMapping> RoleMappings,
    bool RequireHttpsMetadata,
    bool SignOutAtProvider,
    bool GroupsFromUserInfo)
{
    public const string SchemePrefix = "sso-";

    /// <summary>The authentication scheme, also the login provider name stored with linked accounts.</summary>
    public string Scheme => SchemePrefix + Name;

    public string CallbackPath => $"/signin/sso/{Name}/callback";

    /// <summary>Where the provider sends the browser back after its own sign-out (RP-initiated logout).</summary>
    public string SignedOutCallbackPath => $"/signin/sso/{Name}/signed-out";

    /// <summary>The origin the sign-out form's answer redirects to, which the pages of such a session allow in form-action.</summary>
    public string Origin => Authority.GetLeftPart(UriPartial.Authority);

    /// <summary>Every organization the mapping speaks for: at each sign-in the role there follows the person's groups.</summary>
    public IEnumerable<Guid> MappedOrganizations => RoleMappings.Select(m => m.Organization).Distinct();
}

/// <summary>The configured providers, read and checked once at start: a mistake stops the start with a sentence.</summary>
internal sealed partial class SingleSignOnProviders(IReadOnlyList<SingleSignOnProvider> all)
{
    public const string Section = "Authentication:Oidc:Providers";

    public IReadOnlyList<SingleSignOnProvider> All { get; } = all;

    public SingleSignOnProvider? ByName(string name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    public SingleSignOnProvider? ByScheme(string? scheme) => All.FirstOrDefault(p => string.Equals(p.Scheme, scheme, StringComparison.Ordinal));

    public static SingleSignOnProviders From(IConfiguration configuration)
    {
        var providers = new List<SingleSignOnProvider>();
        foreach (var section in configuration.GetSection(Section).GetChildren())
        {
            var name = section.Key.ToLowerInvariant();
            [DoesNotReturn]
            void Fail(string what) => throw new InvalidOperationException($"{Section}:{section.Key}: {what}");
            if (!NamePattern().IsMatch(name))
            {
                Fail("the name may hold only letters, digits and hyphens (at most 32), as it becomes part of the callback address.");
            }

            if (!Uri.TryCreate(section["Authority"], UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            {
                Fail("Authority must be the provider's absolute https address (its issuer).");
            }

            var requireHttps = section.GetValue("RequireHttpsMetadata", true);
            if (authority!.Scheme == "http" && requireHttps)
            {
                Fail("Authority must use https (RequireHttpsMetadata=false allows http, for a provider on this machine only).");
            }

            if (section["ClientId"] is not { Length: > 0 } clientId)
            {
                Fail("ClientId is required.");
            }

            var domains = List(section, "AllowedDomains");
            if (domains.Count == 0)
            {
                Fail("AllowedDomains is required: the e-mail domains whose people this provider may sign in (e.g. \"example.org\").");
            }

            Guid? organization = null;
            if (section["Organization"] is { Length: > 0 } org)
            {
                if (!Guid.TryParse(org, out var orgId))
                {
                    Fail("Organization must be an organization's id.");
                }

                organization = orgId;
            }

            var mappings = new List<GroupRoleMapping>();
            foreach (var mapping in section.GetSection("RoleMappings").GetChildren())
            {
                if (mapping["Group"] is not { Length: > 0 } group)
                {
                    Fail($"RoleMappings:{mapping.Key}: Group is required.");
                }

                if (!Enum.TryParse<OrganizationRole>(mapping["Role"], ignoreCase: true, out var role) || role is < OrganizationRole.Viewer or > OrganizationRole.Owner)
                {
                    Fail($"RoleMappings:{mapping.Key}: Role must be Owner, Manager, Contributor, Auditor or Viewer.");
                }

                var target = organization ?? Guid.Empty;
                if (mapping["Organization"] is { Length: > 0 } mapped && !Guid.TryParse(mapped, out target))
                {
                    Fail($"RoleMappings:{mapping.Key}: Organization must be an organization's id.");
                }

                if (target == Guid.Empty)
                {
                    Fail($"RoleMappings:{mapping.Key}: Organization is required (the provider is not tied to one).");
                }

                if (organization is { } tied && target != tied)
                {
                    Fail($"RoleMappings:{mapping.Key}: a provider tied to one organization maps roles in that organization only.");
                }

                mappings.Add(new GroupRoleMapping(target, group, role));
            }

            providers.Add(new SingleSignOnProvider(
                name,
                section["DisplayName"] is { Length: > 0 } display ? display : section.Key,
                authority,
                clientId,
                section["ClientSecret"] is { Length: > 0 } secret ? secret : null,
                List(section, "Scopes") is { Count: > 0 } scopes ? scopes : DefaultScopes,
                domains,
                section["GroupsClaim"] is { Length: > 0 } claim ? claim : "groups",
                organization,
                mappings,
                requireHttps,
                section.GetValue("SignOutAtProvider", true),
                section.GetValue("GroupsFromUserInfo", false)));
        }

        return new SingleSignOnProviders(providers);
    }

    public static readonly IReadOnlyList<string> DefaultScopes = ["openid", "profile", "email"];

    // A list is either configuration's array (Key:0, Key:1) or one value separated by spaces or commas (easier in environment variables).
    private static List<string> List(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        var values = child.Value is { Length: > 0 } single ? [single] : child.GetChildren().Select(c => c.Value ?? string.Empty);
        return values.SelectMany(v => v.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex NamePattern();
}

internal static partial class SingleSignOn
{
    /// <summary>Where a refused or failed provider sign-in lands, with the reason in words a person can act on.</summary>
    public const string RefusedPath = "/signin/refused";

    /// <summary>Where every sign-out ends: the sign-in page, saying the person is signed out.</summary>
    public const string SignedOutPath = "/signin?signedOut=1";

    public static void AddHarmoniaSingleSignOn(this WebApplicationBuilder builder, AuthenticationBuilder authentication, bool httpsOnly)
    {
        var providers = SingleSignOnProviders.From(builder.Configuration);
        builder.Services.AddSingleton(providers);
        foreach (var provider in providers.All)
        {
            authentication.AddOpenIdConnect(provider.Scheme, provider.DisplayName, o =>
            {
                o.Authority = provider.Authority.AbsoluteUri;
                o.RequireHttpsMetadata = provider.RequireHttpsMetadata;
                o.ClientId = provider.ClientId;
                o.ClientSecret = provider.ClientSecret;

                // Authorization code flow with PKCE; the answer comes back in the query of a top-level GET, so the
                // correlation and nonce cookies can be SameSite=Lax (a cross-site form post would need None).
                o.ResponseType = "code";
                o.ResponseMode = "query";
                o.UsePkce = true;
                o.Scope.Clear();
                foreach (var scope in provider.Scopes)
                {
                    o.Scope.Add(scope);
                }

                o.CallbackPath = provider.CallbackPath;
                o.SignInScheme = IdentityConstants.ExternalScheme;

                // Claims keep the provider's names (sub, email, email_verified, groups), as the settings name them.
                o.MapInboundClaims = false;
                // The user-info endpoint only when the provider puts the groups there and not in the identity token.
                o.GetClaimsFromUserInfoEndpoint = provider.GroupsFromUserInfo;
                if (provider.GroupsFromUserInfo)
                {
                    // The handler keeps only the claims it is told to; an array becomes one claim per group.
                    o.ClaimActions.MapJsonKey(provider.GroupsClaim, provider.GroupsClaim);
                }

                o.SaveTokens = false;
                o.TokenValidationParameters.NameClaimType = "name";
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SecurePolicy = o.CorrelationCookie.SecurePolicy;

                // Sign-out at the provider (RP-Initiated Logout 1.0): no tokens are kept, so instead of an id_token_hint the
                // request names the client; the provider sends the browser back here, then on to the signed-out page.
                o.SignedOutCallbackPath = provider.SignedOutCallbackPath;
                o.RemoteSignOutPath = $"/signin/sso/{provider.Name}/remote-sign-out";
                o.SignedOutRedirectUri = SignedOutPath;
                o.Events.OnRedirectToIdentityProviderForSignOut = context =>
                {
                    context.ProtocolMessage.ClientId = provider.ClientId;
                    return Task.CompletedTask;
                };

                // A wrong issuer or audience, an expired or unsigned token, a replayed or forged state, an error from the
                // provider: nobody is signed in, and the person reads why on a page instead of a server error.
                o.Events.OnRemoteFailure = context =>
                {
                    Failed(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Harmonia.SingleSignOn"), provider.Name, context.Failure?.Message ?? "unknown");
                    context.Response.Redirect(RefusedPath + "?reason=failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
                o.Events.OnAccessDenied = context =>
                {
                    context.Response.Redirect(RefusedPath + "?reason=failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        }
    }

    public static void MapSingleSignOn(this WebApplication app)
    {
        // The button on the sign-in page: a form post (antiforgery), answered with the redirect to the provider.
        app.MapPost("/signin/sso/{name}", async (string name, HttpRequest request, SingleSignOnProviders providers, SignInManager<HarmoniaUser> signIn) =>
            {
                if (providers.ByName(name) is not { } provider)
                {
                    return Results.NotFound();
                }

                var form = await request.ReadFormAsync();
                var done = "/signin/sso/done" + (LocalTarget(form["returnUrl"].ToString()) is { } target ? "?returnUrl=" + Uri.EscapeDataString(target) : string.Empty);
                var properties = signIn.ConfigureExternalAuthenticationProperties(provider.Scheme, done);
                return Results.Challenge(properties, [provider.Scheme]);
            })
            .ValidateFormAntiforgery();

        app.MapGet("/signin/sso/done", async Task<IResult> (HttpContext http, string? returnUrl, SingleSignOnProviders providers, ExternalAccountHandler accounts, SignInManager<HarmoniaUser> signIn, IServiceScopeFactory scopes, SecurityLog log, CancellationToken ct) =>
        {
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            var scheme = external.Properties?.Items.TryGetValue("LoginProvider", out var s) == true ? s : null;
            if (!external.Succeeded || external.Principal is not { } principal || providers.ByScheme(scheme) is not { } provider
                || principal.FindFirstValue("sub") is not { Length: > 0 } subject)
            {
                return Results.Redirect(RefusedPath + "?reason=failed");
            }

            var address = HarmoniaSignInManager.Address(http);
            var verified = principal.FindFirstValue("email_verified") is { } value && bool.TryParse(value, out var yes) && yes;
            var identity = new ExternalIdentity(provider.Scheme, subject, principal.FindFirstValue("email"), verified, principal.FindFirstValue("name"));
            var outcome = await accounts.HandleAsync(identity, provider.AllowedDomains, address, ct);
            if (outcome.Account is not { } account)
            {
                return Results.Redirect(RefusedPath + "?reason=" + outcome.Refusal switch
                {
                    ExternalSignInRefusal.DomainNotAllowed => "domain",
                    ExternalSignInRefusal.AccountDisabled => "disabled",
                    _ => "unverified",
                });
            }

            var groups = principal.FindAll(provider.GroupsClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var organization in provider.MappedOrganizations)
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "sso:" + provider.Name;
                await scope.ServiceProvider.GetRequiredService<ApplyMappedRoleHandler>().HandleAsync(
                    new MappedRoleRequest(organization, account.UserId, provider.Scheme, GroupRoles.For(organization, provider.RoleMappings, groups), account, address), ct);
            }

            if (await signIn.UserManager.FindByIdAsync(account.UserId.ToString()) is not { } user || !await signIn.CanSignInAsync(user))
            {
                return Results.Redirect(RefusedPath + "?reason=disabled");
            }

            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: provider.Scheme);
            await log.RecordAsync(user.Id, SecurityEventKinds.SignInSucceeded, "through " + provider.DisplayName, address, ct);
            return Results.Redirect(LocalTarget(returnUrl) ?? "/orgs");
        });
    }

    /// <summary>The settings page's sign-in form: an Owner turns local passphrases off (or on again) for the organization.</summary>
    public static void MapSignInSettingsForm(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/settings/sign-in", async (Guid orgId, HttpRequest request, SingleSignOnProviders providers, SetLocalPasswordsHandler handler, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var allowed = form["passwords"].ToString() != "off";
                if (!allowed && providers.All.Count == 0)
                {
                    return Results.Redirect(PageForms.WithError(Links.Settings(orgId), "No identity provider is configured for this installation, so local passphrases stay on.") + "#sign-in");
                }

                var http = request.HttpContext;
                await handler.HandleAsync(orgId, allowed, Components.Shared.CurrentUser.Id(http), HarmoniaSignInManager.Address(http), ct);
                var saved = allowed ? "local passphrases are on again" : "local passphrases are off: members sign in through the identity provider; Owners keep their passphrase for emergencies, and each such sign-in is recorded";
                return Results.Redirect($"{Links.Settings(orgId)}?saved={Uri.EscapeDataString(saved)}#sign-in");
            })
            .RequirePagePermission(Permission.ManageMembers)
            .ValidateFormAntiforgery();
    }

    /// <summary>
    /// After Harmonia's own sign-out: the redirect through the provider's end-session endpoint when the session was begun
    /// through a provider that has one and may be used for it (<c>SignOutAtProvider</c>), otherwise null. A provider that
    /// cannot be reached now leaves the person signed out of Harmonia only, not stuck on an error.
    /// </summary>
    public static async Task<IResult?> SignOutAtProviderAsync(HttpContext http, ClaimsPrincipal user)
    {
        if (http.RequestServices.GetRequiredService<SingleSignOnProviders>().ByScheme(ProviderOf(user)) is not { SignOutAtProvider: true } provider)
        {
            return null;
        }

        try
        {
            var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>>().Get(provider.Scheme);
            var configuration = options.ConfigurationManager is { } manager ? await manager.GetConfigurationAsync(http.RequestAborted) : null;
            if (configuration?.EndSessionEndpoint is not { Length: > 0 })
            {
                return null;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or TaskCanceledException)
        {
            Failed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Harmonia.SingleSignOn"), provider.Name, "sign-out at the provider skipped: " + e.Message);
            return null;
        }

        return Results.SignOut(new AuthenticationProperties { RedirectUri = SignedOutPath }, [provider.Scheme]);
    }

    /// <summary>The session's provider scheme, or null for a session begun with a local passphrase.</summary>
    public static string? ProviderOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.AuthenticationMethod) is { } method && method.StartsWith(SingleSignOnProvider.SchemePrefix, StringComparison.Ordinal) ? method : null;

    private static string? LocalTarget(string? url) =>
        url is { Length: > 1 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : null;

    [LoggerMessage(EventId = 4031, Level = LogLevel.Warning, Message = "Single sign-on through {Provider} failed: {Reason}")]
    private static partial void Failed(ILogger logger, string provider, string reason);
}
