using Harmonia.App.Persistence;
using Harmonia.Domain.Readiness;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>
/// The documents held outside Harmonia, by the documented-information requirement they provide. When several
/// certificates of one standard list a document for the same requirement, the one whose certificate runs longest
/// stands (a renewed certificate replaces the old one without deleting it).
/// </summary>
public sealed class HeldDocuments(HarmoniaDbContext db)
{
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
