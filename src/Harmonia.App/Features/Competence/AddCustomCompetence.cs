using System.Text.RegularExpressions;
using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Competence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Competence;

/// <summary>Adds one of the organization's own competences to the catalogue, beside the built-in ones.</summary>
public sealed partial class AddCustomCompetenceHandler(HarmoniaDbContext db)
{
    public async Task<CompetenceDefinition> HandleAsync(CustomCompetenceInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var key = input.Key?.Trim().ToLowerInvariant() ?? string.Empty;
        if (!KeyPattern().IsMatch(key))
        {
            errors["key"] = ["A key of 2 to 64 lower-case letters, digits and hyphens is required, e.g. model-red-teaming."];
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            errors["name"] = ["A name of 1 to 200 characters is required."];
        }

        var area = new string((input.Area ?? string.Empty).Where(char.IsLetter).ToArray()).ToLowerInvariant() switch
        {
            "ai" => CompetenceArea.Ai,
            "security" or "informationsecurity" => CompetenceArea.Security,
            "managementsystem" => CompetenceArea.ManagementSystem,
            _ => (CompetenceArea?)null,
        };
        if (area is null)
        {
            errors["area"] = ["area is one of: ai, security, management-system."];
        }

        if (input.Description is { Length: > 1000 })
        {
            errors["description"] = ["description may have 1000 characters."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        if (CompetenceCatalog.Find(key) is not null || await db.CustomCompetences.AnyAsync(c => c.Key == key, cancellationToken))
        {
            throw new DuplicateException($"The catalogue already has a competence '{key}'.", "key");
        }

        var record = new CustomCompetenceRecord { Key = key, Name = input.Name!.Trim(), Area = area!.Value, Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim() };
        db.CustomCompetences.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new CompetenceDefinition(record.Key, record.Name, record.Area, record.Description ?? string.Empty, BuiltIn: false);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex KeyPattern();
}
