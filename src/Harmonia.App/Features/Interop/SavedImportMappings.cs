using System.Text.Json;
using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Interop;

/// <summary>The organization's saved column mappings, one per register.</summary>
public sealed class SavedImportMappings(HarmoniaDbContext db)
{
    private const int MaxEntries = 200;

    private static readonly JsonSerializerOptions Shallow = new() { MaxDepth = 4 };

    public async Task<IReadOnlyDictionary<string, string>> GetAsync(string register, CancellationToken cancellationToken = default)
    {
        var json = await db.ImportMappings.Where(m => m.Register == register).Select(m => m.Json).SingleOrDefaultAsync(cancellationToken);
        return json is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
    }

    /// <summary>Records the mapping the columns were matched with (the caller saves), so the next file from the same source needs none.</summary>
    public async Task RememberAsync(string register, IReadOnlyList<ColumnMatch> columns, CancellationToken cancellationToken = default)
    {
        var mapping = columns.Take(MaxEntries).ToDictionary(c => c.Header, c => c.Field ?? ImportColumns.Ignore, StringComparer.OrdinalIgnoreCase);
        var json = JsonSerializer.Serialize(mapping.OrderBy(m => m.Key, StringComparer.Ordinal).ToDictionary(m => m.Key, m => m.Value));
        var record = await db.ImportMappings.SingleOrDefaultAsync(m => m.Register == register, cancellationToken);
        if (record is null)
        {
            db.ImportMappings.Add(new ImportMappingRecord { Id = Guid.CreateVersion7(), Register = register, Json = json });
        }
        else if (record.Json != json)
        {
            record.Json = json;
        }
    }

    /// <summary>Reads a mapping a person sent (JSON object of header to field); throws InvalidInputException when it is not one.</summary>
    public static IReadOnlyDictionary<string, string>? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var mapping = JsonSerializer.Deserialize<Dictionary<string, string>>(json, Shallow);
            return mapping is null || mapping.Count > MaxEntries
                ? throw new InvalidInputException($"The mapping is a JSON object of at most {MaxEntries} entries, column header to field, e.g. {{\"Vendor\": \"name\", \"Notes\": \"\"}}.")
                : mapping;
        }
        catch (JsonException)
        {
            throw new InvalidInputException("The mapping is not a JSON object of column header to field, e.g. {\"Vendor\": \"name\", \"Notes\": \"\"}.");
        }
    }
}
