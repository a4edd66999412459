using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Soa;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Soa;

/// <summary>Form posts and downloads of the Statement of Applicability page (cookie sign-in, antiforgery checked).</summary>
internal static class SoaPageEndpoints
{
    private const string Soa = "/orgs/{orgId:guid}/soa/{framework:regex(^(iso27001-2022|iso42001-2023)$)}";

    public static void MapSoaPageEndpoints(this WebApplication app)
    {
        app.MapPost(Soa + "/versions", (Guid orgId, string framework, HttpRequest request, SaveSoaVersionHandler save, CancellationToken ct) =>
                PageForms.Outcome(Links.Soa(orgId, framework), async () =>
                {
                    var saved = await save.HandleAsync(orgId, framework, Read(await request.ReadFormAsync(ct)), ct);
                    var open = saved.NeedsDecision.Count;
                    var what = open == 0 ? $"version {saved.Number} saved as a draft, ready for approval"
                        : $"version {saved.Number} saved as a draft; {open} {(open == 1 ? "control still needs" : "controls still need")} a decision before it can be approved";
                    return $"{Links.Soa(orgId, framework)}?saved={Uri.EscapeDataString(what)}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost(Soa + "/{number:int}/approve", (Guid orgId, string framework, int number, ApproveSoaVersionHandler approve, CancellationToken ct) =>
                PageForms.Outcome(Links.Soa(orgId, framework), async () =>
                {
                    await approve.HandleAsync(framework, number, ct);
                    return $"{Links.Soa(orgId, framework)}?saved={Uri.EscapeDataString($"version {number} approved")}";
                }))
            .RequirePagePermission(Permission.Approve)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapGet(Soa + "/{number:int}/export/{format}", async (string framework, int number, string format, ExportSoaHandler export, CancellationToken ct) =>
                Downloads.File(await export.HandleAsync(framework, number, format, ct)))
            .RequirePagePermission(Permission.Read);
    }

    /// <summary>
    /// One decision per row the page listed (hidden "row" fields): a checkbox is only posted when ticked, so an
    /// unticked reason is a reason removed, not a field left out. "applies" is yes, no, or empty for not decided.
    /// </summary>
    private static SoaSaveInput Read(IFormCollection form)
    {
        var decisions = form["row"].OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal)
            .Select(id => new SoaDecisionInput(id, Applies(form["applies:" + id].ToString()), form["reason:" + id].OfType<string>().ToArray(), form["justification:" + id].ToString()))
            .ToArray();
        return new SoaSaveInput(decisions, FormValues.Text(form, "note"));
    }

    private static bool? Applies(string value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };
}
