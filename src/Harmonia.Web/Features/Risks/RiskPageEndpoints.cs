using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Risks;
using Harmonia.Domain.Risks;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Risks;

/// <summary>Form posts and downloads of the risk register page (cookie sign-in, antiforgery checked).</summary>
internal static class RiskPageEndpoints
{
    public static void MapRiskPageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/risks/add", (Guid orgId, HttpRequest request, SaveRiskHandler save, CancellationToken ct) =>
                PageForms.Outcome(Links.Risks(orgId), async () =>
                {
                    var risk = await save.CreateAsync(Read(await request.ReadFormAsync(ct)), ct);
                    return $"{Links.Risks(orgId)}?saved={Uri.EscapeDataString($"risk {risk.Key} added")}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        // The sign-offs: who may give each is a person (the owner, a top-management member), decided by the use case.
        app.MapPost("/orgs/{orgId:guid}/risks/delete", (Guid orgId, HttpRequest request, DeleteRisksHandler delete, CancellationToken ct) =>
                PageForms.BulkDeleteAsync(request, Links.Risks(orgId), async form =>
                {
                    var deleted = await delete.HandleAsync(new DeleteRisksInput(FormValues.Ids(form, "riskIds")), ct);
                    return $"{deleted.Count} risks deleted ({string.Join(", ", deleted)}); the audit trail keeps what they were.";
                }, ct))
            .RequirePagePermission(Permission.Delete)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/risks/{riskId:guid}/approve-plan", (Guid orgId, Guid riskId, ApproveRiskTreatmentHandler approve, CancellationToken ct) =>
                PageForms.Outcome(Links.Risks(orgId), async () =>
                {
                    var risk = await approve.HandleAsync(riskId, ct);
                    return $"{Links.Risks(orgId)}?saved={Uri.EscapeDataString($"the treatment plan of {risk.Key} approved")}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/risks/{riskId:guid}/top-management-approval", (Guid orgId, Guid riskId, ApproveRiskAboveLimitHandler approve, CancellationToken ct) =>
                PageForms.Outcome(Links.Risks(orgId), async () =>
                {
                    var risk = await approve.HandleAsync(riskId, ct);
                    return $"{Links.Risks(orgId)}?saved={Uri.EscapeDataString($"top management's approval to accept {risk.Key}")}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/risks/{riskId:guid}/review", (Guid orgId, Guid riskId, HttpRequest request, RecordRiskReviewHandler review, CancellationToken ct) =>
                PageForms.Outcome(Links.Risks(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var risk = await review.HandleAsync(riskId, new RiskReviewInput(FormValues.Date(form, "heldOn"), FormValues.Date(form, "nextReviewOn")), ct);
                    return $"{Links.Risks(orgId)}?saved={Uri.EscapeDataString($"the review of {risk.Key}; next one on {risk.ReviewOn:yyyy-MM-dd}")}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/risks/{riskId:guid}/accept", (Guid orgId, Guid riskId, HttpRequest request, AcceptRiskHandler accept, CancellationToken ct) =>
                PageForms.Outcome(Links.Risks(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    if (FormValues.Date(form, "expiresOn") is not { } expires)
                    {
                        throw new Harmonia.App.Common.InvalidInputException("Give the date the acceptance expires.");
                    }

                    var risk = await accept.HandleAsync(new AcceptRiskRequest(riskId, expires), ct);
                    return $"{Links.Risks(orgId)}?saved={Uri.EscapeDataString($"the acceptance of {risk.Key} until {expires:yyyy-MM-dd}")}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapGet("/orgs/{orgId:guid}/risks/treatment-plan/{format}", async (string format, string? category, string? key, string? sort, ExportRiskTreatmentPlanHandler export, CancellationToken ct) =>
            {
                var view = PageSort.Of(sort, ListRisksHandler.SortKeys.Keys, ListRisksHandler.DefaultSort);
                var file = string.IsNullOrWhiteSpace(category) && string.IsNullOrWhiteSpace(key) && sort is null
                    ? await export.HandleAsync(format, ct)
                    : await export.HandleAsync(format, RiskCategories.Find(category ?? string.Empty)?.Id, string.IsNullOrWhiteSpace(key) ? null : key, view, ct);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .RequirePagePermission(Permission.Read);
    }

    private static RiskInput Read(IFormCollection form)
    {
        string? Text(string field) => FormValues.Text(form, field);
        static string[] Values(Microsoft.Extensions.Primitives.StringValues values) => values.OfType<string>().Where(v => v.Length > 0).ToArray();
        return new RiskInput(
            Text("key"), Text("title"), Text("description"), Values(form["categories"]), Values(form["riskSources"]), Text("assets"), FormValues.Keys(Text("aiSystems")),
            FormValues.Number(Text("inherentLikelihood")), FormValues.Number(Text("inherentImpact")), Text("treatment"), FormValues.Keys(Text("controls")),
            FormValues.Number(Text("residualLikelihood")), FormValues.Number(Text("residualImpact")), Text("owner"), FormValues.Date(form, "dueOn"), FormValues.Date(form, "reviewOn"), Text("ownerAccount"));
    }
}
