using System.Globalization;
using Harmonia.App.Common;
using Harmonia.App.Features.Evidence;

namespace Harmonia.Web.Features.Evidence;

/// <summary>
/// The fields of an evidence upload as the OpenAPI document describes them; the endpoints read the form themselves
/// (<see cref="EvidenceForm.Read"/>), so the file streams into the store. Dates are written YYYY-MM-DD; sha256, when
/// sent, must match the file.
/// </summary>
internal sealed class EvidenceUploadFields
{
    public required IFormFile File { get; init; }

    public string? Title { get; init; }

    public string? Note { get; init; }

    public DateOnly? EffectiveOn { get; init; }

    public DateOnly? ExpiresOn { get; init; }

    public string? Sha256 { get; init; }
}

/// <summary>Reads the multipart form that both the API and the browser use to send evidence.</summary>
internal static class EvidenceForm
{
    /// <summary>The body limit for evidence uploads: the file limit plus room for the other form fields.</summary>
    public static long RequestLimit(long maxFileBytes) => maxFileBytes + (1024 * 1024);

    public static (EvidenceInput Input, IFormFile? File, string? Sha256) Read(IFormCollection form)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DateOnly? Date(string field)
        {
            var text = form[field].ToString().Trim();
            if (text.Length == 0)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            errors[field] = [$"'{text}' is not a date written as YYYY-MM-DD."];
            return null;
        }

        string? Text(string field) => form[field].ToString() is { Length: > 0 } value ? value : null;

        var input = new EvidenceInput(Text("title"), Text("url"), Text("note"), Date("effectiveOn"), Date("expiresOn"));
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var file = form.Files.GetFile("file") is { Length: > 0 } f ? f : null;
        return (input, file, Text("sha256"));
    }
}
