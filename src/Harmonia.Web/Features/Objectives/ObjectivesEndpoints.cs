using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Objectives;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Objectives;

internal static class ObjectivesEndpoints
{
    public static void MapObjectivesEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("Objectives");

        group.MapGet("/objectives", async (int? page, int? pageSize, bool? includeRetired, ListObjectivesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(PageRequest.Of(page, pageSize), includeRetired ?? false, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Information security and AI objectives, paged, with their measurements and status (met, not met, no measurement yet, measurement overdue).");

        group.MapPost("/objectives", async (Guid orgId, ObjectiveInput input, SaveObjectiveHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var objective = await handler.CreateAsync(input, ct);
                response.Headers.ETag = EndpointConventions.ETag(objective.Version);
                return TypedResults.Created($"/api/orgs/{orgId}/objectives/{objective.Id}", objective);
            })
            .RequirePermission(Permission.Edit)
            .WithSummary("Set an objective: title, system (information-security, ai, both), measure, unit, target and direction (at-least, at-most), owner, frequency, optional due date. The key O-n is assigned.");

        group.MapGet("/objectives/{objectiveId:guid}", async (Guid objectiveId, GetObjectiveHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var objective = await handler.HandleAsync(objectiveId, ct);
                response.Headers.ETag = EndpointConventions.ETag(objective.Version);
                return Results.Ok(objective);
            })
            .RequirePermission(Permission.Read)
            .WithSummary("One objective with its measurements.");

        group.MapPut("/objectives/{objectiveId:guid}", (Guid objectiveId, ObjectiveInput input, SaveObjectiveHandler handler, HttpContext http, CancellationToken ct) =>
                EndpointConventions.VersionedUpdateAsync(http, version => handler.UpdateAsync(objectiveId, version, input, ct), o => o.Version))
            .RequirePermission(Permission.Edit)
            .WithSummary("Replace an objective (If-Match with its ETag); its measurements stay.");

        group.MapPost("/objectives/{objectiveId:guid}/measurements", async (Guid orgId, Guid objectiveId, MeasurementInput input, RecordMeasurementHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var objective = await handler.HandleAsync(objectiveId, input, ct);
                response.Headers.ETag = EndpointConventions.ETag(objective.Version);
                return Results.Created($"/api/orgs/{orgId}/objectives/{objectiveId}", objective);
            })
            .RequirePermission(Permission.Edit)
            .WithSummary("Record a measured value (date, value, note); answers the objective with its new status.");

        group.MapPost("/objectives/{objectiveId:guid}/retire", async (Guid objectiveId, RetireObjectiveHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(objectiveId, ct)))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Retire an objective that is no longer pursued; it and its measurements stay on record (nothing is deleted).");
    }
}
