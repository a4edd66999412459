using System.Globalization;
using Harmonia.App.Common;
using Harmonia.App.Features.Documents;

namespace Harmonia.Web.Features.Documents;

/// <summary>The multipart form that registers an existing policy, from the API or the documents page.</summary>
internal static class RegisteredDocumentForm
{
    public static (RegisterDocumentInput Input, IFormFile? File, string? Sha256) Read(IFormCollection form)
    {
        string? Text(string field) => form[field].ToString() is { Length: > 0 } value ? value : null;
        DateOnly? effective = null;
        if (Text("effectiveOn") is { } date)
        {
            effective = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new InvalidInputException(new Dictionary<string, string[]> { ["effectiveOn"] = [$"'{date}' is not a date written as YYYY-MM-DD."] });
        }

        var requirements = (Text("requirementIds") ?? string.Empty).Split([',', '\n', '\r', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var file = form.Files.GetFile("file") is { Length: > 0 } f ? f : null;
        return (new RegisterDocumentInput(Text("title"), Text("version"), Text("owner"), requirements, effective), file, Text("sha256"));
    }
}
