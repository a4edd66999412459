using System.Text;

namespace Harmonia.App.Rendering;

/// <summary>
/// Text from members (answers, control names, evidence titles, reasons) is plain text in every Markdown export:
/// its Markdown characters must not become formatting or links, and '&lt;' must not open raw HTML, which Markdown
/// renderers pass through to the page.
/// </summary>
public static class MarkdownText
{
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
