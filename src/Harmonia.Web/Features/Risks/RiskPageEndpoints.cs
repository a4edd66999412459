using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Risks;
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

        app.MapGet("/orgs/{orgId:guid}/risks/treatment-plan/{format}", async (string format, ExportRiskTreatmentPlanHandler export, CancellationToken ct) =>
            {
                var file = await export.HandleAsync(format, ct);
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
            FormValues.Number(Text("residualLikelihood")), FormValues.Number(Text("residualImpact")), Text("owner"), FormValues.Date(form, "dueOn"), FormValues.Date(form, "reviewOn"));
    }
}
