using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Suppliers;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Suppliers;

/// <summary>The organization's side of supplier due diligence: templates, sending, reviewing and withdrawing questionnaires.</summary>
internal static class SupplierQuestionnairesEndpoints
{
    public const string HandOver = "No e-mail is sent: give this link to the supplier's contact yourself. It is shown only now; anyone holding it can answer this one questionnaire, and nothing else.";

    public static string LinkAddress(HttpContext http, string token) => PublicLinks.Absolute(http, SupplierLinkEndpoints.LinkPage(token));

    public static void MapSupplierQuestionnairesEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("Suppliers");

        group.MapGet("/supplier-questionnaire-templates", async (SupplierQuestionnaireTemplatesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.AllAsync(ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The due diligence questionnaires that can be sent: ours (information security baseline, AI supplier questionnaire) and the organization's own, each question with its type, weight and the requirements it serves.");

        group.MapPost("/supplier-questionnaire-templates", async (HttpRequest request, InputLimits limits, SupplierQuestionnaireTemplatesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SaveAsync(await BoundedText.ReadAsync(request.Body, limits.MaxTextBytes, "The questionnaire", ct), ct)))
            .RequirePermission(Permission.Edit)
            .Accepts<string>("application/yaml")
            .WithSummary("Add or replace one of the organization's own questionnaires, written as YAML like content/supplier-questionnaires/ai-supplier.yaml; every problem is reported with line and column.");

        group.MapGet("/suppliers/{supplierId:guid}/questionnaires", async (Guid supplierId, ListSupplierQuestionnairesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(supplierId, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The questionnaires sent to a supplier, newest first, with answers, marks, score and status.");

        group.MapPost("/suppliers/{supplierId:guid}/questionnaires", async (Guid orgId, Guid supplierId, SendQuestionnaireInput input, SendSupplierQuestionnaireHandler handler, HttpContext http, CancellationToken ct) =>
            {
                var (questionnaire, token) = await handler.HandleAsync(supplierId, input, ct);
                return TypedResults.Created($"/api/orgs/{orgId}/supplier-questionnaires/{questionnaire.Id}", questionnaire with { Link = LinkAddress(http, token) });
            })
            .RequirePermission(Permission.Edit)
            .WithSummary("Send a questionnaire (template, sendTo, validForDays 1-90) to a supplier's contact. The answer carries the link, once: it needs no account, and only its hash is stored. " + HandOver);

        group.MapGet("/supplier-questionnaires/{questionnaireId:guid}", async (Guid questionnaireId, ListSupplierQuestionnairesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.OneAsync(questionnaireId, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("One questionnaire with its answers, marks, comments and score.");

        group.MapGet("/supplier-questionnaires/{questionnaireId:guid}/versions", async (Guid questionnaireId, ListSupplierQuestionnairesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.VersionsAsync(questionnaireId, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Every save of the supplier's answers (drafts and the submission) with its SHA-256.");

        group.MapPost("/supplier-questionnaires/{questionnaireId:guid}/review", async (Guid questionnaireId, QuestionnaireReviewInput input, ReviewSupplierQuestionnaireHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(questionnaireId, input, ct)))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Review submitted answers: action mark (marks [{question, result pass|fail, comment}] and a comment), clarify (a comment; the link opens again) or accept (every answer marked).");

        group.MapPost("/supplier-questionnaires/{questionnaireId:guid}/revoke", async (Guid questionnaireId, ReviewSupplierQuestionnaireHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RevokeAsync(questionnaireId, ct)))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Withdraw a questionnaire: its link stops working at once; answers already saved stay.");
    }
}
