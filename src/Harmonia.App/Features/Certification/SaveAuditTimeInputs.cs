using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>
/// Sets the audit-time overrides when the caller's version still matches (0 before any was saved). Every field left
/// empty goes back to the value derived from the data.
/// </summary>
public sealed class SaveAuditTimeInputsHandler(HarmoniaDbContext db, GetAuditTimeHandler get)
{
    public async Task<AuditTimeView> HandleAsync(Guid organizationId, int expectedVersion, AuditTimeInputsInput input, CancellationToken cancellationToken = default)
    {
        var record = await db.AuditTimeInputs.SingleOrDefaultAsync(cancellationToken);
        var current = record?.Version ?? 0;
        if (current != expectedVersion)
        {
            throw new VersionConflictException(current, "audit-time inputs");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Count(string field, int? value, int min, string what)
        {
            if (value is { } v && (v < min || v > 10_000_000))
            {
                errors[field] = [$"{what} is a whole number from {min} to 10000000, or empty to use the data."];
            }
        }

        Count("personsInScope", input.PersonsInScope, 1, "The number of persons in scope");
        Count("identicalLowRiskPersons", input.IdenticalLowRiskPersons, 0, "The number of persons doing the same low-risk work");
        Count("sites", input.Sites, 1, "The number of sites");
        Count("aiPersons", input.AiPersons, 1, "The number of AI-related persons");
        if (input.IdenticalLowRiskPersons is { } low && input.PersonsInScope is { } persons && low > persons)
        {
            errors["identicalLowRiskPersons"] = ["The persons doing the same low-risk work are part of the persons in scope, so at most as many."];
        }

        var business = Blank(input.BusinessComplexity);
        var it = Blank(input.ItComplexity);
        var role = Blank(input.AiRole);
        if (business is not null && CertificationChoices.Complexity(business) is null)
        {
            errors["businessComplexity"] = ["businessComplexity is low, medium or high, or empty to use the default."];
        }

        if (it is not null && CertificationChoices.Complexity(it) is null)
        {
            errors["itComplexity"] = ["itComplexity is low, medium or high, or empty to use the default."];
        }

        if (role is not null && CertificationChoices.AiRole(role) is null)
        {
            errors["aiRole"] = ["aiRole is producer, single-other-role or multiple-roles, or empty to derive it from the AI inventory."];
        }

        var note = Blank(input.Note);
        if (note is { Length: > 2000 })
        {
            errors["note"] = ["note may have 2000 characters."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        if (record is null)
        {
            record = new AuditTimeInputsRecord();
            db.AuditTimeInputs.Add(record);
        }
        else
        {
            record.Version++;
        }

        (record.PersonsInScope, record.IdenticalLowRiskPersons, record.Sites, record.BusinessComplexity, record.ItComplexity, record.AiPersons, record.AiRole, record.Note) =
            (input.PersonsInScope, input.IdenticalLowRiskPersons, input.Sites, business, it, input.AiPersons, role, note);
        await db.SaveChangesAsync(cancellationToken);
        return await get.HandleAsync(organizationId, cancellationToken);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
