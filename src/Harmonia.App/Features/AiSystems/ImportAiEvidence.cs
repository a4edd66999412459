using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Harmonia.App.Common;

namespace Harmonia.App.Features.AiSystems;

/// <summary>
/// Reads results exported by evaluation tools, as CSV (one row per result, header names as in the JSON) or as a JSON
/// array, and records them all or nothing.
/// </summary>
public sealed class ImportAiEvidenceHandler(RecordAiEvidenceHandler record)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<AiEvidenceRecorded> HandleAsync(Stream content, string format, CancellationToken cancellationToken = default)
    {
        var inputs = format switch
        {
            "json" => await ReadJsonAsync(content, cancellationToken),
            "csv" => ReadCsv(content),
            _ => throw new InvalidInputException("The format is csv or json."),
        };
        return await record.HandleAsync(inputs, cancellationToken);
    }

    private static async Task<IReadOnlyList<AiEvidenceInput>> ReadJsonAsync(Stream content, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<AiEvidenceInput[]>(content, Json, cancellationToken)
                ?? throw new InvalidInputException("The JSON is empty: send an array of results.");
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException($"The JSON could not be read (line {ex.LineNumber + 1}): send an array of results with aiSystem, kind, metric, value, threshold, measuredOn.");
        }
    }

    private static List<AiEvidenceInput> ReadCsv(Stream content)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant().Replace("_", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal),
            MissingFieldFound = null,
            HeaderValidated = null,
        };
        using var reader = new StreamReader(content);
        using var csv = new CsvReader(reader, config);
        var rows = new List<AiEvidenceInput>();
        try
        {
            csv.Read();
            csv.ReadHeader();
            var header = csv.HeaderRecord?.Select(h => config.PrepareHeaderForMatch(new PrepareHeaderForMatchArgs(h, 0))).ToHashSet(StringComparer.Ordinal) ?? [];
            foreach (var required in new[] { "aisystem", "kind", "metric", "measuredon" })
            {
                if (!header.Contains(required))
                {
                    throw new InvalidInputException($"The CSV has no '{required}' column; the header needs aiSystem, kind, metric, measuredOn and optionally subject, value, threshold, comparison, passed, dataSet, tool, controls, location.");
                }
            }

            while (csv.Read())
            {
                var line = csv.Parser.Row;
                string? Field(string name) => header.Contains(name) && csv.TryGetField<string>(csv.HeaderRecord!.First(h => config.PrepareHeaderForMatch(new PrepareHeaderForMatchArgs(h, 0)) == name), out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
                rows.Add(new AiEvidenceInput(
                    Field("aisystem"),
                    Field("kind"),
                    Field("metric"),
                    Field("subject"),
                    Number(Field("value"), "value", line),
                    Number(Field("threshold"), "threshold", line),
                    Field("comparison"),
                    Field("passed") is { } passed ? Flag(passed, line) : null,
                    Field("dataset"),
                    Field("measuredon") is { } date ? Date(date, line) : null,
                    Field("tool"),
                    Field("controls")?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    Field("location")));
            }
        }
        catch (CsvHelperException ex)
        {
            throw new InvalidInputException($"The CSV could not be read near line {ex.Context?.Parser?.Row}: {ex.Message.Split('\n')[0]}");
        }

        return rows;
    }

    private static double? Number(string? text, string field, int line) => text is null ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : throw new InvalidInputException($"Line {line}: {field} '{text}' is not a number (use a dot for decimals).");

    private static bool Flag(string text, int line) => text.ToLowerInvariant() switch
    {
        "true" or "pass" or "passed" or "yes" => true,
        "false" or "fail" or "failed" or "no" => false,
        _ => throw new InvalidInputException($"Line {line}: passed '{text}' is true or false."),
    };

    private static DateOnly Date(string text, int line) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new InvalidInputException($"Line {line}: measuredOn '{text}' is not a date like 2026-05-31.");
}
