using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.AiSystems;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.AiSystems;

internal static class AiSystemsEndpoints
{
    private const long MaxImportBytes = 5 * 1024 * 1024;

    public static void MapAiSystemsEndpoints(this RouteGroupBuilder organization)
    {
        var group = organization.MapGroup("/").WithTags("AI systems");

        group.MapGet("/ai-systems", async (int? page, int? pageSize, string? stage, string? assessment, string? sort, ListAiSystemsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(new AiSystemFilter(stage, assessment), PageRequest.Of(page, pageSize), SortOrder.Parse(sort, ListAiSystemsHandler.SortKeys.Keys.ToArray(), ListAiSystemsHandler.DefaultSort), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The AI system inventory, paged, with whether each impact assessment is current, due or missing. Filters: stage (life-cycle stage), assessment (missing, current, due); sort by key, name, roles, stage, euaiact or assessment, with a leading - for descending.");

        group.MapGet("/ai-systems/export/{format}", async (string format, string? stage, string? assessment, string? sort, ExportAiSystemRegisterHandler handler, CancellationToken ct) =>
                Downloads.File(await handler.HandleAsync(format, new AiSystemFilter(stage, assessment), SortOrder.Parse(sort, ListAiSystemsHandler.SortKeys.Keys.ToArray(), ListAiSystemsHandler.DefaultSort), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The inventory, or one view of it (the list's filters and sort), as xlsx or csv.");

        group.MapPost("/ai-systems", async (Guid orgId, AiSystemInput input, SaveAiSystemHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var system = await handler.CreateAsync(input, ct);
                response.Headers.ETag = EndpointConventions.ETag(system.Version);
                return TypedResults.Created($"/api/orgs/{orgId}/ai-systems/{system.Id}", system);
            })
            .RequirePermission(Permission.Edit)
            .WithSummary("Register an AI system.");

        group.MapGet("/ai-systems/{aiSystemId:guid}", async (Guid aiSystemId, GetAiSystemHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var detail = await handler.HandleAsync(aiSystemId, ct);

                response.Headers.ETag = EndpointConventions.ETag(detail.System.Version);
                return Results.Ok(detail);
            })
            .RequirePermission(Permission.Read)
            .WithSummary("One AI system with its impact assessments, risks and AI evidence.");

        group.MapGet("/ai-systems/{aiSystemId:guid}/eu-ai-act", async (Guid aiSystemId, GetEuAiActObligationsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(aiSystemId, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The EU AI Act obligations this AI system brings the organization, selected by its EU AI Act role and class, each with the reason; a system without role or class gets no list but what to record.");

        group.MapPut("/ai-systems/{aiSystemId:guid}", (Guid aiSystemId, AiSystemInput input, SaveAiSystemHandler handler, HttpContext http, CancellationToken ct) =>
                EndpointConventions.VersionedUpdateAsync(http, version => handler.UpdateAsync(aiSystemId, version, input, ct), system => system.Version))
            .RequirePermission(Permission.Edit)
            .WithSummary("Replace an AI system; a change of purpose, model, data sources or people affected makes its impact assessment due.");

        group.MapDelete("/ai-systems/{aiSystemId:guid}", async (Guid aiSystemId, DeleteAiSystemHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(aiSystemId, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.Delete)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Delete an AI system registered by mistake (one with impact assessments or risks is marked out of scope instead).");

        group.MapPost("/ai-systems/{aiSystemId:guid}/impact-assessments", async (Guid orgId, Guid aiSystemId, StartImpactAssessmentHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var draft = await handler.HandleAsync(aiSystemId, ct);

                response.Headers.ETag = EndpointConventions.ETag(draft.Version);
                return Results.Created($"/api/orgs/{orgId}/ai-systems/{aiSystemId}/impact-assessments/{draft.Number}", draft);
            })
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Start the next version of the impact assessment as a draft (from the latest version's findings).");

        group.MapGet("/ai-systems/{aiSystemId:guid}/impact-assessments/{number:int}", async (Guid aiSystemId, int number, GetImpactAssessmentHandler handler, HttpResponse response, CancellationToken ct) =>
            {
                var assessment = await handler.HandleAsync(aiSystemId, number, ct);

                response.Headers.ETag = EndpointConventions.ETag(assessment.Version);
                return Results.Ok(assessment);
            })
            .RequirePermission(Permission.Read)
            .WithSummary("One version of an impact assessment.");

        group.MapPut("/ai-systems/{aiSystemId:guid}/impact-assessments/{number:int}", (Guid aiSystemId, int number, ImpactAssessmentInput input, SaveImpactAssessmentHandler handler, HttpContext http, CancellationToken ct) =>
                EndpointConventions.VersionedUpdateAsync(http, version => handler.HandleAsync(aiSystemId, number, version, input, ct), assessment => assessment.Version))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Fill in a draft: impacts by dimension with severity, likelihood, mitigations (controls, risks) and residual rating; decision; next review. A refusal (400) lists each entry's problems under entries[k], k its place in the list sent, from 0.");

        group.MapPost("/ai-systems/{aiSystemId:guid}/impact-assessments/{number:int}/approve", async (Guid aiSystemId, int number, ApproveImpactAssessmentHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(aiSystemId, number, ct)))
            .RequirePermission(Permission.Approve)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Approve a complete draft; it never changes again and supersedes the previous version.");

        group.MapGet("/ai-systems/{aiSystemId:guid}/impact-assessments/{number:int}/export/{format}", async (Guid aiSystemId, int number, string format, ExportImpactAssessmentHandler handler, CancellationToken ct) =>
                Downloads.File(await handler.HandleAsync(aiSystemId, number, format, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("One version of the impact assessment as docx, pdf, md or html.");

        group.MapGet("/ai-systems/{aiSystemId:guid}/impact-assessments/{number:int}/fria/{format}", async (Guid aiSystemId, int number, string format, ExportFundamentalRightsAssessmentHandler handler, CancellationToken ct) =>
                Downloads.File(await handler.HandleAsync(aiSystemId, number, format, ct)))
            .RequirePermission(Permission.Read)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("The fundamental rights impact assessment (EU AI Act Art. 27) drawn from an approved impact assessment of a high-risk system the organization deploys, as docx, pdf, md or html; elements the records do not hold are listed as gaps. Refused for a draft or superseded assessment, a system that is not high-risk or an organization that is not its deployer.");

        group.MapGet("/ai-evidence", async (int? page, int? pageSize, string? aiSystem, ListAiEvidenceHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(PageRequest.Of(page, pageSize), aiSystem, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("AI evidence results (bias tests, data-quality metrics, validation, transparency), newest first.");

        group.MapPost("/ai-evidence", async (AiEvidenceInput[] inputs, RecordAiEvidenceHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(inputs, ct)))
            .RequirePermission(Permission.Edit)
            .WithSummary("Record results, all or nothing; each failing result opens a risk suggestion.");

        group.MapPost("/ai-evidence/import", async (HttpRequest request, string? format, ImportAiEvidenceHandler handler, CancellationToken ct) =>
            {
                if (request.ContentLength is > MaxImportBytes)
                {
                    return Problems.Of(StatusCodes.Status413PayloadTooLarge, "File too large", "An import may have 5 MB.");
                }

                format ??= request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true ? "json" : "csv";
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, ct);
                if (buffer.Length > MaxImportBytes)
                {
                    return Problems.Of(StatusCodes.Status413PayloadTooLarge, "File too large", "An import may have 5 MB.");
                }

                buffer.Position = 0;
                return Results.Ok(await handler.HandleAsync(buffer, format, ct));
            })
            .RequirePermission(Permission.Edit)
            .Accepts<string>("text/csv", "application/json")
            .WithSummary("Import results from an evaluation tool as CSV or a JSON array (?format=csv|json), all or nothing.");

        group.MapGet("/risk-suggestions", async (int? page, int? pageSize, string? status, ListRiskSuggestionsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(PageRequest.Of(page, pageSize), status, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("Risks suggested by failing AI evidence (open by default; status=accepted|dismissed|all).");

        group.MapPost("/risk-suggestions/{suggestionId:guid}/{decision:regex(^(accept|dismiss)$)}", async (Guid suggestionId, string decision, RiskSuggestionDecisionInput? input, DecideRiskSuggestionHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(suggestionId, new RiskSuggestionDecision(decision == "accept", input?.Likelihood, input?.Impact, input?.Owner), ct)))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary("Accept a suggestion (adds the risk to the register) or dismiss it.");

        group.MapPost("/risk-suggestions/decide", async (RiskSuggestionsDecision input, DecideRiskSuggestionsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(input, ct)))
            .RequirePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary($"Accept or dismiss several open suggestions at once ({{\"suggestionIds\": [\"…\"], \"accept\": true}}): at most {DecideRiskSuggestionsHandler.MaxSuggestions}, all or none; accepted ones become risks in the order given.");
    }

    internal sealed record RiskSuggestionDecisionInput(int? Likelihood, int? Impact, string? Owner);
}
