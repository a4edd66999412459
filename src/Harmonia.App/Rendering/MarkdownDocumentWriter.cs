using System.Text;
using Harmonia.Domain.Documents;

namespace Harmonia.App.Rendering;

public static class MarkdownDocumentWriter
{
    public static string Write(DocumentModel model)
    {
        var md = new StringBuilder();
        var info = model.Info;
        md.Append("# ").Append(info.Title).Append('\n').Append('\n');
        md.Append("**").Append(Escape(info.OrganizationName)).Append("**\n\n");
        md.Append("| | |\n|---|---|\n");
        foreach (var (label, value) in DocumentText.Cover(info))
        {
            md.Append("| ").Append(label).Append(" | ").Append(Cell(value)).Append(" |\n");
        }

        md.Append('\n');
        var number = 0;
        var inList = false;
        foreach (var block in model.Blocks)
        {
            // A paragraph straight after a list item would continue the item: close the list with a blank line.
            if (inList && block is not DocumentStatement { Style: not StatementStyle.Paragraph })
            {
                md.Append('\n');
            }

            inList = block is DocumentStatement { Style: not StatementStyle.Paragraph, Table: null };
            switch (block)
            {
                case DocumentHeading heading:
                    number = 0;
                    md.Append('\n').Append(new string('#', heading.Level + 1)).Append(' ').Append(Escape(heading.Text)).Append("\n\n");
                    break;
                case DocumentStatement statement:
                    var prefix = statement.Style switch
                    {
                        StatementStyle.Bullet => "- ",
                        StatementStyle.Numbered => $"{++number}. ",
                        _ => string.Empty,
                    };
                    md.Append(prefix).Append(Escape(statement.Text)).Append(" `[").Append(DocumentText.LocalId(info, statement)).Append("]`\n");
                    if (statement.Style == StatementStyle.Paragraph)
                    {
                        md.Append('\n');
                    }

                    if (statement.Table is { } table)
                    {
                        md.Append('\n');
                        AppendTable(md, table.Header, table.Rows);
                    }

                    break;
            }
        }

        md.Append("\n## ").Append(DocumentText.AddressedHeading).Append("\n\n").Append(DocumentText.AddressedIntro(model)).Append("\n\n");
        AppendTable(md, ["Requirement", "Title", "Statements"], model.Addressed.Select(a => (IReadOnlyList<string>)[a.RequirementId, a.Title, string.Join(", ", a.StatementIds.Select(s => s[(info.Id.Length + 1)..]))]).ToArray());
        md.Append("\n## ").Append(DocumentText.RevisionsHeading).Append("\n\n");
        AppendTable(md, ["Version", "Date", "Author", "Change"], model.Revisions.Select(r => (IReadOnlyList<string>)[r.Version, DocumentText.Date(r.Date), r.Author, r.Change]).ToArray());
        return md.ToString();
    }

    private static void AppendTable(StringBuilder md, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        md.Append("| ").AppendJoin(" | ", header.Select(Cell)).Append(" |\n|").Append(string.Concat(header.Select(_ => "---|"))).Append('\n');
        foreach (var row in rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        }

        md.Append('\n');
    }

    private static string Cell(string text) => MarkdownText.Escape(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Escape(string text) => MarkdownText.Escape(text);
}
