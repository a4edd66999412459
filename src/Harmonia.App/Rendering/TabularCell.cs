namespace Harmonia.App.Rendering;

public enum TabularCellKind
{
    Empty,
    Text,
    Number,
    Date,
}

/// <summary>
/// One value of a tabular export. Typed rather than pre-formatted so a spreadsheet gets real numbers and dates that
/// sort and filter, while CSV still gets one canonical spelling of each.
/// </summary>
public readonly record struct TabularCell
{
    private TabularCell(TabularCellKind kind, string? text, double? number, DateOnly? date)
    {
        Kind = kind;
        TextValue = text;
        NumberValue = number;
        DateValue = date;
    }

    public TabularCellKind Kind { get; }

    public string? TextValue { get; }

    public double? NumberValue { get; }

    public DateOnly? DateValue { get; }

    public static TabularCell Empty => default;

    /// <summary>Null and "" are both empty: neither format can tell an empty string from a missing value.</summary>
    public static TabularCell Text(string? value) =>
        string.IsNullOrEmpty(value) ? default : new TabularCell(TabularCellKind.Text, value, null, null);

    /// <summary>NaN and infinities become empty: neither Excel nor a CSV reader has a spelling for them.</summary>
    public static TabularCell Number(double? value) =>
        value is { } number && double.IsFinite(number) ? new TabularCell(TabularCellKind.Number, null, number, null) : default;

    public static TabularCell Date(DateOnly? value) =>
        value is { } date ? new TabularCell(TabularCellKind.Date, null, null, date) : default;

    public static implicit operator TabularCell(string? value) => Text(value);

    public static TabularCell FromString(string? value) => Text(value);
}
