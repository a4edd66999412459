using System.Globalization;
using System.Text.Json.Nodes;
using Harmonia.App.Content;
using Harmonia.App.Features.Gaps;
using Harmonia.Domain.Gaps;

namespace Harmonia.App.Features.Interop;

/// <summary>
/// The stored gap analysis as OSCAL assessment-results: one result per target framework, one finding per requirement
/// whose objective status is satisfied or not-satisfied. OSCAL has no "partial": a partial result is exported as
/// not-satisfied with implementation-status "partial" and our own result as a property, never rounded up.
/// </summary>
public sealed class ExportOscalAssessmentResultsHandler(StoredGapAnalysisHandler gap, LoadedContent content, TimeProvider time)
{
    /// <summary>The certifiable management-system standards the dashboard analyses; the exports follow the same choice.</summary>
    public static readonly IReadOnlyList<string> Targets = ["iso27001-2022", "iso42001-2023"];

    /// <summary>Placeholder for the assessment plan OSCAL requires; Harmonia keeps none (the gap analysis is continuous).</summary>
    public const string AssessmentPlanHref = "#no-assessment-plan";

    public async Task<JsonObject> HandleAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        var results = new JsonArray();
        var name = string.Empty;
        var now = OscalDocument.Timestamp(time);
        foreach (var target in Targets)
        {
            var report = await gap.HandleAsync(new StoredGapRequest(organizationId, target), cancellationToken);
            name = report.OrganizationName;
            var headline = report.Headline.Overall;
            var result = new JsonObject
            {
                ["uuid"] = OscalIds.Uuid($"result:{organizationId}:{target}"),
                ["title"] = $"Gap analysis against {report.Target.Name}",
                ["description"] = $"Every requirement of {report.Target.Title} with the result Harmonia reached from the organization's controls, evidence, documents and records.",
                ["start"] = now,
                ["props"] = new JsonArray(
                    OscalDocument.OwnProp("framework", target),
                    OscalDocument.OwnProp("percent-met", headline.Percent.ToString("0.0", CultureInfo.InvariantCulture))),
                ["reviewed-controls"] = new JsonObject
                {
                    ["description"] = $"All requirements of {report.Target.Name} (catalog {ExportOscalComponentDefinitionHandler.CatalogHref(target)}).",
                    ["control-selections"] = new JsonArray(new JsonObject { ["include-all"] = new JsonObject() }),
                },
                ["findings"] = new JsonArray(report.Rows.Select(r => (JsonNode)Finding(organizationId, r)).ToArray()),
                ["remarks"] = $"{headline.Satisfied} satisfied, {headline.Partial} partially satisfied, {headline.Open} open or not satisfied, {headline.NotApplicable} not applicable. {report.Recommendation}",
            };
            results.Add(result);
        }

        return new JsonObject
        {
            ["assessment-results"] = new JsonObject
            {
                ["uuid"] = OscalIds.Uuid($"assessment-results:{organizationId}"),
                ["metadata"] = OscalDocument.Metadata(
                    $"{name}: gap analysis results", time, content.Version,
                    "Exported by Harmonia from the stored gap analysis, the same results the API and the gap page show. " +
                    "Partially satisfied requirements are reported as not-satisfied with implementation-status partial; " +
                    "requirements excluded by an approved Statement of Applicability as satisfied with reason other and implementation-status not-applicable."),
                ["import-ap"] = new JsonObject
                {
                    ["href"] = AssessmentPlanHref,
                    ["remarks"] = "There is no assessment plan: Harmonia's gap analysis is recomputed after every change rather than planned. OSCAL requires the reference, so it points to this placeholder.",
                },
                ["results"] = results,
            },
        };
    }

    private static JsonObject Finding(Guid organizationId, GapRow row)
    {
        var requirement = row.Requirement;
        var (state, reason, implementation) = row.Result switch
        {
            RequirementResult.Satisfied => ("satisfied", "pass", "implemented"),
            RequirementResult.NotApplicable => ("satisfied", "other", "not-applicable"),
            RequirementResult.PartiallySatisfied => ("not-satisfied", "fail", "partial"),
            RequirementResult.NotSatisfied => ("not-satisfied", "fail", (string?)null),
            _ => ("not-satisfied", "other", null),
        };
        var status = new JsonObject { ["state"] = state, ["reason"] = reason };
        if (!string.IsNullOrWhiteSpace(row.Reason))
        {
            status["remarks"] = row.Reason;
        }

        var target = new JsonObject
        {
            ["type"] = "objective-id",
            ["target-id"] = OscalIds.Control(requirement),
            ["title"] = $"{requirement.Ref} {requirement.Title}",
            ["props"] = new JsonArray(OscalDocument.OwnProp("result", Result(row.Result)), OscalDocument.OwnProp("basis", row.Basis.ToString().ToLowerInvariant())),
            ["status"] = status,
        };
        if (implementation is not null)
        {
            target["implementation-status"] = new JsonObject { ["state"] = implementation };
        }

        return new JsonObject
        {
            ["uuid"] = OscalIds.Uuid($"finding:{organizationId}:{requirement.Id}"),
            ["title"] = $"{requirement.Ref} {requirement.Title}: {row.Result.ToLabel().ToLowerInvariant()}",
            ["description"] = string.IsNullOrWhiteSpace(row.Reason) ? row.Result.ToLabel() + "." : row.Reason,
            ["props"] = new JsonArray(OscalDocument.OwnProp("requirement-id", requirement.Id)),
            ["target"] = target,
        };
    }

    /// <summary>Our result word in OSCAL's token style ("partial" rather than "partially_satisfied").</summary>
    public static string Result(RequirementResult result) => result switch
    {
        RequirementResult.Satisfied => "satisfied",
        RequirementResult.PartiallySatisfied => "partial",
        RequirementResult.NotSatisfied => "not-satisfied",
        RequirementResult.NotApplicable => "not-applicable",
        _ => "open",
    };
}
