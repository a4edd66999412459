using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Features.Gaps;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Harmonia.Web.Features.Evidence;

/// <summary>The form posts of the controls, evidence and requirement pages (cookie sign-in, antiforgery checked).</summary>
internal static class EvidencePageEndpoints
{
    public static void MapEvidencePageEndpoints(this WebApplication app, EvidenceStoreSettings store)
    {
        var uploadLimit = new RequestSizeLimitAttribute(EvidenceForm.RequestLimit(store.MaxFileBytes));

        app.MapPost("/orgs/{orgId:guid}/controls/{controlId:guid}/evidence", (Guid orgId, Guid controlId, HttpRequest request, AddEvidenceHandler handler, CancellationToken ct) =>
                PageForms.Outcome(Links.Control(orgId, controlId), () => SaveAsync(
                    request,
                    (input, upload) => handler.HandleAsync(controlId, input, upload, ct),
                    added => $"{Links.Control(orgId, controlId)}?saved={Uri.EscapeDataString(added.Title)}",
                    ct)))
            .RequirePagePermission(Permission.Edit)
            .ValidateFormAntiforgery()
            .WithMetadata(uploadLimit);

        app.MapPost("/orgs/{orgId:guid}/evidence/{evidenceId:guid}/versions", (Guid orgId, Guid evidenceId, HttpRequest request, AddEvidenceVersionHandler handler, CancellationToken ct) =>
                PageForms.Outcome(Links.EvidenceItem(orgId, evidenceId), () => SaveAsync(
                    request,
                    (input, upload) => handler.HandleAsync(evidenceId, input, upload, ct),
                    updated => $"{Links.EvidenceItem(orgId, evidenceId)}?saved=version-{updated.Current.Number}",
                    ct)))
            .RequirePagePermission(Permission.Edit)
            .ValidateFormAntiforgery()
            .WithMetadata(uploadLimit);

        app.MapGet("/orgs/{orgId:guid}/evidence/export/{format}", async (string format, string? freshness, string? search, string? sort, ExportEvidenceListHandler export, CancellationToken ct) =>
                // The page's own link: a freshness or order it does not know falls back, as the page itself does.
                Downloads.File(await export.HandleAsync(format, Enum.TryParse<EvidenceFreshness>(freshness, ignoreCase: true, out var f) ? f : EvidenceFreshness.All, search,
                    PageSort.Of(sort, ListEvidenceHandler.SortColumns, ListEvidenceHandler.DefaultSort), ct)))
            .RequirePagePermission(Permission.Read);

        app.MapGet("/orgs/{orgId:guid}/evidence/{evidenceId:guid}/versions/{number:int}/file", async (Guid evidenceId, int number, OpenEvidenceFileHandler handler, CancellationToken ct) =>
            {
                return Downloads.Stored(await handler.DownloadAsync(evidenceId, number, ct));
            })
            .RequirePagePermission(Permission.Read);

        app.MapPost("/orgs/{orgId:guid}/evidence/{evidenceId:guid}/delete", (Guid orgId, Guid evidenceId, HttpRequest request, GetEvidenceHandler get, DeleteEvidenceHandler delete, CancellationToken ct) =>
                PageForms.Outcome(Links.EvidenceItem(orgId, evidenceId), async () =>
                {
                    var evidence = await get.HandleAsync(evidenceId, ct);
                    await PageForms.RequireConfirmationAsync(request, ct);
                    await delete.HandleAsync(evidenceId, ct);
                    return $"{Links.Control(orgId, evidence.ControlId)}?saved={Uri.EscapeDataString($"evidence '{evidence.Title}' removed; the audit trail keeps what it was")}";
                }))
            .RequirePagePermission(Permission.Delete)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/evidence/delete", (Guid orgId, HttpRequest request, DeleteEvidenceRecordsHandler delete, CancellationToken ct) =>
                PageForms.BulkDeleteAsync(request, Links.Evidence(orgId), async form =>
                {
                    var deleted = await delete.HandleAsync(new DeleteEvidenceRecordsInput(FormValues.Ids(form, "evidenceIds")), ct);
                    return $"{(deleted.Count == 1 ? "1 piece" : $"{deleted.Count} pieces")} of evidence deleted ({string.Join(", ", deleted)}); the audit trail keeps what {(deleted.Count == 1 ? "it was" : "they were")}.";
                }, ct))
            .RequirePagePermission(Permission.Delete)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/controls/delete", (Guid orgId, HttpRequest request, DeleteControlsHandler delete, CancellationToken ct) =>
                PageForms.BulkDeleteAsync(request, Links.Controls(orgId), async form =>
                {
                    var deleted = await delete.HandleAsync(new DeleteControlsInput(FormValues.Ids(form, "controlIds")), ct);
                    return $"{deleted.Count} controls deleted ({string.Join(", ", deleted)}); the audit trail keeps what they were.";
                }, ct))
            .RequirePagePermission(Permission.Delete)
            .WithMetadata(new StateDependentMetadata())
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/controls/{controlId:guid}/delete", (Guid orgId, Guid controlId, HttpRequest request, GetControlHandler get, DeleteControlHandler delete, CancellationToken ct) =>
                PageForms.Outcome(Links.Control(orgId, controlId), async () =>
                {
                    var control = await get.HandleAsync(controlId, ct);
                    await PageForms.RequireConfirmationAsync(request, ct);
                    await delete.HandleAsync(controlId, null, ct);
                    return $"{Links.Controls(orgId)}?saved={Uri.EscapeDataString($"Control {control.Key} deleted; the audit trail keeps what it was.")}";
                }))
            .RequirePagePermission(Permission.Delete)
            .ValidateFormAntiforgery();

        app.MapPost("/orgs/{orgId:guid}/requirements/{requirementId}/result", (Guid orgId, string requirementId, HttpRequest request, SetResultHandler set, DeleteResultHandler clear, CancellationToken ct) =>
                PageForms.Outcome(Links.Requirement(orgId, requirementId), async () =>
                {
                    var form = await request.ReadFormAsync(ct);
                    var page = Links.Requirement(orgId, requirementId);
                    if (form["action"] == "clear")
                    {
                        await clear.HandleAsync(requirementId, ct);
                        return page + "?saved=cleared";
                    }

                    await set.HandleAsync(requirementId, new ResultInput(form["result"].ToString(), form["reason"].ToString()), ct);
                    return page + "?saved=result";
                }))
            .RequirePagePermission(Permission.Edit)
            .ValidateFormAntiforgery();
    }

    /// <summary>Evidence from a page form: a file when one was chosen, else a link or a record.</summary>
    private static async Task<string?> SaveAsync(
        HttpRequest request,
        Func<EvidenceInput, EvidenceUpload?, Task<EvidenceDetailDto>> save,
        Func<EvidenceDetailDto, string> next,
        CancellationToken ct)
    {
        var (input, file, sha256) = EvidenceForm.Read(await request.ReadFormAsync(ct));
        await using var content = file?.OpenReadStream();
        return next(await save(input, file is null ? null : new EvidenceUpload(content!, file.FileName, sha256)));
    }
}
