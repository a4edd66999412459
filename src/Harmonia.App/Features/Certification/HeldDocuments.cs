using Harmonia.App.Persistence;
using Harmonia.App.Rendering;
using Harmonia.Domain.Readiness;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>
/// The documents held outside Harmonia, by the documented-information requirement they provide. When several
/// certificates of one standard list a document for the same requirement, the one whose certificate runs longest
/// stands (a renewed certificate replaces the old one without deleting it).
/// </summary>
public sealed class HeldDocuments(HarmoniaDbContext db, TimeProvider time)
{
    /// <summary>
    /// Every listed document of the certificates of the given standards, for the audit pack: the body sees what
    /// Stage 1 counted as held elsewhere, and whether it still counts today.
    /// </summary>
    public async Task<TabularSheet> SheetAsync(Func<string, bool> covers, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var listed = (await db.HeldDocuments.AsNoTracking()
                .Join(db.Certificates, d => d.CertificateId, c => c.Id, (d, c) => new { Document = d, c.FrameworkId, c.Number, c.Body, c.ExpiresOn })
                .ToListAsync(cancellationToken))
            .Where(x => covers(x.FrameworkId))
            .OrderBy(x => x.Number, StringComparer.Ordinal).ThenBy(x => x.Document.RequirementId, StringComparer.Ordinal);
        return new TabularSheet("Documents held elsewhere",
            [new("Certificate"), new("Standard"), new("Requirement"), new("Title"), new("Reference"), new("Approved or reviewed on"), new("Location"), new("Counts for Stage 1")],
            listed.Select(x =>
            {
                var held = new HeldElsewhere(x.Document.Title, x.Document.Reference, x.Document.DatedOn, x.Document.Location, $"{x.Number} of {x.Body}", x.ExpiresOn);
                return (IReadOnlyList<TabularCell>)
                [
                    held.Certificate, x.FrameworkId, x.Document.RequirementId, x.Document.Title, x.Document.Reference,
                    TabularCell.Date(x.Document.DatedOn), x.Document.Location, held.NotCounted(today) is { } why ? "no: " + why : "yes",
                ];
            }).ToArray());
    }

    public async Task<IReadOnlyDictionary<string, HeldElsewhere>> ForAsync(string frameworkId, CancellationToken cancellationToken = default)
    {
        var listed = await db.HeldDocuments.AsNoTracking()
            .Join(db.Certificates.Where(c => c.FrameworkId == frameworkId), d => d.CertificateId, c => c.Id, (d, c) => new { Document = d, c.Number, c.Body, c.ExpiresOn })
            .ToListAsync(cancellationToken);
        return listed
            .GroupBy(x => x.Document.RequirementId, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(x => x.ExpiresOn).First())
            .ToDictionary(
                x => x.Document.RequirementId,
                x => new HeldElsewhere(x.Document.Title, x.Document.Reference, x.Document.DatedOn, x.Document.Location, $"{x.Number} of {x.Body}", x.ExpiresOn),
                StringComparer.Ordinal);
    }
}
