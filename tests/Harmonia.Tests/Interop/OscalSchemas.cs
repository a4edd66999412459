using System.Collections.Concurrent;
using System.Text.Json;
using Harmonia.Tests.Infrastructure;
using Json.Schema;

namespace Harmonia.Tests.Interop;

/// <summary>The official OSCAL 1.2.2 JSON Schemas (draft-07), kept in tests/Harmonia.Tests/reference/oscal/schemas.</summary>
internal static class OscalSchemas
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Loaded = new(StringComparer.Ordinal);

    /// <summary>Every error the schema finds, as "location: message"; empty when the document is valid.</summary>
    public static IReadOnlyList<string> Errors(string model, string json)
    {
        var schema = Loaded.GetOrAdd(model, m => JsonSchema.FromFile(Path.Combine(RepositoryPaths.Reference, "oscal", "schemas", $"oscal_{m}_schema.json")));
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).DefaultIfEmpty("invalid (no detail)").ToArray();
    }
}
