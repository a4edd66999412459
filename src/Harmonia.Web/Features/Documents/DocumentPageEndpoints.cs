using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Documents;
using Harmonia.App.Rendering;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Documents;

/// <summary>Form posts and downloads of the questionnaire and documents pages (cookie sign-in, antiforgery checked).</summary>
internal static class DocumentPageEndpoints
{
    public static void MapDocumentPageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/questionnaire/answers", (Guid orgId, HttpRequest request, LoadedContent content, SaveAnswersHandler save, CancellationToken ct) =>
                PageForms.Outcome(Links.Questionnaire(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var answers = AnswersFormReader.Read(form.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value.Select(v => v ?? string.Empty).ToArray()), content.Documents.Questionnaire);
                    var saved = await save.HandleAsync(answers, ct);
                    return $"{Links.Questionnaire(orgId)}?saved={saved.Version}";
                }))
            .RequirePagePermission(Permission.Edit)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/questionnaire/import", (Guid orgId, IFormFile? file, LoadedContent content, InputLimits limits, SaveAnswersHandler save, CancellationToken ct) =>
                PageForms.Outcome(Links.Questionnaire(orgId), async () =>
                {
                    try
                    {
                        if (file is null || file.Length == 0)
                        {
                            throw new InvalidInputException($"Choose an answers file (YAML, up to {InputLimits.Describe(limits.MaxTextBytes)}), like examples/acme-answers.yaml.");
                        }

                        await using var stream = file.OpenReadStream();
                        var text = await BoundedText.ReadAsync(stream, limits.MaxTextBytes, "The answers file", ct);
                        var answers = AnswersFileReader.Read(Path.GetFileName(file.FileName), text, content.Documents.Questionnaire, limits, ct);
                        return $"{Links.Questionnaire(orgId)}?saved={(await save.HandleAsync(answers, ct)).Version}";
                    }
                    catch (Exception ex) when (ex is ContentValidationException or InvalidInputException or InputTooLargeException)
                    {
                        // The file is what needs fixing, so every reason sits beside the file field (ADR 0023), not
                        // beside the questions of the form below, which still show the saved answers.
                        var reason = ex is InvalidInputException { Errors.Count: > 0 } invalid
                            ? string.Join(" ", invalid.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
                            : ex.Message;
                        throw new InvalidInputException(new Dictionary<string, string[]> { ["file"] = [reason] });
                    }
                }))
            .RequirePagePermission(Permission.Edit)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/registered-documents", (Guid orgId, HttpRequest request, RegisterDocumentHandler handler, CancellationToken ct) =>
                PageForms.Outcome(Links.Documents(orgId), async () =>
                {
                    var (input, file, sha256) = RegisteredDocumentForm.Read(await request.ReadFormAsync(ct));
                    if (file is null)
                    {
                        throw new InvalidInputException(new Dictionary<string, string[]> { ["file"] = ["Choose the document's file (PDF, Word, OpenDocument or text)."] });
                    }

                    await using var content = file.OpenReadStream();
                    var registered = await handler.HandleAsync(input, new Harmonia.App.Features.Evidence.EvidenceUpload(content, file.FileName, sha256), ct);
                    return $"{Links.Documents(orgId)}?saved={Uri.EscapeDataString($"Registered: {registered.Title}.")}";
                }))
            .RequirePagePermission(Permission.Edit)
            .ValidateFormAntiforgery();

        // Rendering every document takes over a second: the page hands it to a job and shows its progress.
        app.MapPost("/orgs/{orgId:guid}/documents/generate", (Guid orgId, QueueDocumentDraftsHandler queue, CancellationToken ct) =>
                PageForms.Outcome(Links.Documents(orgId), async () => Links.Job(orgId, await queue.HandleAsync(null, ct))))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/documents/{documentId:guid}/submit", (Guid orgId, Guid documentId, HttpRequest request, ChangeDocumentStatusHandler handler, CancellationToken ct) =>
                PageForms.Outcome(Links.Document(orgId, documentId), async () =>
                {
                    var change = (await request.ReadFormAsync(ct))["change"].ToString();
                    await handler.HandleAsync(new DocumentTransition(documentId, DocumentAction.Submit, change.Length == 0 ? null : change), ct);
                    return $"{Links.Document(orgId, documentId)}?saved=submitted";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        // Bulk: submit needs the right to edit, approve the right to approve; each document is still checked on its own.
        foreach (var (action, permission) in new[] { (DocumentAction.Submit, Permission.Edit), (DocumentAction.Approve, Permission.Approve) })
        {
            var name = action.ToString().ToLowerInvariant();
            app.MapPost($"/orgs/{{orgId:guid}}/documents/bulk/{name}", (Guid orgId, HttpRequest request, ChangeDocumentStatusesHandler handler, CancellationToken ct) =>
                    PageForms.Outcome(Links.Documents(orgId), async () =>
                    {
                        var form = await request.ReadFormAsync(ct);
                        var outcomes = await handler.HandleAsync(FormValues.Ids(form, "documentId"), action, action == DocumentAction.Submit ? FormValues.Text(form, "change") : null, ct);
                        return PageForms.With(Links.Documents(orgId), "saved", ChangeDocumentStatusesHandler.Sentence(action, outcomes));
                    }))
                .RequirePagePermission(permission)
                .WithMetadata(new StateDependentMetadata())
                .ValidateFormAntiforgery();
        }

        // Publishing renders and keeps two files per document: many of them run as a job with a progress page.
        app.MapPost("/orgs/{orgId:guid}/documents/bulk/publish", (Guid orgId, HttpRequest request, QueueDocumentPublicationHandler queue, CancellationToken ct) =>
                PageForms.Outcome(Links.Documents(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    return Links.Job(orgId, await queue.HandleAsync(FormValues.Ids(form, "documentId"), ct));
                }))
            .RequirePagePermission(Permission.Approve)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/documents/pack-jobs", (Guid orgId, HttpRequest request, QueuePolicyPackHandler queue, CancellationToken ct) =>
                PageForms.Outcome(Links.Documents(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    return Links.Job(orgId, await queue.HandleAsync(string.Join(',', form["format"].Select(f => f ?? string.Empty)), ct));
                }))
            .RequirePagePermission(Permission.Read)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        foreach (var action in new[] { DocumentAction.Approve, DocumentAction.Reject, DocumentAction.Publish, DocumentAction.Retire })
        {
            var name = action.ToString().ToLowerInvariant();
            app.MapPost($"/orgs/{{orgId:guid}}/documents/{{documentId:guid}}/{name}", (Guid orgId, Guid documentId, ChangeDocumentStatusHandler handler, CancellationToken ct) =>
                    PageForms.Outcome(Links.Document(orgId, documentId), async () =>
                    {
                        await handler.HandleAsync(new DocumentTransition(documentId, action), ct);
                        return $"{Links.Document(orgId, documentId)}?saved={name}";
                    }))
                .RequirePagePermission(Permission.Approve)
                .WithMetadata(new StateDependentMetadata())
                .ValidateFormAntiforgery();
        }

        app.MapPost("/orgs/{orgId:guid}/documents/{documentId:guid}/tailor", (Guid orgId, Guid documentId, TailorDocumentHandler handler, CancellationToken ct) =>
                PageForms.Outcome(Links.Document(orgId, documentId), async () =>
                {
                    var proposals = await handler.HandleAsync(new TailorDocumentRequest(orgId, documentId, null), ct);
                    return $"{Links.Document(orgId, documentId)}?saved={Uri.EscapeDataString($"{proposals.Count(p => p.Proposed is not null)} rewrites proposed, {proposals.Count(p => p.Proposed is null)} refused by the guardrails")}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        foreach (var (verb, approve) in new[] { ("approve", true), ("reject", false) })
        {
            app.MapPost($"/orgs/{{orgId:guid}}/documents/{{documentId:guid}}/tailorings/{{proposalId:guid}}/{verb}", (Guid orgId, Guid documentId, Guid proposalId, DecideTailoringHandler handler, CancellationToken ct) =>
                    PageForms.Outcome(Links.Document(orgId, documentId), async () =>
                    {
                        await handler.HandleAsync(new TailoringDecision(documentId, proposalId, approve), ct);
                        return $"{Links.Document(orgId, documentId)}?saved=rewrite-{verb}d";
                    }))
                .RequirePagePermission(Permission.Approve)
                .WithMetadata(new StateDependentMetadata())
                .ValidateFormAntiforgery();
        }

        app.MapPost("/orgs/{orgId:guid}/documents/{documentId:guid}/acknowledge", (Guid orgId, Guid documentId, HttpContext http, AcknowledgeDocumentHandler handler, CancellationToken ct) =>
                PageForms.Outcome(Links.Document(orgId, documentId), async () =>
                {
                    await handler.HandleAsync(new AcknowledgeRequest(documentId, DocumentsEndpoints.UserId(http.User), http.User.Identity?.Name ?? "unknown"), ct);
                    return $"{Links.Document(orgId, documentId)}?saved=acknowledged";
                }))
            .RequirePagePermission(Permission.Read)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapGet("/orgs/{orgId:guid}/documents/{documentId:guid}/revisions/{number:int}/{format}", async (Guid documentId, int number, string format, OpenPublishedFileHandler handler, CancellationToken ct) =>
            {
                if (!Enum.TryParse<DocumentFileFormat>(format, ignoreCase: true, out var parsed))
                {
                    return Results.NotFound();
                }

                return Downloads.Stored(await handler.DownloadAsync(documentId, number, parsed, ct));
            })
            .RequirePagePermission(Permission.Read)
            .WithMetadata(new StateDependentMetadata());

        app.MapGet("/orgs/{orgId:guid}/documents/{documentId:guid}/revisions/{number:int}/employees/{format}", async (Guid documentId, int number, string format, ExportEmployeeCopyHandler handler, CancellationToken ct) =>
                Downloads.File(await handler.HandleAsync(documentId, number, DocumentFiles.Parse(format), ct)))
            .RequirePagePermission(Permission.Read)
            .WithMetadata(new StateDependentMetadata());

        // The whole pack from the latest answers, zipped: what "Generate all" hands to a person who wants the files.
        app.MapGet("/orgs/{orgId:guid}/documents/pack.zip", async (Guid orgId, string? format, BuildPolicyPackZipHandler pack, CancellationToken ct) =>
                Results.File(await pack.HandleAsync(orgId, format, ct), "application/zip", "policy-pack.zip"))
            .RequirePagePermission(Permission.Read);
    }
}
