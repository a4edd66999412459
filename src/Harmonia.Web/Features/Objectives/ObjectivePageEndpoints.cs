using System.Globalization;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Objectives;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Objectives;

/// <summary>Form posts of the objectives page (cookie sign-in, antiforgery checked).</summary>
internal static class ObjectivePageEndpoints
{
    private const string ObjectiveRoute = "/orgs/{orgId:guid}/objectives/{objectiveId:guid}";

    public static void MapObjectivePageEndpoints(this WebApplication app)
    {
        app.MapPost("/orgs/{orgId:guid}/objectives/add", (Guid orgId, HttpRequest request, SaveObjectiveHandler save, CancellationToken ct) =>
                PageForms.Outcome(Links.Objectives(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var input = new ObjectiveInput(
                        FormValues.Text(form, "title"), FormValues.Text(form, "system"), FormValues.Text(form, "measure"), FormValues.Text(form, "unit"),
                        Number(form, "target"), FormValues.Text(form, "direction"), FormValues.Text(form, "owner"), FormValues.Text(form, "frequency"), FormValues.Date(form, "dueOn"));
                    var objective = await save.CreateAsync(input, ct);
                    return $"{Links.Objectives(orgId)}?saved={Uri.EscapeDataString($"objective {objective.Key} set")}#{objective.Key}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost(ObjectiveRoute + "/measure", (Guid orgId, Guid objectiveId, HttpRequest request, RecordMeasurementHandler record, CancellationToken ct) =>
                PageForms.Outcome(Links.Objectives(orgId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var objective = await record.HandleAsync(objectiveId, new MeasurementInput(FormValues.Date(form, "measuredOn"), Number(form, "value"), FormValues.Text(form, "note")), ct);
                    return $"{Links.Objectives(orgId)}?saved={Uri.EscapeDataString($"measurement of {objective.Key} recorded")}#{objective.Key}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost(ObjectiveRoute + "/retire", (Guid orgId, Guid objectiveId, RetireObjectiveHandler retire, CancellationToken ct) =>
                PageForms.Outcome(Links.Objectives(orgId), async () =>
                {
                    var objective = await retire.HandleAsync(objectiveId, ct);
                    return $"{Links.Objectives(orgId)}?saved={Uri.EscapeDataString($"objective {objective.Key} retired (kept on record)")}";
                }))
            .RequirePagePermission(Permission.Edit)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();
    }

    /// <summary>A number field; a malformed one is a field error rather than a silent "no value".</summary>
    private static double? Number(IFormCollection form, string field) => FormValues.Text(form, field) is not { } text
        ? null
        : double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidInputException(new Dictionary<string, string[]> { [field] = [$"'{text}' is not a number (use a point for decimals)."] });
}
