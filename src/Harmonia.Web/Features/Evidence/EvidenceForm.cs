using System.Globalization;
using Harmonia.App.Common;
using Harmonia.App.Features.Evidence;

namespace Harmonia.Web.Features.Evidence;

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
