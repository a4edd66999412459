using Harmonia.App.Common;

namespace Harmonia.App.Features.Interop;

/// <summary>
/// A field a register import can fill. <paramref name="ReadOnly"/> fields are columns of the register's own export that
/// Harmonia works out (next review due, overdue); they are recognised so a round trip reports them as "not imported"
/// rather than as unknown columns.
/// </summary>
/// <param name="Hint">How to write the value, shown beside the upload form.</param>
public sealed record ImportField(string Key, string Label, IReadOnlyList<string> Aliases, bool ReadOnly = false, string? Hint = null);

/// <summary>A register that imports from spreadsheets (ADR 0022): its fields and its all-or-nothing import.</summary>
public interface IRegisterImport
{
    /// <summary>The register's name in addresses and saved mappings, e.g. "suppliers".</summary>
    string Register { get; }

    /// <summary>What a row is, in a person's words ("supplier", "risk").</summary>
    string RowName { get; }

    IReadOnlyList<ImportField> Fields { get; }

    Task<ImportPreview> HandleAsync(SpreadsheetTable table, IReadOnlyDictionary<string, string>? mapping, ImportOptions options, CancellationToken cancellationToken = default);
}

/// <param name="Field">The field the column fills, or null when it is not imported.</param>
/// <param name="How">How the match was made, in a person's words: "by its name", "your mapping", "the saved mapping", "not imported".</param>
public sealed record ColumnMatch(int Index, string Header, string? Field, string? FieldLabel, string How);

/// <summary>Matches a file's header row to a register's fields: the person's mapping first, then the saved one, then by name.</summary>
public static class ImportColumns
{
    public const string Ignore = "";

    public static IReadOnlyList<ColumnMatch> Match(
        IReadOnlyList<string> headers,
        IReadOnlyList<ImportField> fields,
        IReadOnlyDictionary<string, string>? saved,
        IReadOnlyDictionary<string, string>? given)
    {
        var byKey = fields.ToDictionary(f => f.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var (header, field) in given ?? new Dictionary<string, string>())
        {
            if (field.Length > 0 && !byKey.ContainsKey(field))
            {
                throw new InvalidInputException($"The mapping sends column '{header}' to '{field}', which is not a field of this register; the fields are: {string.Join(", ", fields.Where(f => !f.ReadOnly).Select(f => f.Key))} (or \"\" to leave the column out).");
            }
        }

        var matches = new List<ColumnMatch>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            if (header.Length == 0)
            {
                continue;
            }

            // A second column whose name suggests a field already taken by name stays out rather than stopping the import.
            var (field, how) = Lookup(given, header) is { } g ? (g, "your mapping")
                : Lookup(saved, header) is { } s && (s.Length == 0 || byKey.ContainsKey(s)) ? (s, "the saved mapping")
                : ByName(header, fields) is { } named && !matches.Any(m => m.Field == named.Key) ? (named.Key, "by its name")
                : (Ignore, "by its name");
            var known = field.Length > 0 ? byKey[field] : null;
            matches.Add(known is null || known.ReadOnly
                ? new ColumnMatch(i, header, null, known?.Label, known is null ? "not imported" : "not imported: Harmonia works it out")
                : new ColumnMatch(i, header, known.Key, known.Label, how));
        }

        var twice = matches.Where(m => m.Field is not null).GroupBy(m => m.Field).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new InvalidInputException($"The columns {string.Join(" and ", twice.Select(m => $"'{m.Header}'"))} both fill '{twice.First().FieldLabel}'; map one of them to another field or leave it out.");
        }

        return matches;
    }

    /// <summary>Whitespace runs count as one space and the ends are trimmed, as a spreadsheet's reader does not see the difference.</summary>
    public static string Same(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A date cell as the reader gives it (yyyy-MM-dd), or as a person types it with one-digit parts.</summary>
    public static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy-M-d"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Letters and digits only, lower case: "Data processed", "data_processed" and "DataProcessed" are one name.</summary>
    public static string Normalize(string text) => new string(text.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    private static string? Lookup(IReadOnlyDictionary<string, string>? mapping, string header) =>
        mapping?.FirstOrDefault(m => string.Equals(m.Key.Trim(), header, StringComparison.OrdinalIgnoreCase)).Value;

    private static ImportField? ByName(string header, IReadOnlyList<ImportField> fields)
    {
        var name = Normalize(header);
        return fields.FirstOrDefault(f => Normalize(f.Key) == name || Normalize(f.Label) == name || f.Aliases.Any(a => Normalize(a) == name));
    }
}
