using System.Text.Encodings.Web;
using System.Text.Json;

namespace Harmonia.App.Rendering;

internal static class ReportJson
{
    /// <summary>Indented, camelCase, and without escaping non-ASCII text, so reports stay readable and stable.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
