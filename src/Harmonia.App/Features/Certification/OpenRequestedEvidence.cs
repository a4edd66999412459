using Harmonia.App.Common;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>The current version of the evidence given in answer: a stored file to download, or a link to follow.</summary>
public sealed record RequestedEvidence(EvidenceFileContent? File, string? Url, string Title);

/// <summary>
/// The external auditor opens the evidence linked to one of their requests, and nothing else: the evidence routes
/// stay closed to the role, so the request is the only door. Each opening is recorded against the engagement.
/// </summary>
public sealed class OpenRequestedEvidenceHandler(HarmoniaDbContext db, EngagementAccess access, TimeProvider time, OpenEvidenceFileHandler files)
{
    public async Task<RequestedEvidence> HandleAsync(Guid engagementId, Guid requestId, Guid auditorUserId, CancellationToken cancellationToken = default)
    {
        var engagement = await access.AuditorsAsync(engagementId, auditorUserId, cancellationToken);
        var request = await db.EvidenceRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId && r.EngagementId == engagement.Id, cancellationToken)
            ?? throw new NotFoundException("evidence request");
        var evidence = request.EvidenceId is { } id
            ? await db.Evidence.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Id, e.Title, e.CurrentVersion }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (evidence is null)
        {
            // The request is the auditor's to see; only its state keeps the evidence away, so this is a refusal, not a 404.
            throw new InvalidInputException($"Request {request.Number} has no evidence linked to it yet.");
        }

        var version = await db.EvidenceVersions.AsNoTracking().SingleAsync(v => v.EvidenceId == evidence.Id && v.Number == evidence.CurrentVersion, cancellationToken);
        db.EngagementAccesses.Add(new EngagementAccessRecord
        {
            EngagementId = engagement.Id,
            What = Shorten($"evidence '{evidence.Title}' version {version.Number} (request {request.Number})"),
            AtUtc = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return version.Kind == EvidenceKinds.File
            ? new RequestedEvidence(await files.HandleAsync(evidence.Id, version.Number, cancellationToken), null, evidence.Title)
            : new RequestedEvidence(null, version.Url, evidence.Title);
    }

    private static string Shorten(string what) => what.Length <= 200 ? what : what[..199] + "…";
}
