using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>
/// Replaces a certificate's list of documents held elsewhere: a requirement left out (or a row left blank on the
/// page) is removed from the list, the others are added or updated. All or nothing; field messages are keyed
/// "title:{requirementId}" (and datedOn, location, reference) as the page names its fields.
/// </summary>
public sealed class SaveHeldDocumentsHandler(HarmoniaDbContext db, LoadedContent content, ListHeldDocumentsHandler list, TimeProvider time)
{
    public async Task<HeldDocumentsView> HandleAsync(Guid certificateId, IReadOnlyList<HeldDocumentInput>? documents, CancellationToken cancellationToken = default)
    {
        var certificate = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == certificateId, cancellationToken) ?? throw new NotFoundException("certificate");
        var requirements = ListHeldDocumentsHandler.Requirements(content, certificate.FrameworkId).Select(r => r.RequirementId).ToHashSet(StringComparer.Ordinal);
        var entries = (documents ?? []).Where(d => !Blank(d)).ToArray();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (entries.Length > requirements.Count)
        {
            throw new InvalidInputException($"A certificate lists at most one document per documented-information requirement ({requirements.Count}).");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var valid = new List<HeldDocumentRecord>();
        foreach (var entry in entries)
        {
            var id = entry.RequirementId?.Trim() ?? string.Empty;
            if (!requirements.Contains(id))
            {
                errors["documents"] = [$"'{id}' is not a requirement of {certificate.FrameworkId} that asks for documented information."];
                continue;
            }

            if (valid.Any(v => v.RequirementId == id))
            {
                errors["documents"] = [$"{id} is listed twice."];
                continue;
            }

            var before = errors.Count;
            Check(errors, "title:" + id, string.IsNullOrWhiteSpace(entry.Title) || entry.Title.Trim().Length > 300, "The document's title (1 to 300 characters) is required.");
            Check(errors, "reference:" + id, entry.Reference?.Trim().Length > 100, "The reference may have 100 characters.");
            Check(errors, "location:" + id, string.IsNullOrWhiteSpace(entry.Location) || entry.Location.Trim().Length > 500, "Say where an auditor finds it (1 to 500 characters), e.g. the intranet page or the folder of the document management system.");
            Check(errors, "datedOn:" + id, entry.DatedOn is not { } dated || dated > today || dated.Year < 1990, "The date its current version was approved or last reviewed (YYYY-MM-DD, not in the future) is required.");
            if (errors.Count == before)
            {
                valid.Add(new HeldDocumentRecord
                {
                    CertificateId = certificateId,
                    RequirementId = id,
                    Title = entry.Title!.Trim(),
                    Reference = string.IsNullOrWhiteSpace(entry.Reference) ? null : entry.Reference.Trim(),
                    DatedOn = entry.DatedOn!.Value,
                    Location = entry.Location!.Trim(),
                });
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        await using var transaction = await db.BeginOrganizationWriteAsync(cancellationToken);
        var stored = await db.HeldDocuments.Where(d => d.CertificateId == certificateId).ToListAsync(cancellationToken);
        db.HeldDocuments.RemoveRange(stored.Where(s => valid.All(v => v.RequirementId != s.RequirementId)));
        foreach (var document in valid)
        {
            if (stored.FirstOrDefault(s => s.RequirementId == document.RequirementId) is { } existing)
            {
                (existing.Title, existing.Reference, existing.DatedOn, existing.Location) = (document.Title, document.Reference, document.DatedOn, document.Location);
            }
            else
            {
                db.HeldDocuments.Add(document);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await list.HandleAsync(certificateId, cancellationToken);
    }

    private static bool Blank(HeldDocumentInput d) =>
        string.IsNullOrWhiteSpace(d.Title) && string.IsNullOrWhiteSpace(d.Reference) && string.IsNullOrWhiteSpace(d.Location) && d.DatedOn is null;

    private static void Check(Dictionary<string, string[]> errors, string field, bool wrong, string message)
    {
        if (wrong)
        {
            errors[field] = [message];
        }
    }
}
