using System.Security.Claims;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Work;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Work;

internal static class WorkEndpoints
{
    public static void MapWorkEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("Work");

        group.MapGet("/work", async (string? assignee, string? due, string? module, int? page, int? pageSize, ListDueWorkHandler handler, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(new DueWorkFilter(assignee, due, module), Viewer(http), PageRequest.Of(page, pageSize), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Due work derived from every module (impact assessments, risk reviews and treatments, corrective actions, review actions, document reviews and acknowledgements, expiring evidence, objective measurements, supplier reviews, certificates and contracts, the certification cycle), each with its owner, due date and reason. assignee = a member id, me or unassigned (Owners and Managers may ask for anyone; others only for themselves, which is also the default); due = overdue|week|later; module = ai-systems|risks|audits|reviews|documents|evidence|objectives|suppliers|certification. Counts per window are for the selection before the due filter.");
    }

    /// <summary>The caller's member id and whether their role lets them see everyone's work.</summary>
    public static WorkViewer Viewer(HttpContext http)
    {
        var user = Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        var role = http.Items[typeof(OrganizationRole)] is OrganizationRole r ? r : OrganizationRole.Viewer;
        return new WorkViewer(user, role >= OrganizationRole.Manager);
    }
}
