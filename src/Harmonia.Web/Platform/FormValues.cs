using System.Globalization;
using Harmonia.App.Common;

namespace Harmonia.Web.Platform;

/// <summary>Typed reads of plain HTML form fields, shared by the page endpoints.</summary>
internal static class FormValues
{
    /// <summary>The field's text, or null when it is missing or empty (an empty input means "not given").</summary>
    public static string? Text(IFormCollection form, string field) => form[field].ToString() is { Length: > 0 } value ? value : null;

    /// <summary>Keys typed as one comma-separated list, e.g. "C-01, C-07".</summary>
    public static string[] Keys(string? text) =>
        (text ?? string.Empty).Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A date input's value; a malformed one is a field error rather than a silent "no date".</summary>
    public static DateOnly? Date(IFormCollection form, string field) => Text(form, field) is not { } text
        ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidInputException(new Dictionary<string, string[]> { [field] = [$"'{text}' is not a date written as YYYY-MM-DD."] });

    /// <summary>The record ids a form's ticked boxes carry; anything that is not an id is left out.</summary>
    public static Guid[] Ids(IFormCollection form, string field) =>
        form[field].Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToArray();

    /// <summary>A rating select's value; 0 when none was chosen, which the handlers refuse with their own message.</summary>
    public static int Number(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
