using Harmonia.App.Features.Evidence;
using Harmonia.App.Features.Suppliers;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Suppliers;

/// <summary>
/// The supplier's side: the questionnaire page and its one form post, reached with the link's secret and no account.
/// The secret opens that questionnaire only; it is no credential anywhere else (the API and every other page ignore it).
/// </summary>
internal static class SupplierLinkEndpoints
{
    public const string Prefix = "/supplier-questionnaire";

    public static string LinkPage(string token) => Prefix + "/" + Uri.EscapeDataString(token);

    public static void MapSupplierLinkEndpoints(this WebApplication app)
    {
        app.MapPost(Prefix + "/{token}/save", (string token, HttpRequest request, AnswerSupplierQuestionnaireHandler handler, CancellationToken ct) =>
                PageForms.Outcome(LinkPage(token), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var submit = FormValues.Text(form, "action") == "submit";
                    var answers = form.Keys.Where(k => k.StartsWith("a:", StringComparison.Ordinal))
                        .ToDictionary(k => k[2..], k => FormValues.Text(form, k), StringComparer.Ordinal);
                    var files = form.Files.Where(f => f.Name.StartsWith("f:", StringComparison.Ordinal) && f.Length > 0)
                        .GroupBy(f => f.Name[2..], StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => new EvidenceUpload(g.First().OpenReadStream(), g.First().FileName, null), StringComparer.Ordinal);
                    var view = await handler.SaveAsync(token, new SupplierAnswersInput(answers, files, submit), ct);
                    return PageForms.With(LinkPage(token), "saved", submit
                        ? $"Your answers were submitted to {view.OrganizationName}. Thank you; you will hear from them if anything needs clarifying"
                        : $"Draft saved (version {view.SavedVersions}). You can come back to this link until it expires");
                }))
            .AllowAnonymous()
            .ValidateFormAntiforgery();
    }
}
