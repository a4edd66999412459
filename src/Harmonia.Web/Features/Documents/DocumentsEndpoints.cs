using System.Security.Claims;
using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Rendering;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Documents;

internal static class DocumentsEndpoints
{
    public sealed record GenerateInput(IReadOnlyList<string>? TemplateIds);

    public sealed record SubmitInput(string? Change);

    public sealed record TailorInput(IReadOnlyList<string>? StatementIds);

    public sealed record ApprovalsInput(int Count);

    public sealed record PackJobInput(string? Formats);

    public sealed record PublishJobInput(IReadOnlyList<Guid>? DocumentIds);

    public static void MapDocumentsEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("Documents");

        group.MapGet("/answers", async (GetAnswersHandler handler, CancellationToken ct) =>
            {
                var set = await handler.HandleAsync(ct);
                return TypedResults.Ok(new { set.Version, Answers = AnswersJson.ToElement(set.Answers), set.SavedUtc, set.SavedBy });
            })
            .RequirePermission(Permission.Read)
            .WithSummary("The latest questionnaire answers and their version.");

        group.MapPut("/answers", async (HttpRequest request, LoadedContent content, InputLimits limits, SaveAnswersHandler handler, CancellationToken ct) =>
            {
                var text = await BoundedText.ReadAsync(request.Body, limits.MaxTextBytes, "The request body", ct);

                // JSON is YAML: one reader checks answers wherever they come from, with line and column.
                var answers = AnswersFileReader.Read("request body", text, content.Documents.Questionnaire, limits, ct);
                var saved = await handler.HandleAsync(answers, ct);
                return TypedResults.Ok(new { saved.Version, Answers = AnswersJson.ToElement(saved.Answers), saved.SavedUtc, saved.SavedBy });
            })
            .RequirePermission(Permission.Edit)
            .Accepts<object>("application/json")
            .WithSummary("Replace the answers ({\"answers\": {\"org.short_name\": \"Acme\", ...}}); saved as a new version.");

        group.MapGet("/documents", async (ClaimsPrincipal user, ListDocumentsHandler handler, CancellationToken ct) =>
            {
                var items = await handler.HandleAsync(UserId(user), ct);
                return TypedResults.Ok(new Page<DocumentSummaryDto>(items, 1, Math.Max(1, items.Count), items.Count));
            })
            .RequirePermission(Permission.Read)
            .WithSummary("Every document of the library with its status, review date and acknowledgments (one page: the library is small).");

        group.MapGet("/registered-documents", async (ListRegisteredDocumentsHandler handler, CancellationToken ct) =>
            {
                var items = await handler.HandleAsync(ct);
                return TypedResults.Ok(new Page<RegisteredDocumentDto>(items, 1, Math.Max(1, items.Count), items.Count));
            })
            .RequirePermission(Permission.Read)
            .WithSummary("Existing policies registered with the requirements they address.");

        group.MapPost("/registered-documents", async (Guid orgId, HttpRequest request, RegisterDocumentHandler handler, CancellationToken ct) =>
            {
                var (input, file, sha256) = RegisteredDocumentForm.Read(await request.ReadFormAsync(ct));
                if (file is null)
                {
                    return Problems.BadRequest("Send the document in the multipart field 'file'.");
                }

                await using var content = file.OpenReadStream();
                var registered = await handler.HandleAsync(input, new EvidenceUpload(content, file.FileName, sha256), ct);
                return Results.Created($"/api/orgs/{orgId}/registered-documents/{registered.Id}", registered);
            })
            .RequirePermission(Permission.Edit)
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Register an existing policy (multipart: file, title, version, owner, requirementIds comma-separated, effectiveOn); it counts as a published document in the gap analysis.");

        group.MapGet("/documents/pack.zip", async (Guid orgId, string? format, BuildPolicyPackZipHandler pack, CancellationToken ct) =>
                Results.File(await pack.HandleAsync(orgId, format, ct), "application/zip", "policy-pack.zip"))
            .RequirePermission(Permission.Read)
            .WithSummary("Every document from the latest answers as one zip (format: comma-separated docx, pdf, md, html; default docx,pdf).");

        group.MapPut("/settings/document-approvals", async (Guid orgId, ApprovalsInput input, SetRequiredApprovalsHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(orgId, input.Count, ct);
                return Results.NoContent();
            })
            .RequirePermission(Permission.ManageMembers)
            .WithSummary("How many different members must approve a document revision before publication (1 to 3; multi-step approval when more than 1).");

        group.MapPost("/documents/pack-jobs", async (Guid orgId, PackJobInput? input, QueuePolicyPackHandler queue, CancellationToken ct) =>
            {
                var job = await queue.HandleAsync(input?.Formats, ct);
                return TypedResults.Accepted($"/api/orgs/{orgId}/jobs/{job}", new { JobId = job });
            })
            .RequirePermission(Permission.Read)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Prepare the policy pack zip in the background (formats: e.g. \"docx,pdf\"); follow the job, then download its result.");

        group.MapPost("/documents/draft-jobs", async (Guid orgId, GenerateInput? input, QueueDocumentDraftsHandler queue, CancellationToken ct) =>
            {
                var job = await queue.HandleAsync(input?.TemplateIds, ct);
                return TypedResults.Accepted($"/api/orgs/{orgId}/jobs/{job}", new { JobId = job });
            })
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Generate drafts from the latest answers in the background (all documents, or templateIds); follow the job for its outcome.");

        group.MapPost("/documents/publish-jobs", async (Guid orgId, PublishJobInput? input, QueueDocumentPublicationHandler queue, CancellationToken ct) =>
            {
                var job = await queue.HandleAsync(input?.DocumentIds ?? [], ct);
                return TypedResults.Accepted($"/api/orgs/{orgId}/jobs/{job}", new { JobId = job });
            })
            .RequirePermission(Permission.Approve)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Publish approved documents in the background, each through the one-document rules as the caller; the job's outcome names every refusal.");

