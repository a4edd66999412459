using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Persistence;
using Harmonia.Domain.Readiness;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

public sealed record HeldDocumentInput(string? RequirementId, string? Title, string? Reference, DateOnly? DatedOn, string? Location);

public sealed record HeldDocumentDto(string RequirementId, string Title, string? Reference, DateOnly DatedOn, string Location);

/// <summary>One documented-information requirement of the certificate's standard and what provides it.</summary>
/// <param name="InHarmonia">The published or registered document in Harmonia that provides it, if any.</param>
/// <param name="Held">The document listed as held elsewhere, if any.</param>
/// <param name="Standing">In words: what readiness counts for it and, when it counts nothing, why.</param>
public sealed record HeldDocumentRow(string RequirementId, string Ref, string Requirement, string Expected, string? InHarmonia, HeldDocumentDto? Held, string Standing, bool Counts);

public sealed record HeldDocumentsView(Guid CertificateId, string FrameworkId, string Framework, string Number, string Body, DateOnly ExpiresOn, IReadOnlyList<HeldDocumentRow> Rows)
{
    public int Counting => Rows.Count(r => r.Counts);
}

/// <summary>
/// The document list of a certificate: every documented-information requirement of its standard, the document
/// Harmonia holds for it, the one listed as held elsewhere, and whether readiness counts it.
/// </summary>
public sealed class ListHeldDocumentsHandler(HarmoniaDbContext db, LoadedContent content, PublishedDocuments published, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such certificate.</summary>
    public async Task<HeldDocumentsView> HandleAsync(Guid certificateId, CancellationToken cancellationToken = default)
    {
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == certificateId, cancellationToken) ?? throw new NotFoundException("certificate");
        var listed = (await db.HeldDocuments.AsNoTracking().Where(d => d.CertificateId == certificateId).ToListAsync(cancellationToken))
            .ToDictionary(d => d.RequirementId, StringComparer.Ordinal);
        var inHarmonia = await published.HandleAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var certificateName = $"{certificate.Number} of {certificate.Body}";
        var rows = Requirements(content, certificate.FrameworkId).Select(r =>
        {
            var requirement = content.Catalog.FindRequirement(r.RequirementId)!;
            var document = inHarmonia.FirstOrDefault(d => d.RequirementIds.Contains(r.RequirementId));
            var own = document is null ? null : $"{document.Title} {document.Version}";
            var held = listed.GetValueOrDefault(r.RequirementId);
            var notCounted = held is null ? null
                : new HeldElsewhere(held.Title, held.Reference, held.DatedOn, held.Location, certificateName, certificate.ExpiresOn).NotCounted(today);
            var (standing, counts) = (own, held, notCounted) switch
            {
                ({ } title, _, _) => ($"Provided in Harmonia by {title}.", true),
                (null, { }, null) => ("Held elsewhere: counts as a registered document.", true),
                (null, { }, { } why) => ("Does not count: " + why, false),
                _ => ("Missing: no document provides it, in Harmonia or held elsewhere.", false),
            };
            return new HeldDocumentRow(
                r.RequirementId, requirement.Ref, requirement.Title, r.Expected, own,
                held is null ? null : new HeldDocumentDto(held.RequirementId, held.Title, held.Reference, held.DatedOn, held.Location),
                standing, counts);
        }).ToArray();
        return new HeldDocumentsView(certificate.Id, certificate.FrameworkId, content.Catalog.FindFramework(certificate.FrameworkId)?.Name ?? certificate.FrameworkId,
            certificate.Number, certificate.Body, certificate.ExpiresOn, rows);
    }

    internal static IEnumerable<Documents.DocumentedInformation> Requirements(LoadedContent content, string frameworkId) =>
        content.Documents.DocumentedInformation.Where(d => d.RequirementId.StartsWith(frameworkId + ":", StringComparison.Ordinal));
}
