using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Harmonia.App.Features.Interop;

/// <summary>What every exported OSCAL document shares: metadata and Harmonia's own properties.</summary>
public static class OscalDocument
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject Metadata(string title, TimeProvider time, string version, string remarks) => new()
    {
        ["title"] = title,
        ["last-modified"] = Timestamp(time),
        ["version"] = version,
        ["oscal-version"] = OscalIds.OscalVersion,
        ["remarks"] = remarks,
    };

    /// <summary>Now as an OSCAL date-time (UTC, whole seconds, with the zone OSCAL requires).</summary>
    public static string Timestamp(TimeProvider time) => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A property in Harmonia's namespace (OSCAL requires a namespace for names it does not define).</summary>
    public static JsonObject OwnProp(string name, string value) => new() { ["name"] = name, ["ns"] = OscalIds.Namespace, ["value"] = value };

    public static string Write(JsonObject document) => document.ToJsonString(Indented);
}
