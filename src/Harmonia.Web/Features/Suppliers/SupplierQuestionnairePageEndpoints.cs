using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Suppliers;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmonia.Web.Features.Suppliers;

/// <summary>Form posts of the organization's side of questionnaires: send (the link is shown once), review, withdraw.</summary>
internal static class SupplierQuestionnairePageEndpoints
{
    private const string QuestionnaireRoute = "/orgs/{orgId:guid}/suppliers/{supplierId:guid}/questionnaires/{questionnaireId:guid}";

    public static string Questionnaire(Guid orgId, Guid supplierId, Guid questionnaireId) => $"/orgs/{orgId}/suppliers/{supplierId}/questionnaires/{questionnaireId}";

    public static void MapSupplierQuestionnairePageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/suppliers/{supplierId:guid}/questionnaires", async Task<IResult> (Guid orgId, Guid supplierId, HttpContext http, SendSupplierQuestionnaireHandler send, CancellationToken ct) =>
            {
                var form = await http.Request.ReadFormAsync(ct);
                try
                {
                    var days = FormValues.Text(form, "validForDays") is { } text ? FormValues.Number(text) : (int?)null;
                    var (questionnaire, token) = await send.HandleAsync(supplierId, new SendQuestionnaireInput(FormValues.Text(form, "template"), FormValues.Text(form, "sendTo"), days), ct);
                    return new RazorComponentResult<QuestionnaireSentPage>(new
                    {
                        OrgId = orgId,
                        SupplierId = supplierId,
                        QuestionnaireId = questionnaire.Id,
                        Title = questionnaire.Title,
                        SentTo = questionnaire.SentTo,
                        ExpiresUtc = questionnaire.ExpiresUtc,
                        Link = SupplierQuestionnairesEndpoints.LinkAddress(http, token),
                    });
                }
                catch (NotFoundException)
                {
                    return Results.NotFound();
                }
                catch (Exception ex) when (PageForms.MessageFor(ex) is { } message)
                {
                    return Results.Redirect(PageForms.WithError(SupplierPageEndpoints.Supplier(orgId, supplierId), message) + "#questionnaires");
                }
            })
            .RequirePagePermission(Permission.Edit)
            .ValidateFormAntiforgery();

        app.MapPost(QuestionnaireRoute + "/review", (Guid orgId, Guid supplierId, Guid questionnaireId, HttpRequest request, ListSupplierQuestionnairesHandler list, ReviewSupplierQuestionnaireHandler review, CancellationToken ct) =>
                PageForms.Outcome(Questionnaire(orgId, supplierId, questionnaireId), async () =>
                {
                    await EnsureOfSupplierAsync(list, supplierId, questionnaireId, ct);
                    var form = await request.ReadFormAsync(ct);
                    var marks = form.Keys.Where(k => k.StartsWith("mark:", StringComparison.Ordinal) && FormValues.Text(form, k) is "pass" or "fail")
                        .Select(k => new AnswerMarkInput(k[5..], FormValues.Text(form, k), FormValues.Text(form, "note:" + k[5..]))).ToArray();
                    var action = FormValues.Text(form, "action") ?? "mark";
                    var done = await review.HandleAsync(questionnaireId, new QuestionnaireReviewInput(action, marks, FormValues.Text(form, "comment")), ct);
                    var what = action switch
                    {
                        "accept" => $"questionnaire accepted with a score of {done.Score}",
                        "clarify" => "clarification requested; the supplier's link is open for answers again",
                        _ => "marks and comment saved",
                    };
                    return PageForms.With(Questionnaire(orgId, supplierId, questionnaireId), "saved", what);
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost(QuestionnaireRoute + "/revoke", (Guid orgId, Guid supplierId, Guid questionnaireId, ListSupplierQuestionnairesHandler list, ReviewSupplierQuestionnaireHandler review, CancellationToken ct) =>
                PageForms.Outcome(Questionnaire(orgId, supplierId, questionnaireId), async () =>
                {
                    await EnsureOfSupplierAsync(list, supplierId, questionnaireId, ct);
                    await review.RevokeAsync(questionnaireId, ct);
                    return PageForms.With(Questionnaire(orgId, supplierId, questionnaireId), "saved", "questionnaire withdrawn; its link no longer works");
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();
    }

    /// <summary>A questionnaire reached under another supplier's address is not found, like any foreign id.</summary>
    private static async Task EnsureOfSupplierAsync(ListSupplierQuestionnairesHandler list, Guid supplierId, Guid questionnaireId, CancellationToken ct)
    {
        if ((await list.OneAsync(questionnaireId, ct)).SupplierId != supplierId)
        {
            throw new NotFoundException("questionnaire");
        }
    }
}
