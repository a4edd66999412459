using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.AiSystems;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Harmonia.Web.Features.AiSystems;

/// <summary>Form posts and downloads of the AI system, impact assessment and risk suggestion pages (cookie sign-in, antiforgery checked).</summary>
internal static class AiSystemPageEndpoints
{
    private const long MaxImportBytes = 5 * 1024 * 1024;
    private const string SystemRoute = "/orgs/{orgId:guid}/ai-systems/{aiSystemId:guid}";
    private const string Assessment = SystemRoute + "/impact-assessments/{number:int}";

    public static void MapAiSystemPageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/ai-systems/register", async Task<IResult> (Guid orgId, HttpRequest request, SaveAiSystemHandler save, CancellationToken ct) =>
            {
                var input = AiSystemForm.Read(await request.ReadFormAsync(ct), null);
                try
                {
                    var created = await save.CreateAsync(input, ct);
                    return Results.Redirect($"{Links.AiSystem(orgId, created.Id)}?saved={Uri.EscapeDataString($"{created.Key} registered")}");
                }
                catch (Exception ex) when (ex is not NotFoundException && PageForms.MessageFor(ex) is { } message)
                {
                    return Retry(request.HttpContext, ex, "Register an AI system", $"/orgs/{orgId}/ai-systems/register", Links.AiSystems(orgId), message, input, null);
                }
            })
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost(SystemRoute + "/edit", async Task<IResult> (Guid orgId, Guid aiSystemId, HttpRequest request, SaveAiSystemHandler save, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var version = FormValues.Number(FormValues.Text(form, "version"));
                var input = AiSystemForm.Read(form, form["inScope"] == "true");
                try
                {
                    var saved = await save.UpdateAsync(aiSystemId, version, input, ct);
                    return Results.Redirect($"{Links.AiSystem(orgId, aiSystemId)}?saved={Uri.EscapeDataString($"{saved.Key} saved")}");
                }
                catch (NotFoundException)
                {
                    return Results.NotFound();
                }
                catch (Exception ex) when (PageForms.MessageFor(ex) is { } message)
                {
                    return Retry(request.HttpContext, ex, $"Edit {input.Key}", $"/orgs/{orgId}/ai-systems/{aiSystemId}/edit", Links.AiSystem(orgId, aiSystemId), message, input, version);
                }
            })
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost(SystemRoute + "/ai-evidence/import", (Guid orgId, Guid aiSystemId, IFormFile? file, ImportAiEvidenceHandler import, CancellationToken ct) =>
                PageForms.Outcome(Links.AiSystem(orgId, aiSystemId), async () =>
                {
                    var format = Path.GetExtension(file?.FileName ?? string.Empty).ToLowerInvariant() switch
                    {
                        ".csv" => "csv",
                        ".json" => "json",
                        _ => throw new InvalidInputException("Choose a results file exported by the evaluation tool: CSV (.csv) or a JSON array (.json)."),
                    };
                    if (file!.Length is 0 or > MaxImportBytes)
                    {
                        throw new InvalidInputException("The results file is empty or larger than 5 MB.");
                    }

                    await using var content = file.OpenReadStream();
                    var recorded = await import.HandleAsync(content, format, ct);
                    return $"{Links.AiSystem(orgId, aiSystemId)}?saved={Uri.EscapeDataString($"{recorded.Recorded.Count} results imported, {recorded.Suggestions.Count} risks suggested")}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes + (64 * 1024)))
            .ValidateFormAntiforgery();

        app.MapPost(SystemRoute + "/impact-assessments", (Guid orgId, Guid aiSystemId, StartImpactAssessmentHandler start, CancellationToken ct) =>
                PageForms.Outcome(Links.AiSystem(orgId, aiSystemId), async () =>
                    await start.HandleAsync(aiSystemId, ct) is { } draft
                        ? $"{Links.ImpactAssessment(orgId, aiSystemId, draft.Number)}?saved={Uri.EscapeDataString($"draft v{draft.Number} started")}"
                        : null))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost(Assessment + "/save", (Guid orgId, Guid aiSystemId, int number, HttpRequest request, SaveImpactAssessmentHandler save, CancellationToken ct) =>
                PageForms.Outcome(Links.ImpactAssessment(orgId, aiSystemId, number), async () =>
                {
                    var (input, version, rows) = ImpactAssessmentForm.Read(await request.ReadFormAsync(ct));
                    try
                    {
                        return await save.HandleAsync(aiSystemId, number, version, input, ct) is null
                            ? null
                            : $"{Links.ImpactAssessment(orgId, aiSystemId, number)}?saved=draft+saved";
                    }
                    catch (InvalidInputException refusal)
                    {
                        // Each message goes beside the row it is about, blank rows above it counted.
                        throw ImpactAssessmentForm.ForForm(refusal, rows);
                    }
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost(Assessment + "/approve", (Guid orgId, Guid aiSystemId, int number, ApproveImpactAssessmentHandler approve, CancellationToken ct) =>
                PageForms.Outcome(Links.ImpactAssessment(orgId, aiSystemId, number), async () =>
                {
                    await approve.HandleAsync(aiSystemId, number, ct);
                    return $"{Links.ImpactAssessment(orgId, aiSystemId, number)}?saved=approved";
                }))
            .RequirePagePermission(Permission.Approve)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapGet("/orgs/{orgId:guid}/ai-systems/export/{format}", async Task<IResult> (Guid orgId, string format, string? stage, string? assessment, string? sort, ExportAiSystemRegisterHandler export, CancellationToken ct) =>
            {
                try
                {
                    // The page's own link: an order it does not know falls back, as the page itself does.
                    return Downloads.File(await export.HandleAsync(format, new AiSystemFilter(stage, assessment), PageSort.Of(sort, ListAiSystemsHandler.SortKeys.Keys, ListAiSystemsHandler.DefaultSort), ct));
                }
                catch (InvalidInputException ex)
                {
                    return Results.Redirect(PageForms.WithError(Links.AiSystems(orgId), ex.Message));
                }
            })
            .RequirePagePermission(Permission.Read);

        app.MapGet(Assessment + "/export/{format}", async (Guid aiSystemId, int number, string format, ExportImpactAssessmentHandler export, CancellationToken ct) =>
                Downloads.File(await export.HandleAsync(aiSystemId, number, format, ct)))
            .RequirePagePermission(Permission.Read);

        app.MapGet(Assessment + "/fria/{format}", async Task<IResult> (Guid orgId, Guid aiSystemId, int number, string format, ExportFundamentalRightsAssessmentHandler export, CancellationToken ct) =>
            {
                try
                {
                    return Downloads.File(await export.HandleAsync(aiSystemId, number, format, ct));
                }
                catch (InvalidInputException ex)
                {
                    return Results.Redirect(PageForms.WithError($"{Links.AiSystem(orgId, aiSystemId)}/impact-assessments/{number}", ex.Message));
                }
            })
            .RequirePagePermission(Permission.Read)
            .WithMetadata(new StateDependentMetadata());

        app.MapPost("/orgs/{orgId:guid}/risk-suggestions/decide", async (Guid orgId, HttpRequest request, DecideRiskSuggestionsHandler decide, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var back = Guid.TryParse(form["aiSystemId"].ToString(), out var aiSystemId) ? Links.AiSystem(orgId, aiSystemId) : Links.Risks(orgId);
                return await PageForms.Outcome(back, async () =>
                {
                    var ids = form["suggestionIds"].OfType<string>().Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToArray();
                    var accept = form["decision"].ToString() == "accept";
                    var decided = await decide.HandleAsync(new RiskSuggestionsDecision(ids, accept), ct);
                    var said = accept
                        ? $"{decided.Count} suggestions accepted: {string.Join(", ", decided.Select(d => d.RiskKey))} added to the register"
                        : $"{decided.Count} suggestions dismissed";
                    return PageForms.With(back, "saved", said);
                });
            })
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/risk-suggestions/{suggestionId:guid}/{decision:regex(^(accept|dismiss)$)}", async (Guid orgId, Guid suggestionId, string decision, HttpRequest request, DecideRiskSuggestionHandler decide, CancellationToken ct) =>
            {
                // The form says which page it came from; only an AI system id is taken from it, so the redirect stays local.
                var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
                var back = Guid.TryParse(form?["aiSystemId"].ToString(), out var aiSystemId)
                    ? Links.AiSystem(orgId, aiSystemId)
                    : Links.Risks(orgId);
                return await PageForms.Outcome(back, async () =>
                    await decide.HandleAsync(suggestionId, new RiskSuggestionDecision(decision == "accept", null, null, null), ct) is { } decided
                        ? PageForms.With(back, "saved", decided.RiskKey is { } key ? $"suggestion accepted: risk {key} added to the register" : "suggestion dismissed")
                        : null);
            })
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();
    }

    /// <summary>A refused AI system form comes back filled with what was typed, so nothing has to be entered twice.</summary>
    private static RazorComponentResult<AiSystemFormPage> Retry(HttpContext context, Exception refusal, string heading, string action, string back, string error, AiSystemInput input, int? version)
    {
        // The messages per field reach the fields through the same flash a redirected form reads (ADR 0023).
        context.Items[typeof(FormFlash)] = FormFlash.Empty with { Error = error, FieldErrors = (refusal as InvalidInputException)?.Errors ?? FormFlash.Empty.FieldErrors };
        return new RazorComponentResult<AiSystemFormPage>(new { Heading = heading, Action = action, Back = back, Error = error, Input = input, Version = version })
        {
            StatusCode = StatusCodes.Status400BadRequest,
        };
    }
}