        group.MapGet("/documents/coverage", (LoadedContent content) =>
            {
                var report = DocumentCoverage.Compute(content.Documents, content.Catalog);
                return TypedResults.Ok(new
                {
                    report.Covered,
                    Total = report.Rows.Count,
                    Rows = report.Rows.Select(r => new { r.RequirementId, r.Title, r.Expected, r.Covered, Statements = r.Statements.Select(s => s.StatementId) }),
                });
            })
            .RequirePermission(Permission.Read)
            .WithSummary("Every requirement of both standards that asks for documented information, and the statements covering it.");

        group.MapPost("/documents/generate", async (Guid orgId, GenerateInput? input, GenerateDocumentDraftsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(new GenerateDraftsRequest(orgId, input?.TemplateIds), ct)))
            .RequirePermission(Permission.Edit)
            .WithSummary("Generate drafts from the latest answers (all documents, or templateIds).");

        group.MapGet("/documents/{documentId:guid}", async (Guid documentId, ClaimsPrincipal user, GetDocumentHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(documentId, UserId(user), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("One document: revisions, latest text, diff to the published revision, acknowledgments.");

        group.MapPost("/documents/{documentId:guid}/submit", (Guid documentId, SubmitInput? input, ChangeDocumentStatusHandler handler, CancellationToken ct) =>
                Transition(handler, new DocumentTransition(documentId, DocumentAction.Submit, input?.Change), ct))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Send the draft for review (change: material or minor).");

        foreach (var (action, summary) in new[]
        {
            (DocumentAction.Approve, "Approve the revision in review (not your own)."),
            (DocumentAction.Reject, "Send the revision in review back to draft."),
            (DocumentAction.Publish, "Publish the approved revision: hashed, DOCX and PDF kept, previous one retired."),
            (DocumentAction.Retire, "Retire the published revision."),
        })
        {
            group.MapPost($"/documents/{{documentId:guid}}/{action.ToString().ToLowerInvariant()}", (Guid documentId, ChangeDocumentStatusHandler handler, CancellationToken ct) =>
                    Transition(handler, new DocumentTransition(documentId, action), ct))
                .RequirePermission(Permission.Approve)
                .WithMetadata(new StateDependentMetadata())
                .WithSummary(summary);
        }

        group.MapPost("/documents/{documentId:guid}/acknowledge", async (Guid documentId, ClaimsPrincipal user, AcknowledgeDocumentHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(new AcknowledgeRequest(documentId, UserId(user), user.Identity?.Name ?? "unknown"), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.Read)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Confirm that you read the published revision.");

        group.MapPost("/documents/{documentId:guid}/tailor", async (Guid orgId, Guid documentId, TailorInput? input, TailorDocumentHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(new TailorDocumentRequest(orgId, documentId, input?.StatementIds), ct)))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Ask the configured model to rewrite statements (statementIds, or the plain paragraphs); answers that pass the guardrails become pending rewrites.");

        group.MapGet("/documents/{documentId:guid}/tailorings", async (Guid documentId, ListTailoringsHandler handler, CancellationToken ct) =>
            {
                var items = await handler.HandleAsync(documentId, ct);
                return TypedResults.Ok(new Page<TailoringProposalDto>(items, 1, Math.Max(1, items.Count), items.Count));
            })
            .RequirePermission(Permission.Read)
            .WithSummary("Rewrites proposed for the document: pending, approved, rejected, or refused with the guardrail's reason.");

        foreach (var (verb, approve) in new[] { ("approve", true), ("reject", false) })
        {
            group.MapPost($"/documents/{{documentId:guid}}/tailorings/{{proposalId:guid}}/{verb}", async (Guid documentId, Guid proposalId, DecideTailoringHandler handler, CancellationToken ct) =>
                {
                    await handler.HandleAsync(new TailoringDecision(documentId, proposalId, approve), ct);
                    return TypedResults.NoContent();
                })
                .RequirePermission(Permission.Approve)
                .WithMetadata(new StateDependentMetadata())
                .WithSummary(approve ? "Approve a pending rewrite: the next draft uses it." : "Reject a pending rewrite.");
        }

        group.MapGet("/documents/{documentId:guid}/revisions/{number:int}/{format}", async (Guid documentId, int number, string format, OpenPublishedFileHandler handler, CancellationToken ct) =>
            {
                if (!Enum.TryParse<DocumentFileFormat>(format, ignoreCase: true, out var parsed))
                {
                    return Problems.BadRequest("The format is docx or pdf.");
                }

                return Downloads.Stored(await handler.DownloadAsync(documentId, number, parsed, ct));
            })
            .RequirePermission(Permission.Read)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("The DOCX or PDF kept when the revision was published.");

        group.MapGet("/documents/{documentId:guid}/revisions/{number:int}/employees/{format}", async (Guid documentId, int number, string format, ExportEmployeeCopyHandler handler, CancellationToken ct) =>
                Downloads.File(await handler.HandleAsync(documentId, number, DocumentFiles.Parse(format), ct)))
            .RequirePermission(Permission.Read)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("The employees' copy of a published revision (docx, pdf or html): the approved text without the traceability marks and the list of requirements addressed; refused when the revision's text can no longer be rendered word for word.");
    }

    private static async Task<IResult> Transition(ChangeDocumentStatusHandler handler, DocumentTransition transition, CancellationToken ct)
    {
        await handler.HandleAsync(transition, ct);
        return TypedResults.NoContent();
    }

    internal static Guid UserId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
