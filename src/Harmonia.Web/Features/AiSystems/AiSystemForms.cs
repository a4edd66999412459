using System.Text.RegularExpressions;
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
            FormValues.Keys(Text("controls")), inScope);
    }

    /// <summary>A stored system as the form's values.</summary>
    public static AiSystemInput InputOf(AiSystemDto s) => new(
        s.Key, s.Name, s.Purpose, s.Roles, s.EuAiActRole, s.LifecycleStage, s.ModelType, s.Supplier, s.DataSources,
        s.HumanOversight, s.Autonomy, s.AffectedPeople, s.IntendedUse, s.ForeseeableMisuse, s.EuAiActClass, s.Controls, s.InScope);

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}

/// <summary>The draft impact assessment form: one group of fields per entry, named e{n}.field; empty groups are ignored.</summary>
internal static partial class ImpactAssessmentForm
{
    private static readonly string[] Fields = ["dimension", "description", "affectedGroup", "mitigation", "controls", "risks", "severity", "likelihood", "residualSeverity", "residualLikelihood"];

    public static (ImpactAssessmentInput Input, int Version) Read(IFormCollection form)
    {
        var indexes = form.Keys.Select(k => EntryField().Match(k)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order();
        var entries = new List<ImpactEntry>();
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
        }

        var input = new ImpactAssessmentInput(
            entries, FormValues.Text(form, "summary"), FormValues.Text(form, "residualAssessment"), FormValues.Text(form, "decision"), FormValues.Date(form, "nextReviewOn"));
        return (input, FormValues.Number(FormValues.Text(form, "version")));
    }

    [GeneratedRegex(@"^e(\d{1,4})\.")]
    private static partial Regex EntryField();
}
