using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Work;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Work;

/// <summary>Owners of records as members: the picker's form post, the list of owners to resolve, and the API.</summary>
internal static class OwnerEndpoints
{
    public static string OwnersPage(Guid orgId) => $"/orgs/{orgId}/owners";

    public static void MapOwnerEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/owners").WithTags("Work");

        group.MapGet("/to-resolve", async (ListOwnersToResolveHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Records whose owner is still only a name in text (it names no member, or several): choose the member with PUT /owners/{subject}/{subjectId}.");

        group.MapPost("/match", async (MatchFreeTextOwnersHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequirePermission(Permission.Edit)
            .WithSummary("Make every record whose owner text names exactly one member (by e-mail or display name) that member's; the rest stay listed to resolve. The text is kept.");

        group.MapPost("/bulk", async (AssignOwnersInput input, AssignOwnersHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(input, ct)))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary($"Give several records the same owner ({{\"records\": [{{\"subject\": \"risk\", \"subjectId\": \"…\"}}], \"userId\": \"…\"}}, or null for nobody): at most {AssignOwnersHandler.MaxRecords}, all or none; the new owner is told once with the whole list.");

        group.MapGet("/{subject}/{subjectId}", async (string subject, string subjectId, AssignOwnerHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(subject, subjectId, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary($"The owner of one record. subject is one of: {string.Join(", ", OwnedSubjects.All)}; subjectId is the record's id (for a corrective action 'nonconformity id:action id', for a review action 'review id:index', for a SoA the framework id).");

        group.MapPut("/{subject}/{subjectId}", async (string subject, string subjectId, OwnerInput input, AssignOwnerHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(subject, subjectId, input, ct)))
            .RequirePermission(Permission.Edit)
            .WithSummary("Make a member the owner of the record ({\"userId\": \"…\"}), or nobody ({\"userId\": null}). The new owner is told at once, with the record's open due work; the change is in the audit trail. A risk's new owner signs its acceptance and plan anew.");
    }

    public static void MapOwnerPageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/owners/{subject}/{subjectId}", async (Guid orgId, string subject, string subjectId, HttpRequest request, AssignOwnerHandler handler, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var fromOwnersPage = FormValues.Text(form, "from") == "owners";
                var current = await handler.GetAsync(subject, subjectId, ct);
                var page = fromOwnersPage ? OwnersPage(orgId) : $"/orgs/{orgId}/{current.Link}";
                return await PageForms.Outcome(page, async () =>
                {
                    var chosen = FormValues.Text(form, "userId");
                    Guid? userId = chosen is null ? null : Guid.TryParse(chosen, out var id) ? id : throw new InvalidInputException(new Dictionary<string, string[]> { ["userId"] = ["Choose a member from the list."] });
                    var saved = await handler.HandleAsync(subject, subjectId, new OwnerInput(userId), ct);
                    var said = saved.Owner is { } owner ? $"{owner.Name} now owns {saved.Name}" : $"{saved.Name} has no owner now";
                    return $"{page}?saved={Uri.EscapeDataString(said)}";
                });
            })
            .RequirePagePermission(Permission.Edit)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/owners/bulk", async (Guid orgId, HttpRequest request, AssignOwnersHandler handler, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                return await PageForms.Outcome(OwnersPage(orgId), async () =>
                {
                    var records = form["records"].OfType<string>().Select(v => v.Split('|', 2)).Where(p => p.Length == 2).Select(p => new OwnedRecordRef(p[0], p[1])).ToArray();
                    var chosen = FormValues.Text(form, "userId");
                    Guid? userId = chosen is null ? null : Guid.TryParse(chosen, out var id) ? id : throw new InvalidInputException(new Dictionary<string, string[]> { ["userId"] = ["Choose a member from the list."] });
                    var saved = await handler.HandleAsync(new AssignOwnersInput(records, userId), ct);
                    var said = saved[0].Owner is { } owner ? $"{owner.Name} now owns {Count(saved.Count)}" : $"{Count(saved.Count)} have no owner now";
                    return $"{OwnersPage(orgId)}?saved={Uri.EscapeDataString(said)}";
                });
            })
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/owners/match", (Guid orgId, MatchFreeTextOwnersHandler handler, CancellationToken ct) =>
                PageForms.Outcome(OwnersPage(orgId), async () =>
                {
                    var outcome = await handler.HandleAsync(ct);
                    return $"{OwnersPage(orgId)}?saved={Uri.EscapeDataString($"{outcome.Matched} matched to members, {outcome.ToResolve} still to resolve")}";
                }))
            .RequirePagePermission(Permission.Edit)
            .ValidateFormAntiforgery();
    }

    private static string Count(int records) => records == 1 ? "1 record" : $"{records} records";
}
