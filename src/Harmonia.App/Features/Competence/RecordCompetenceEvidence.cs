using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Competence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Competence;

/// <summary>Records proof of a person's competence; kept as written, a renewal is recorded as new evidence.</summary>
public sealed class RecordCompetenceEvidenceHandler(HarmoniaDbContext db, GetCompetenceOverviewHandler overview, AuditActor actor, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such person.</summary>
    public async Task<CompetenceEvidenceDto> HandleAsync(Guid personId, CompetenceEvidenceInput input, CancellationToken cancellationToken = default)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId, cancellationToken))
        {
            throw new NotFoundException("person");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = new string((input.Kind ?? string.Empty).Where(char.IsLetter).ToArray()).ToLowerInvariant() switch
        {
            "training" or "trainingrecord" => CompetenceEvidenceKind.Training,
            "qualification" or "certificate" => CompetenceEvidenceKind.Qualification,
            "experience" => CompetenceEvidenceKind.Experience,
            "assessment" => CompetenceEvidenceKind.Assessment,
            _ => (CompetenceEvidenceKind?)null,
        };
        if (kind is null)
        {
            errors["kind"] = ["kind is one of: training, qualification, experience, assessment."];
        }

        var competence = input.Competence?.Trim() ?? string.Empty;
        if (!(await overview.CatalogueAsync(cancellationToken)).Any(c => c.Key == competence))
        {
            errors["competence"] = [$"The catalogue has no competence '{competence}'."];
        }

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > 300)
        {
            errors["title"] = ["A title of 1 to 300 characters is required, e.g. the course or certificate name."];
        }

        if (input.ObtainedOn is not { } obtained || obtained > DateOnly.FromDateTime(now))
        {
            errors["obtainedOn"] = ["The date it was obtained (YYYY-MM-DD) is required and not in the future."];
        }
        else if (input.ExpiresOn is { } expires && expires <= obtained)
        {
            errors["expiresOn"] = ["The expiry date comes after the date obtained."];
        }

        if (input.Reference is { Length: > 500 })
        {
            errors["reference"] = ["reference may have 500 characters."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var evidence = new CompetenceEvidenceRecord
        {
            PersonId = personId,
            Kind = kind!.Value,
            CompetenceKey = competence,
            Title = input.Title!.Trim(),
            ObtainedOn = input.ObtainedOn!.Value,
            ExpiresOn = input.ExpiresOn,
            Reference = string.IsNullOrWhiteSpace(input.Reference) ? null : input.Reference.Trim(),
            RecordedBy = actor.Name,
            RecordedUtc = now,
        };
        db.CompetenceEvidence.Add(evidence);
        await db.SaveChangesAsync(cancellationToken);
        return CompetenceEvidenceDto.From(evidence);
    }
}
