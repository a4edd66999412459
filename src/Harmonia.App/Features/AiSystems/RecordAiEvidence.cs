using System.Globalization;
using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

/// <summary>
/// Records AI evidence results all or nothing: one invalid row refuses the whole batch, named by its row number.
/// A failing result opens a risk suggestion, because a bias or quality test that fails is a risk until someone decides.
/// </summary>
public sealed class RecordAiEvidenceHandler(HarmoniaDbContext db, AuditActor actor, TimeProvider time)
{
    public const int MaxBatch = 5_000;
    public static readonly string[] Kinds = ["bias", "data-quality", "validation", "transparency"];

    public async Task<AiEvidenceRecorded> HandleAsync(IReadOnlyList<AiEvidenceInput> inputs, CancellationToken cancellationToken = default)
    {
        if (inputs.Count == 0 || inputs.Count > MaxBatch)
        {
            throw new InvalidInputException($"Send 1 to {MaxBatch} results.");
        }

        var aiSystemKeys = await db.AiSystemKeysAsync(cancellationToken);
        var controlKeys = await db.ControlKeysAsync(cancellationToken);
        var systems = aiSystemKeys.ToDictionary(s => s.Value, s => s.Key, StringComparer.Ordinal);
        var controls = controlKeys.ToDictionary(c => c.Value, c => c.Key, StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            if (Problems(inputs[i], systems, controls) is { Count: > 0 } problems)
            {
                errors[$"row {i + 1}"] = [string.Join("; ", problems) + "."];
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var recorded = new List<AiEvidenceRecord>();
        var suggestions = new List<RiskSuggestionRecord>();
        foreach (var input in inputs)
        {
            var evidence = new AiEvidenceRecord
            {
                AiSystemId = systems[input.AiSystem!.Trim()],
                Kind = input.Kind!.Trim(),
                Metric = input.Metric!.Trim(),
                Subject = Clean(input.Subject),
                Value = input.Value,
                Threshold = input.Threshold,
                Comparison = Clean(input.Comparison),
                Passed = input.Passed ?? Judge(input),
                DataSet = Clean(input.DataSet),
                MeasuredOn = input.MeasuredOn!.Value,
                Tool = Clean(input.Tool),
                ControlLinks = LinkKeys.Clean(input.Controls).Select(c => new AiEvidenceControlLink { ControlId = controls[c] }).ToList(),
                Location = Clean(input.Location),
                RecordedBy = actor.Name,
                RecordedUtc = now,
            };
            db.AiEvidence.Add(evidence);
            recorded.Add(evidence);
            if (evidence.Passed == false)
            {
                var suggestion = Suggest(evidence, aiSystemKeys[evidence.AiSystemId], now);
                db.RiskSuggestions.Add(suggestion);
                suggestions.Add(suggestion);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new AiEvidenceRecorded(
            recorded.Select(e => AiEvidenceDto.From(e, aiSystemKeys, controlKeys)).ToArray(),
            suggestions.Select(s => new RiskSuggestionDto(s.Id, aiSystemKeys[s.AiSystemId], s.Title, s.Category, s.Detail, s.Status, null, s.AiEvidenceId)).ToArray());
    }

    /// <summary>With a value and a threshold the result judges itself; "max" means lower is better (a disparity), "min" higher (accuracy, completeness).</summary>
    private static bool? Judge(AiEvidenceInput input) => (input.Value, input.Threshold, Clean(input.Comparison)) switch
    {
        ({ } value, { } threshold, "max") => value <= threshold,
        ({ } value, { } threshold, "min" or null) => value >= threshold,
        _ => null,
    };

    private static List<string> Problems(AiEvidenceInput input, Dictionary<string, Guid> systems, Dictionary<string, Guid> controls)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(input.AiSystem) || !systems.ContainsKey(input.AiSystem.Trim()))
        {
            problems.Add($"aiSystem '{input.AiSystem}' is not in the inventory");
        }

        if (input.Kind is null || !Kinds.Contains(input.Kind.Trim()))
        {
            problems.Add($"kind is one of {string.Join(", ", Kinds)}");
        }

        if (string.IsNullOrWhiteSpace(input.Metric) || input.Metric.Length > 300)
        {
            problems.Add("metric (or document title) is required, up to 300 characters");
        }

        if (input.MeasuredOn is null)
        {
            problems.Add("measuredOn (yyyy-mm-dd) is required");
        }

        if (Clean(input.Comparison) is { } comparison && comparison is not ("max" or "min"))
        {
            problems.Add("comparison is max (value must not exceed the threshold) or min (value must reach it)");
        }

        if (input.Value is { } v && !double.IsFinite(v) || input.Threshold is { } t && !double.IsFinite(t))
        {
            problems.Add("value and threshold are finite numbers");
        }

        if (input.Kind?.Trim() is "bias" && string.IsNullOrWhiteSpace(input.Subject))
        {
            problems.Add("a bias result names the protected group (subject)");
        }

        if (input.Kind?.Trim() is "bias" or "data-quality" && (input.Value is null || input.Threshold is null) && input.Passed is null)
        {
            problems.Add("a bias or data-quality result needs value and threshold, or an explicit passed");
        }

        if ((input.Controls ?? []).FirstOrDefault(c => c.Trim().Length > 0 && !controls.ContainsKey(c.Trim())) is { } control)
        {
            problems.Add($"the organization has no control '{control}'");
        }

        foreach (var (value, name) in new[] { (input.Subject, "subject"), (input.DataSet, "dataSet"), (input.Tool, "tool") })
        {
            if (value is { Length: > 300 })
            {
                problems.Add(name + " may have 300 characters");
            }
        }

        if (input.Location is { Length: > 2000 })
        {
            problems.Add("location may have 2000 characters");
        }

        return problems;
    }

    private static RiskSuggestionRecord Suggest(AiEvidenceRecord evidence, string systemKey, DateTime now)
    {
        var inv = CultureInfo.InvariantCulture;
        var (category, what) = evidence.Kind switch
        {
            "bias" => ("fairness", $"Unfair outcomes for {evidence.Subject}"),
            "data-quality" => ("data-quality", $"Data quality below target ({evidence.Subject ?? evidence.Metric})"),
            "validation" => ("robustness", $"Performance below the validated level ({evidence.Metric})"),
            _ => ("transparency", $"Transparency information incomplete ({evidence.Metric})"),
        };
        var measured = evidence.Value is { } value && evidence.Threshold is { } threshold
            ? string.Format(inv, "{0} = {1:0.####} against a threshold of {2:0.####} ({3})", evidence.Metric, value, threshold, evidence.Comparison == "max" ? "at most" : "at least")
            : evidence.Metric + " failed";
        return new RiskSuggestionRecord
        {
            AiEvidenceId = evidence.Id,
            AiSystemId = evidence.AiSystemId,
            Title = $"{systemKey}: {what}",
            Category = category,
            Detail = $"{measured} on {evidence.MeasuredOn:yyyy-MM-dd}" + (evidence.DataSet is null ? string.Empty : $", data set {evidence.DataSet}") + (evidence.Tool is null ? "." : $", measured with {evidence.Tool}."),
            Status = "open",
            CreatedUtc = now,
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
