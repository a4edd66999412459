using System.Net;
using System.Text;
using Harmonia.Domain.Documents;

namespace Harmonia.App.Rendering;

/// <summary>One self-contained HTML file (inline CSS, no scripts, no external resources).</summary>
public static class HtmlDocumentWriter
{
    private const string Style = """
        body{font:15px/1.55 "DejaVu Sans","Segoe UI",system-ui,sans-serif;color:#1b2430;max-width:860px;margin:32px auto;padding:0 24px}
        h1{font-size:26px;margin:0}h2{font-size:19px;margin-top:28px;border-bottom:1px solid #dde2e8;padding-bottom:4px}h3{font-size:16px}h4{font-size:15px}
        table{border-collapse:collapse;width:100%;margin:8px 0 16px}th,td{border:1px solid #dde2e8;padding:6px 8px;text-align:left;vertical-align:top}
        th{background:#f0f3f7;font-size:13px}.cover td:first-child{width:160px;color:#5b6573}.org{color:#5b6573;margin:4px 0 16px}
        .sid{color:#8a93a0;font-size:11px;margin-left:4px}footer{color:#5b6573;font-size:12px;margin-top:32px}
        """;

    /// <param name="marks">The traceability marks and the list of requirements addressed: on for the auditor's copy, off for the employees'.</param>
    public static string Write(DocumentModel model, bool marks = true)
    {
        var info = model.Info;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(info.Title)).Append(" — ").Append(E(info.OrganizationName))
            .Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        html.Append("<h1>").Append(E(info.Title)).Append("</h1><p class=\"org\">").Append(E(info.OrganizationName)).Append("</p>\n<table class=\"cover\">");
        foreach (var (label, value) in DocumentText.Cover(info))
        {
            html.Append("<tr><td>").Append(label).Append("</td><td>").Append(E(value)).Append("</td></tr>");
        }

        html.Append("</table>\n");
        AppendBlocks(html, model, marks, headingOffset: 1);
        if (marks)
        {
            AppendAddressed(html, model, level: 2);
        }

        html.Append("<h2>").Append(DocumentText.RevisionsHeading).Append("</h2>\n");
        AppendTable(html, ["Version", "Date", "Author", "Change"], model.Revisions.Select(r => (IReadOnlyList<string>)[r.Version, DocumentText.Date(r.Date), r.Author, r.Change]).ToArray());
        html.Append("<footer>").Append(E(info.Id)).Append(" · version ").Append(E(info.Version)).Append(" · ").Append(E(info.Classification)).Append("</footer>\n</body></html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The document's sections as an HTML fragment for a page that already carries the title and the cover: headings
    /// start at h(1 + <paramref name="headingOffset"/>), and the traceability marks ([statement id]) and the list of
    /// requirements addressed appear only when asked for (the auditor's reading, not the employee's).
    /// </summary>
    public static string Fragment(DocumentModel model, bool marks, int headingOffset)
    {
        var html = new StringBuilder();
        AppendBlocks(html, model, marks, headingOffset);
        if (marks)
        {
            AppendAddressed(html, model, level: 1 + headingOffset);
        }

        return html.ToString();
    }

    private static void AppendBlocks(StringBuilder html, DocumentModel model, bool marks, int headingOffset)
    {
        string? openList = null;
        void CloseList()
        {
            if (openList is not null)
            {
                html.Append("</").Append(openList).Append(">\n");
                openList = null;
            }
        }

        foreach (var block in model.Blocks)
        {
            if (block is DocumentHeading heading)
            {
                CloseList();
                html.Append("<h").Append(heading.Level + headingOffset).Append('>').Append(E(heading.Text)).Append("</h").Append(heading.Level + headingOffset).Append(">\n");
                continue;
            }

            if (block is not DocumentStatement statement)
            {
                continue;
            }

            var list = statement.Style switch { StatementStyle.Bullet => "ul", StatementStyle.Numbered => "ol", _ => null };
            if (list != openList)
            {
                CloseList();
                if (list is not null)
                {
                    html.Append('<').Append(list).Append(">\n");
                    openList = list;
                }
            }

            html.Append(list is null ? "<p id=\"" : "<li id=\"").Append(E(statement.Id)).Append("\">").Append(E(statement.Text));
            if (marks)
            {
                html.Append("<span class=\"sid\">[").Append(E(DocumentText.LocalId(model.Info, statement))).Append("]</span>");
            }

            html.Append(list is null ? "</p>\n" : "</li>\n");
            if (statement.Table is { } table)
            {
                CloseList();
                AppendTable(html, table.Header, table.Rows);
            }
        }

        CloseList();
    }

    private static void AppendAddressed(StringBuilder html, DocumentModel model, int level)
    {
        html.Append("<h").Append(level).Append('>').Append(DocumentText.AddressedHeading).Append("</h").Append(level).Append("><p>").Append(E(DocumentText.AddressedIntro(model))).Append("</p>\n");
        AppendTable(html, ["Requirement", "Title", "Statements"], model.Addressed.Select(a => (IReadOnlyList<string>)[a.RequirementId, a.Title, string.Join(", ", a.StatementIds.Select(s => s[(model.Info.Id.Length + 1)..]))]).ToArray());
    }

    private static void AppendTable(StringBuilder html, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        html.Append("<table><thead><tr>");
        foreach (var cell in header)
        {
            html.Append("<th>").Append(E(cell)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(E(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
