using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.AiSystems;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.AiSystems;

/// <summary>AI incidents and concerns: the API and the form posts of the AI systems page's concerns section.</summary>
internal static class AiConcernsEndpoints
{
    public static void MapAiConcernsEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("AI systems");

        group.MapGet("/ai-concerns", async (int? page, int? pageSize, bool? open, ListAiConcernsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(PageRequest.Of(page, pageSize), open ?? false, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("AI incidents and concerns, open first, newest first (open=true for the open ones only).");

        group.MapPost("/ai-concerns", async (Guid orgId, AiConcernInput input, ReportAiConcernHandler handler, CancellationToken ct) =>
            {
                var concern = await handler.HandleAsync(input, ct);
                return TypedResults.Created($"/api/orgs/{orgId}/ai-concerns", concern);
            })
            .RequirePermission(Permission.Edit)
            .WithSummary("Report an AI incident (harm happened) or concern (harm feared): AI system key, severity low/medium/high, description, who raised it and when.");

        group.MapPost("/ai-concerns/{concernId:guid}/close", async (Guid concernId, AiConcernClosure input, CloseAiConcernHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(concernId, input, ct)))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Close an open concern with how it was dealt with; it stays on record.");
    }

    public static void MapAiConcernPageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/ai-concerns/report", (Guid orgId, HttpRequest request, ReportAiConcernHandler report, CancellationToken ct) =>
                PageForms.Outcome(Links.AiSystems(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var concern = await report.HandleAsync(new AiConcernInput(
                        FormValues.Text(form, "kind"), FormValues.Text(form, "aiSystem"), FormValues.Text(form, "severity"), FormValues.Text(form, "description"),
                        FormValues.Text(form, "reportedBy"), FormValues.Date(form, "reportedOn")), ct);
                    return $"{Links.AiSystems(orgId)}?saved={Uri.EscapeDataString($"{concern.Key} recorded")}#concerns";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/ai-concerns/{concernId:guid}/close", (Guid orgId, Guid concernId, HttpRequest request, CloseAiConcernHandler close, CancellationToken ct) =>
                PageForms.Outcome(Links.AiSystems(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var closed = await close.HandleAsync(concernId, new AiConcernClosure(FormValues.Text(form, "resolution"), FormValues.Date(form, "closedOn")), ct);
                    return $"{Links.AiSystems(orgId)}?saved={Uri.EscapeDataString($"{closed.Key} closed")}#concerns";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();
    }
}
