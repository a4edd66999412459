using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Features.Reviews;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Organizations;

internal static class TopManagementEndpoints
{
    public static void MapTopManagementEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/top-management").WithTags("Top management");

        group.MapGet("/", async (ListTopManagementHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The people the organization names as its top management (name, position, linked member account).");

        group.MapGet("/latest-review", async (TopManagementAttendance query, CancellationToken ct) => TypedResults.Ok(await query.LatestReviewAsync(ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Whether at least one top-management member attended the latest management review, and who.");

        group.MapGet("/policy-approvals", async (PolicyApprovalsByTopManagement query, CancellationToken ct) => TypedResults.Ok(await query.HandleAsync(ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("For each policy, the top-management members among the approvers of its current approved or published revision.");

        group.MapPost("/", async (Guid orgId, TopManagementMemberInput input, SaveTopManagementMemberHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var member = await handler.CreateAsync(input, ct);
                response.Headers.ETag = EndpointConventions.ETag(member.Version);
                return TypedResults.Created($"/api/orgs/{orgId}/top-management/{member.Id}", member);
            })
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("Name a person as top management (memberEmail optionally links their member account).");

        group.MapPut("/{topManagementId:guid}", (Guid topManagementId, TopManagementMemberInput input, SaveTopManagementMemberHandler handler, HttpContext http, CancellationToken ct) =>
                EndpointConventions.VersionedUpdateAsync(http, version => handler.UpdateAsync(topManagementId, version, input, ct), member => member.Version))
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("Change a top-management member; requires If-Match with its current ETag (412 when it changed meanwhile).");

        group.MapDelete("/{topManagementId:guid}", async (Guid topManagementId, RemoveTopManagementMemberHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(topManagementId, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("Remove a person from top management (past reviews and approvals keep their name).");
    }
}
