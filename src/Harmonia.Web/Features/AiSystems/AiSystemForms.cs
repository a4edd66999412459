using System.Text.RegularExpressions;
using Harmonia.App.Common;
using Harmonia.App.Features.AiSystems;
using Harmonia.Domain.AiSystems;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.AiSystems;

/// <summary>The AI system form of the inventory and detail pages, read into the use case's input.</summary>
internal static class AiSystemForm
{
    /// <param name="inScope">Null on registration (a new system is in scope); the edit form's checkbox otherwise.</param>
    public static AiSystemInput Read(IFormCollection form, bool? inScope)
    {
        string? Text(string field) => FormValues.Text(form, field);

        // The data source inputs repeat once per row, and a text input is always posted, so the n-th value of each belongs together.
        var names = form["dataSourceName"];
        var provenances = form["dataSourceProvenance"];
        var quality = form["dataSourceQuality"];
        var preparations = form["dataSourcePreparation"];
        static string At(Microsoft.Extensions.Primitives.StringValues values, int i) => i < values.Count ? values[i]?.Trim() ?? string.Empty : string.Empty;
        var sources = Enumerable.Range(0, new[] { names.Count, provenances.Count, quality.Count, preparations.Count }.Max())
            .Select(i => new DataSourceDto(At(names, i), Blank(At(provenances, i)), Blank(At(quality, i)), Blank(At(preparations, i))))
            .Where(d => d.Name.Length > 0 || d.Provenance is not null || d.QualityMeasures is not null || d.Preparation is not null)
            .ToArray();
        return new AiSystemInput(
            Text("key"), Text("name"), Text("purpose"), form["roles"].Select(r => r ?? string.Empty).ToArray(), Text("euAiActRole"), Text("lifecycleStage"), Text("modelType"), Text("supplier"), sources,
            Text("humanOversight"), Text("autonomy"), Text("affectedPeople"), Text("intendedUse"), Text("foreseeableMisuse"), Text("euAiActClass"),
            FormValues.Keys(Text("controls")), inScope, PeriodOfUse: Text("periodOfUse"));
    }

    /// <summary>A stored system as the form's values.</summary>
    public static AiSystemInput InputOf(AiSystemDto s) => new(
        s.Key, s.Name, s.Purpose, s.Roles, s.EuAiActRole, s.LifecycleStage, s.ModelType, s.Supplier, s.DataSources,
        s.HumanOversight, s.Autonomy, s.AffectedPeople, s.IntendedUse, s.ForeseeableMisuse, s.EuAiActClass, s.Controls, s.InScope, PeriodOfUse: s.PeriodOfUse);

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}

/// <summary>
/// The draft impact assessment form: one group of fields per entry, named e{n}.field (n the row on the form, from 0);
/// empty groups are ignored, so the use case's n-th entry may come from a later row.
/// </summary>
internal static partial class ImpactAssessmentForm
{
    private static readonly string[] Fields = ["dimension", "description", "affectedGroup", "mitigation", "controls", "risks", "severity", "likelihood", "residualSeverity", "residualLikelihood"];

    /// <returns>The use case's input, the version the form was read at and, for each entry of the input, its row on the form.</returns>
    public static (ImpactAssessmentInput Input, int Version, IReadOnlyList<int> Rows) Read(IFormCollection form)
    {
        var indexes = Rows(form.Keys).Distinct().Order();
        var entries = new List<ImpactEntry>();
        var rows = new List<int>();
        foreach (var i in indexes)
        {
            string Field(string name) => form[$"e{i}.{name}"].ToString().Trim();
            if (Fields.All(f => Field(f).Length == 0))
            {
                continue;
            }

            entries.Add(new ImpactEntry(
                Field("dimension"), Field("description"), Field("affectedGroup"), FormValues.Number(Field("severity")), FormValues.Number(Field("likelihood")),
                Field("mitigation") is { Length: > 0 } mitigation ? mitigation : null, FormValues.Keys(Field("controls")), FormValues.Keys(Field("risks")),
                FormValues.Number(Field("residualSeverity")), FormValues.Number(Field("residualLikelihood"))));
            rows.Add(i);
        }

        var input = new ImpactAssessmentInput(
            entries, FormValues.Text(form, "summary"), FormValues.Text(form, "residualAssessment"), FormValues.Text(form, "decision"), FormValues.Date(form, "nextReviewOn"));
        return (input, FormValues.Number(FormValues.Text(form, "version")), rows);
    }

    /// <summary>
    /// How many rows to show again after a refusal: the highest row number among <paramref name="fieldNames"/> plus one,
    /// at most 200 (a crafted post must not make the page draw thousands of rows, each with its pickers).
    /// </summary>
    public static int RowCount(IEnumerable<string> fieldNames) => Math.Min(200, Rows(fieldNames).Select(n => n + 1).DefaultIfEmpty(0).Max());

    private static IEnumerable<int> Rows(IEnumerable<string> fieldNames) =>
        fieldNames.Select(k => EntryField().Match(k)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The group of fields of row <paramref name="row"/>: its fieldset's id and the key of its message (ADR 0023).</summary>
    public static string RowField(int row) => $"e{row}";

    /// <summary>
    /// The use case's refusal in the form's terms: the problems of its n-th entry (<c>entries[n]</c>) go to the row that
    /// entry was read from (<c>e{row}</c>, blank rows counted), named as the form names it; other keys stay as they are.
    /// </summary>
    public static InvalidInputException ForForm(InvalidInputException refusal, IReadOnlyList<int> rows)
    {
        if (refusal.Errors.Count == 0)
        {
            return refusal;
        }

        var byRow = Enumerable.Range(0, rows.Count).ToDictionary(SaveImpactAssessmentHandler.EntryKey, n => rows[n], StringComparer.Ordinal);
        return new InvalidInputException(refusal.Errors.ToDictionary(
            e => byRow.TryGetValue(e.Key, out var row) ? RowField(row) : e.Key,
            e => byRow.TryGetValue(e.Key, out var row) ? e.Value.Select(m => $"Impact {row + 1}: {m}").ToArray() : e.Value,
            StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^e(\d{1,4})\.")]
    private static partial Regex EntryField();
}
