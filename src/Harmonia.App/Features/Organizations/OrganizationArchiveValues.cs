using System.Globalization;
using System.Text.Json;
using Harmonia.App.Common;

namespace Harmonia.App.Features.Organizations;

/// <summary>
/// How one column value is written in an organization archive and read back: the model's own value (an enum by its
/// name, a time as UTC with seven decimals), never a provider's storage form, so SQLite and PostgreSQL write the same file.
/// </summary>
internal static class OrganizationArchiveValues
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case Guid g: json.WriteStringValue(g.ToString("D")); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case short s: json.WriteNumberValue(s); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;

            // SQLite hands back an unspecified kind for what was stored as UTC; every time in the model is UTC.
            case DateTime t: json.WriteStringValue(DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString(TimeFormat, CultureInfo.InvariantCulture)); break;
            case DateOnly d: json.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case Enum e: json.WriteStringValue(e.ToString()); break;
            case byte[] bytes: json.WriteBase64StringValue(bytes); break;
            default: throw new NotSupportedException($"The organization archive cannot write a {value.GetType().Name}.");
        }
    }

    /// <summary>Reads a value of <paramref name="type"/>; a wrong kind of value throws with the column's name.</summary>
    public static object? Read(JsonElement json, Type type, bool nullable, string column)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return nullable ? null : throw Wrong(column, "a value (it may not be empty)");
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            return target switch
            {
                _ when target == typeof(string) => json.ValueKind == JsonValueKind.String ? json.GetString() : throw Wrong(column, "text"),
                _ when target == typeof(Guid) => Guid.ParseExact(Text(json, column), "D"),
                _ when target == typeof(bool) => json.ValueKind is JsonValueKind.True or JsonValueKind.False ? json.GetBoolean() : throw Wrong(column, "true or false"),
                _ when target == typeof(int) => json.GetInt32(),
                _ when target == typeof(long) => json.GetInt64(),
                _ when target == typeof(short) => json.GetInt16(),
                _ when target == typeof(double) => json.GetDouble(),
                _ when target == typeof(DateTime) => DateTime.ParseExact(Text(json, column), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                _ when target == typeof(DateOnly) => DateOnly.ParseExact(Text(json, column), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ when target.IsEnum => Enum.TryParse(target, Text(json, column), ignoreCase: false, out var e) && Enum.IsDefined(target, e!) ? e : throw Wrong(column, "one of " + string.Join(", ", Enum.GetNames(target))),
                _ when target == typeof(byte[]) => json.GetBytesFromBase64(),
                _ => throw new NotSupportedException($"The organization archive cannot read a {target.Name}."),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw Wrong(column, Expected(target));
        }
    }

    private static string Text(JsonElement json, string column) =>
        json.ValueKind == JsonValueKind.String ? json.GetString()! : throw Wrong(column, "text");

    private static string Expected(Type type) => type == typeof(DateTime) ? "a UTC time like 2026-01-31T09:30:00.0000000Z"
        : type == typeof(DateOnly) ? "a date like 2026-01-31"
        : type == typeof(Guid) ? "an id like 0193c1f2-5e6a-7b8c-9d0e-1f2a3b4c5d6e"
        : type == typeof(string) ? "text"
        : "a number";

    private static InvalidInputException Wrong(string column, string expected) => new($"{column}: expected {expected}.");
}
