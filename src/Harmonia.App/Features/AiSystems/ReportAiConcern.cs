using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

/// <summary>Records an AI incident or concern as reported: kind, system, severity, what happened, who raised it and when.</summary>
public sealed class ReportAiConcernHandler(HarmoniaDbContext db, AuditActor actor, TimeProvider time)
{
    public async Task<AiConcernDto> HandleAsync(AiConcernInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var kind = input.Kind?.Trim().ToLowerInvariant();
        var severity = input.Severity?.Trim().ToLowerInvariant();
        var system = string.IsNullOrWhiteSpace(input.AiSystem) ? null : input.AiSystem.Trim();
        if (kind is null || !AiConcernValues.Kinds.Contains(kind))
        {
            errors["kind"] = ["incident (harm happened) or concern (harm feared)."];
        }

        if (severity is null || !AiConcernValues.Severities.Contains(severity))
        {
            errors["severity"] = ["low, medium or high."];
        }

        if (string.IsNullOrWhiteSpace(input.Description) || input.Description.Length > 4000)
        {
            errors["description"] = ["Say what happened or is feared (1 to 4000 characters)."];
        }

        if (string.IsNullOrWhiteSpace(input.ReportedBy) || input.ReportedBy.Length > 200)
        {
            errors["reportedBy"] = ["Who raised it (a person, a team, a customer, a regulator; up to 200 characters)."];
        }

        if (input.ReportedOn is { } on && on > today)
        {
            errors["reportedOn"] = ["The date it was reported is not in the future."];
        }

        var systemId = system is null ? null : await db.AiSystems.Where(a => a.Key == system).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
        if (system is not null && systemId is null)
        {
            errors["aiSystem"] = [$"The organization has no AI system '{system}' (give its key, e.g. AI-01, or leave it empty)."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        // The save numbers it CON-n from the highest key ever given (ISequentialKey); a concurrent report that took the
        // same number first makes the save number it again, where reading the highest here raced and answered 500.
        var concern = new AiConcernRecord
        {
            Key = string.Empty,
            Kind = kind!,
            AiSystemId = systemId,
            Severity = severity!,
            Description = input.Description!.Trim(),
            ReportedBy = input.ReportedBy!.Trim(),
            ReportedOn = input.ReportedOn ?? today,
            Status = AiConcernValues.Open,
            RecordedBy = actor.Name,
        };
        db.AiConcerns.Add(concern);
        await db.SaveChangesAsync(cancellationToken);
        return AiConcernDto.From(concern, system);
    }
}
