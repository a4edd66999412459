using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Harmonia.App.Rendering;

/// <summary>Text made safe for a spreadsheet cell or sheet name.</summary>
internal static partial class ExcelText
{
    /// <summary>Excel refuses longer cell text.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>
    /// Cell text as stored in the workbook: cut to Excel's limit, characters XML cannot carry dropped (the writer
    /// would throw on them), and a literal "_xHHHH_" escaped because Excel reads that pattern as a character code.
    /// </summary>
    public static string Cell(string text) => EscapePattern().Replace(XmlSafe(Truncate(text, MaxCellLength)), "_x005F$0");

    /// <summary>At most <paramref name="length"/> UTF-16 units, never splitting a surrogate pair.</summary>
    public static string Truncate(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];

    public static string XmlSafe(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.Length == text.Length ? text : builder.ToString();
    }

    [GeneratedRegex("_x[0-9A-Fa-f]{4}_")]
    private static partial Regex EscapePattern();
}
