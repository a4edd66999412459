using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Webhooks;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmonia.Web.Features.Webhooks;

/// <summary>Form posts of the webhooks page (cookie sign-in, antiforgery checked), Owners only.</summary>
internal static class WebhookPageEndpoints
{
    public static void MapWebhookPageEndpoints(this WebApplication app)
    {
        // A new secret is shown once, in the answer to the post itself: it never travels in a redirect or a stored flash.
        app.MapPost("/orgs/{orgId:guid}/webhooks/add", async (Guid orgId, HttpRequest request, SaveWebhookEndpointHandler save, CancellationToken ct) =>
            {
                SavedWebhookEndpoint? saved = null;
                var refused = await PageForms.Outcome(Links.Webhooks(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    saved = await save.HandleAsync(Input(form, null), ct);
                    return Links.Webhooks(orgId);
                });
                return saved is { Secret: { } secret } ? Shown(orgId, saved.Endpoint.Url, secret, "added") : refused;
            })
            .RequirePagePermission(Permission.ManageMembers)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/webhooks/{webhookId:guid}/save", (Guid orgId, Guid webhookId, HttpRequest request, SaveWebhookEndpointHandler save, CancellationToken ct) =>
                PageForms.Outcome(Edit(orgId, webhookId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var saved = await save.HandleAsync(Input(form, webhookId), ct);
                    return PageForms.With(Links.Webhooks(orgId), "saved", $"Webhook {saved.Endpoint.Url} saved{(saved.Endpoint.Enabled ? string.Empty : "; it is switched off and sends nothing")}.");
                }))
            .RequirePagePermission(Permission.ManageMembers)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/webhooks/{webhookId:guid}/secret", async (Guid orgId, Guid webhookId, RotateWebhookSecretHandler rotate, CancellationToken ct) =>
            {
                var saved = await rotate.HandleAsync(webhookId, ct);
                return (IResult)Shown(orgId, saved.Endpoint.Url, saved.Secret!, "given a new secret");
            })
            .RequirePagePermission(Permission.ManageMembers)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/webhooks/{webhookId:guid}/remove", (Guid orgId, Guid webhookId, HttpRequest request, DeleteWebhookEndpointHandler delete, CancellationToken ct) =>
                PageForms.Outcome(Links.Webhooks(orgId), async () =>
                {
                    await PageForms.RequireConfirmationAsync(request, ct);
                    await delete.HandleAsync(webhookId, ct);
                    return PageForms.With(Links.Webhooks(orgId), "saved", "Webhook removed with its delivery log; the audit trail keeps what it was.");
                }))
            .RequirePagePermission(Permission.ManageMembers)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/webhooks/{webhookId:guid}/test", (Guid orgId, Guid webhookId, SendTestWebhookHandler test, CancellationToken ct) =>
                PageForms.Outcome(Links.Webhooks(orgId), async () =>
                {
                    await test.HandleAsync(webhookId, ct);
                    return PageForms.With(Links.Webhooks(orgId), "saved", "Test message queued; it goes out within a few seconds and its outcome appears in the delivery log below.");
                }))
            .RequirePagePermission(Permission.ManageMembers)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/webhooks/deliveries/{deliveryId:guid}/redeliver", (Guid orgId, Guid deliveryId, RedeliverWebhookHandler redeliver, CancellationToken ct) =>
                PageForms.Outcome(Links.Webhooks(orgId), async () =>
                {
                    await redeliver.HandleAsync(deliveryId, ct);
                    return PageForms.With(Links.Webhooks(orgId), "saved", "The message is queued to be sent again, with the same webhook-id.");
                }))
            .RequirePagePermission(Permission.ManageMembers)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();
    }

    public static string Edit(Guid orgId, Guid webhookId) => $"{Links.Webhooks(orgId)}/{webhookId}";

    private static SaveWebhookEndpointRequest Input(IFormCollection form, Guid? id) =>
        new(id, form["url"].ToString(), form["description"].ToString(), form["events"].OfType<string>().ToArray(), id is null || form["enabled"].ToString() == "on");

    private static RazorComponentResult<NewWebhookSecretPage> Shown(Guid orgId, string url, string secret, string what) =>
        new(new { OrgId = orgId, Url = url, Secret = secret, What = what });
}
