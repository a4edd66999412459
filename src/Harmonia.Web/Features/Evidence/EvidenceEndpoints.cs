using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Evidence;
using Harmonia.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Harmonia.Web.Features.Evidence;

internal static class EvidenceEndpoints
{
    public static void MapEvidenceEndpoints(this RouteGroupBuilder organization, EvidenceStoreSettings store)
    {
        var evidence = organization.MapGroup("/").WithTags("Evidence");
        var uploadLimit = new RequestSizeLimitAttribute(EvidenceForm.RequestLimit(store.MaxFileBytes));

        evidence.MapGet("/evidence", async (int? page, int? pageSize, Guid? controlId, EvidenceFreshness? freshness, string? search, string? sort, ListEvidenceHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(PageRequest.Of(page, pageSize), controlId, freshness ?? EvidenceFreshness.All, search, SortOrder.Parse(sort, ListEvidenceHandler.SortColumns.ToArray(), ListEvidenceHandler.DefaultSort), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("All evidence with its current version, paged; filter by control, freshness (Current, Expiring within 30 days, Expired) or a search term in the title or control key; sort by control, title, kind, version, effective or expires, with a leading - for descending.");

        evidence.MapGet("/evidence/export/{format}", async (string format, EvidenceFreshness? freshness, string? search, string? sort, ExportEvidenceListHandler handler, CancellationToken ct) =>
                Downloads.File(await handler.HandleAsync(format, freshness ?? EvidenceFreshness.All, search, SortOrder.Parse(sort, ListEvidenceHandler.SortColumns.ToArray(), ListEvidenceHandler.DefaultSort), ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("The evidence list, or one view of it (freshness, search, sort as for the list), as xlsx or csv.");

        evidence.MapGet("/evidence/{evidenceId:guid}", async (Guid evidenceId, GetEvidenceHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(evidenceId, ct)))
            .RequirePermission(Permission.Read)
            .WithSummary("One piece of evidence with every version, newest first.");

        evidence.MapPost("/controls/{controlId:guid}/evidence", async (Guid orgId, Guid controlId, EvidenceInput input, AddEvidenceHandler handler, CancellationToken ct) =>
            {
                var added = await handler.HandleAsync(controlId, input, null, ct);
                return TypedResults.Created($"/api/orgs/{orgId}/evidence/{added.Id}", added);
            })
            .RequirePermission(Permission.Edit)
            .WithSummary("Attach a link (url) or a record kept elsewhere (no url) to a control, with effective and expiry dates.");

        evidence.MapPost("/controls/{controlId:guid}/evidence/upload", (Guid orgId, Guid controlId, HttpRequest request, AddEvidenceHandler handler, CancellationToken ct) =>
                UploadAsync(request, (input, upload) => handler.HandleAsync(controlId, input, upload, ct), added => Results.Created($"/api/orgs/{orgId}/evidence/{added.Id}", added), ct))
            .RequirePermission(Permission.Edit)
            .DisableAntiforgery()
            .WithMetadata(uploadLimit)
            .Accepts<EvidenceUploadFields>("multipart/form-data")
            .Produces<EvidenceDetailDto>(StatusCodes.Status201Created)
            .WithSummary("Upload a file as evidence (multipart: file, title, effectiveOn, expiresOn, note, optional sha256 that must match).");

        evidence.MapPost("/evidence/{evidenceId:guid}/versions", async (Guid orgId, Guid evidenceId, EvidenceInput input, AddEvidenceVersionHandler handler, CancellationToken ct) =>
                TypedResults.Created($"/api/orgs/{orgId}/evidence/{evidenceId}", await handler.HandleAsync(evidenceId, input, null, ct)))
            .RequirePermission(Permission.Edit)
            .WithSummary("Add a new version as a link or record; earlier versions never change.");

        evidence.MapPost("/evidence/{evidenceId:guid}/versions/upload", (Guid orgId, Guid evidenceId, HttpRequest request, AddEvidenceVersionHandler handler, CancellationToken ct) =>
                UploadAsync(request, (input, upload) => handler.HandleAsync(evidenceId, input, upload, ct), updated => Results.Created($"/api/orgs/{orgId}/evidence/{evidenceId}", updated), ct))
            .RequirePermission(Permission.Edit)
            .DisableAntiforgery()
            .WithMetadata(uploadLimit)
            .Accepts<EvidenceUploadFields>("multipart/form-data")
            .Produces<EvidenceDetailDto>(StatusCodes.Status201Created)
            .WithSummary("Upload a file as a new version; earlier versions never change.");

        evidence.MapGet("/evidence/{evidenceId:guid}/versions/{number:int}/file", async (Guid evidenceId, int number, OpenEvidenceFileHandler handler, CancellationToken ct) =>
            {
                return Downloads.Stored(await handler.DownloadAsync(evidenceId, number, ct), withEntityTag: true);
            })
            .RequirePermission(Permission.Read)
            .WithSummary("Download the file of one version (its ETag is the SHA-256), or a 302 to a short-lived store address when Evidence:S3:PresignedDownloadMinutes is set.");

        evidence.MapDelete("/evidence/{evidenceId:guid}", async (Guid evidenceId, DeleteEvidenceHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(evidenceId, ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.Delete)
            .WithSummary("Remove evidence from its control; the audit trail keeps what it was and its files stay stored for Evidence:RetainDeletedFor (30 days by default). Evidence that answers an external auditor's request stays (400).");

        evidence.MapPost("/evidence/delete", async (DeleteEvidenceRecordsInput input, DeleteEvidenceRecordsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(new { deleted = await handler.HandleAsync(input, ct) }))
            .RequirePermission(Permission.Delete)
            .WithMetadata(new StateDependentMetadata())
            .WithSummary($"Delete several pieces of evidence ({{\"evidenceIds\": [\"…\"]}}, at most {DeleteEvidenceRecordsHandler.MaxEvidence}): all or none; evidence that answers an external auditor's request refuses the whole step, each reason given. Files stay stored for Evidence:RetainDeletedFor.");
    }

    /// <summary>A multipart upload: the file streams through the store's hashing.</summary>
    private static async Task<IResult> UploadAsync(
        HttpRequest request,
        Func<EvidenceInput, EvidenceUpload, Task<EvidenceDetailDto>> save,
        Func<EvidenceDetailDto, IResult> created,
        CancellationToken ct)
    {
        var (input, file, sha256) = EvidenceForm.Read(await request.ReadFormAsync(ct));
        if (file is null)
        {
            return Problems.BadRequest("Send the file in the multipart field 'file'.");
        }

        await using var content = file.OpenReadStream();
        return created(await save(input, new EvidenceUpload(content, file.FileName, sha256)));
    }
}
