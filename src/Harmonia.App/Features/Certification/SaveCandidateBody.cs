using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>Adds a candidate certification body for a standard, or replaces one when the caller's version still matches.</summary>
public sealed class SaveCandidateBodyHandler(HarmoniaDbContext db, ListCandidateBodiesHandler list)
{
    public async Task<CandidateBodyDto> CreateAsync(Guid organizationId, CandidateBodyInput input, CancellationToken cancellationToken = default)
    {
        Validate(input);
        var body = new CandidateBodyRecord { Name = string.Empty, Standard = string.Empty };
        await ApplyAsync(body, input, cancellationToken);
        db.CandidateBodies.Add(body);
        await db.SaveChangesAsync(cancellationToken);
        return await list.OneAsync(organizationId, body.Id, cancellationToken);
    }

    /// <summary>Throws NotFoundException when the organization has no such body.</summary>
    public async Task<CandidateBodyDto> UpdateAsync(Guid organizationId, Guid bodyId, int expectedVersion, CandidateBodyInput input, CancellationToken cancellationToken = default)
    {
        var body = await db.CandidateBodies.SingleOrDefaultAsync(b => b.Id == bodyId, cancellationToken) ?? throw new NotFoundException("certification body");
        if (body.Version != expectedVersion)
        {
            throw new VersionConflictException(body.Version, "certification body");
        }

        Validate(input);
        await ApplyAsync(body, input, cancellationToken);
        body.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await list.OneAsync(organizationId, body.Id, cancellationToken);
    }

    private async Task ApplyAsync(CandidateBodyRecord body, CandidateBodyInput input, CancellationToken cancellationToken)
    {
        var name = input.Name!.Trim();
        var standard = input.Standard!.Trim();
        if (await db.CandidateBodies.AnyAsync(b => b.Name == name && b.Standard == standard && b.Id != body.Id, cancellationToken))
        {
            throw new DuplicateException($"{name} is already on the list for {CertificationChoices.Name(standard)}.", "name");
        }

        body.Name = name;
        body.Standard = standard;
        body.AccreditationBody = Blank(input.AccreditationBody);
        body.IafMlaSignatory = input.IafMlaSignatory;
        body.Accredited = input.Accredited;
        body.AiCompetentAuditors = input.AiCompetentAuditors;
        body.IntegratedAuditOffered = input.IntegratedAuditOffered;
        body.Languages = Blank(input.Languages);
        body.CoversAllSites = input.CoversAllSites;
        body.QuotedInitialDays = input.QuotedInitialDays;
        body.QuotedSurveillanceDays = input.QuotedSurveillanceDays;
        body.QuotedRecertificationDays = input.QuotedRecertificationDays;
        body.QuotedPrice = input.QuotedPrice;
        body.Currency = Blank(input.Currency)?.ToUpperInvariant();
        body.Note = Blank(input.Note);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Validate(CandidateBodyInput input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            errors["name"] = ["The body's name (1 to 200 characters) is required."];
        }

        if (input.Standard?.Trim() is not { } standard || !CertificationChoices.Standards.Contains(standard))
        {
            errors["standard"] = ["standard is iso27001-2022, iso42001-2023 or integrated."];
        }

        foreach (var (field, value) in new[] { ("quotedInitialDays", input.QuotedInitialDays), ("quotedSurveillanceDays", input.QuotedSurveillanceDays), ("quotedRecertificationDays", input.QuotedRecertificationDays) })
        {
            if (value is { } days && (!double.IsFinite(days) || days <= 0 || days > 1000 || days * 2 != Math.Floor(days * 2)))
            {
                errors[field] = [$"{field} is a number of days above 0 in half days (e.g. 4.5), or empty."];
            }
        }

        if (input.QuotedPrice is < 0)
        {
            errors["quotedPrice"] = ["quotedPrice is a whole amount of 0 or more, or empty."];
        }

        if (input.Currency is { } currency && !string.IsNullOrWhiteSpace(currency) && (currency.Trim().Length != 3 || !currency.Trim().All(char.IsAsciiLetter)))
        {
            errors["currency"] = ["currency is a three-letter code such as EUR, or empty."];
        }

        foreach (var (field, value, max) in new[] { ("accreditationBody", input.AccreditationBody, 200), ("languages", input.Languages, 200), ("note", input.Note, 2000) })
        {
            if (value is { } text && text.Trim().Length > max)
            {
                errors[field] = [$"{field} may have {max} characters."];
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }
    }
}
