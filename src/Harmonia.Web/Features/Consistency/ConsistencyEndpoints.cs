using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Consistency;
using Harmonia.Domain.Consistency;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Consistency;

internal static class ConsistencyEndpoints
{
    public static void MapConsistencyEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("Consistency");

        group.MapGet("/consistency", async (GetConsistencyHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Contradictions between the questionnaire answers and the AI inventory or evidence, each with the documents it keeps from publication and its acknowledgement, if any.");

        group.MapPost("/consistency/acknowledgements", async (Guid orgId, AcknowledgeFindingInput input, AcknowledgeFindingHandler handler, CancellationToken ct) =>
                TypedResults.Created($"/api/orgs/{orgId}/consistency", await handler.HandleAsync(input, ct)))
            .RequirePermission(Permission.Approve)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Let a finding stand, with the reason (at least 15 characters); it holds until any of the facts it compares changes. Body: finding id, optional fingerprint read, reason.");
    }

    /// <summary>The page's form post (cookie sign-in, antiforgery checked); a refused reason comes back with the typed text kept.</summary>
    public static void MapConsistencyPageEndpoints(this WebApplication app) =>
        app.MapPost("/orgs/{orgId:guid}/consistency/acknowledge", async (Guid orgId, HttpRequest request, AcknowledgeFindingHandler acknowledge, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var (finding, fingerprint, reason) = (FormValues.Text(form, "finding"), FormValues.Text(form, "fingerprint"), FormValues.Text(form, "reason"));
                var back = PageForms.With(PageForms.With(Page(orgId), "finding", finding ?? string.Empty), "reason", reason ?? string.Empty);
                return await PageForms.Outcome(back, async () =>
                {
                    var done = await acknowledge.HandleAsync(new AcknowledgeFindingInput(finding, fingerprint, reason), ct);
                    return PageForms.With(Page(orgId), "saved", $"the acknowledgement of \"{done.Title}\"");
                });
            })
            .RequirePagePermission(Permission.Approve)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

    public static string Page(Guid orgId) => $"/orgs/{orgId}/consistency";

    /// <summary>The page where a finding is fixed, or null when the record no longer exists.</summary>
    public static string? FixLink(Guid orgId, ConsistencyFixDto fix) => fix.Kind switch
    {
        ConsistencyFixKind.Answer => $"{Links.Questionnaire(orgId)}#q-{fix.Key.Replace('.', '-')}",
        ConsistencyFixKind.AiSystem when fix.RecordId is { } id => Links.AiSystem(orgId, id),
        ConsistencyFixKind.Control when fix.RecordId is { } id => Links.Control(orgId, id),
        _ => null,
    };

    public static string FixLabel(ConsistencyFixDto fix) => fix.Kind switch
    {
        ConsistencyFixKind.Answer => $"answer {fix.Key}",
        ConsistencyFixKind.AiSystem => $"AI system {fix.Key}",
        _ => $"control {fix.Key}",
    };
}
