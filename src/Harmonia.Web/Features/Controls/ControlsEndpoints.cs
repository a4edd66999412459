using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Controls;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Controls;

internal static class ControlsEndpoints
{
    public static void MapControlsEndpoints(this RouteGroupBuilder organization)
    {
        var controls = organization.MapGroup("/controls").WithTags("Controls");

        controls.MapGet("/", async (int? page, int? pageSize, string? status, string? requirement, string? sort, ListControlsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(PageRequest.Of(page, pageSize), status, requirement, SortOrder.Parse(sort, ListControlsHandler.SortKeys.Keys.ToArray(), ListControlsHandler.DefaultSort), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("List the organization's controls, paged, optionally by status or by a requirement id they satisfy, sorted by sort: key, name, owner or status, with a leading - for descending.");

        controls.MapGet("/{controlId:guid}", async (Guid controlId, GetControlHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var control = await handler.HandleAsync(controlId, ct);
                response.Headers.ETag = EndpointConventions.ETag(control.Version);
                return TypedResults.Ok(control);
            })
            .RequirePermission(Permission.Read)
            .WithSummary("One control with its requirements and evidence; the ETag is its version.");

        controls.MapPost("/", async (Guid orgId, ControlInput input, SaveControlHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var control = await handler.CreateAsync(input, ct);
                response.Headers.ETag = EndpointConventions.ETag(control.Version);
                return TypedResults.Created($"/api/orgs/{orgId}/controls/{control.Id}", control);
            })
            .RequirePermission(Permission.Edit)
            .WithSummary("Create a control.");

        controls.MapPut("/{controlId:guid}", (Guid controlId, ControlInput input, SaveControlHandler handler, HttpContext http, CancellationToken ct) =>
                EndpointConventions.VersionedUpdateAsync(http, version => handler.UpdateAsync(controlId, version, input, ct), c => c.Version))
            .RequirePermission(Permission.Edit)
            .Produces<ControlDto>()
            .WithSummary("Replace a control; requires If-Match with its current ETag (412 when it changed meanwhile).");

        controls.MapDelete("/{controlId:guid}", async (Guid controlId, DeleteControlHandler handler, HttpRequest request, CancellationToken ct) =>
            {
                await handler.HandleAsync(controlId, EndpointConventions.IfMatchVersion(request), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.Delete)
            .WithSummary("Delete a control (If-Match optional, honoured when sent).");

        controls.MapPost("/delete", async (DeleteControlsInput input, DeleteControlsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(new { deleted = await handler.HandleAsync(input, ct) }))
            .RequirePermission(Permission.Delete)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary($"Delete several controls with their evidence ({{\"controlIds\": [\"…\"]}}, at most {DeleteControlsHandler.MaxControls}): all or none; a control a risk, an AI system or an impact assessment names refuses the whole step, each reason given.");
    }
}
