using System.Text.RegularExpressions;

namespace Harmonia.Domain.Documents;

/// <summary>A problem in a template body, with its line (1-based, counted in the file).</summary>
public sealed record TemplateProblem(int Line, string Message);

/// <summary>
/// Parses a template body (docs/template-format.md) into blocks. Used twice: on the raw template when the
/// content loads (Liquid tags skipped, requirement ids checked, static ids unique) and on the rendered text when a
/// document is generated. Every line must be a heading, a statement, a table row after a statement, a Liquid tag
/// or blank: untraced prose is an error.
/// </summary>
public static partial class TemplateBody
{
    public static (IReadOnlyList<DocumentBlock> Blocks, IReadOnlyList<TemplateProblem> Problems) Parse(
        string templateId,
        string body,
        int firstLine,
        Func<string, bool> requirementExists,
        bool rendered = true)
    {
        var blocks = new List<DocumentBlock>();
        var problems = new List<TemplateProblem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        DocumentStatement? caption = null;
        List<string[]>? rows = null;
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

        void CloseTable()
        {
            if (caption is not null && rows is { Count: > 0 })
            {
                var index = blocks.LastIndexOf(caption);
                blocks[index] = caption with { Table = new DocumentTable(rows[0], rows.Skip(1).Select(r => (IReadOnlyList<string>)r).ToArray()) };
            }

            rows = null;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var number = firstLine + i;
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                CloseTable();
                caption = null;
                continue;
            }

            if (line.StartsWith("{%", StringComparison.Ordinal) && line.EndsWith("%}", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith('|'))
            {
                if (!line.EndsWith('|') || line.Length < 2)
                {
                    problems.Add(new(number, "a table row starts and ends with |"));
                }
                else if (caption is null)
                {
                    // In a raw template, whitespace-trimming Liquid tags ({%- ... %}) may join a caption and its rows
                    // only when rendered, so adjacency is checked on the rendered text.
                    if (rendered)
                    {
                        problems.Add(new(number, "a table must follow directly after the statement that introduces it"));
                    }
                }
                else if (!SeparatorRow().IsMatch(line))
                {
                    (rows ??= []).Add(line[1..^1].Split('|').Select(c => c.Trim()).ToArray());
                }

                continue;
            }

            CloseTable();
            if (HeadingLine().Match(line) is { Success: true } heading)
            {
                blocks.Add(new DocumentHeading(heading.Groups[1].Length, heading.Groups[2].Value.Trim()));
                caption = null;
                continue;
            }

            if (StatementLine().Match(line) is not { Success: true } statement)
            {
                problems.Add(new(number, $"not a heading, statement (§id [requirements] text), table row or Liquid tag: '{Shorten(line)}'"));
                caption = null;
                continue;
            }

            var localId = statement.Groups["id"].Value;
            var fullId = $"{templateId}.{localId}";
            if (!localId.Contains("{{", StringComparison.Ordinal) && !ids.Add(fullId))
            {
                problems.Add(new(number, $"duplicate statement id '{fullId}'"));
            }

            var requirements = statement.Groups["reqs"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var unknown in requirements.Where(r => !requirementExists(r)))
            {
                problems.Add(new(number, $"unknown requirement id '{unknown}' (write it as framework:ref, e.g. iso42001-2023:A.5.2)"));
            }

            var style = statement.Groups["marker"].Value switch
            {
                "- " => StatementStyle.Bullet,
                "" => StatementStyle.Paragraph,
                _ => StatementStyle.Numbered,
            };
            caption = new DocumentStatement(fullId, statement.Groups["text"].Value.Trim(), requirements, style);
            blocks.Add(caption);
        }

        CloseTable();
        return (blocks, problems);
    }

    private static string Shorten(string line) => line.Length > 60 ? line[..57] + "..." : line;

    [GeneratedRegex(@"^(#{1,3}) (\S.*)$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^(?<marker>- |\d+\. )?§(?<id>[a-z0-9][a-z0-9-]*(?:\{\{[^}]*\}\}[a-z0-9-]*)?) \[(?<reqs>[^\]]*)\] (?<text>\S.*)$")]
    private static partial Regex StatementLine();

    [GeneratedRegex(@"^\|(\s*:?-+:?\s*\|)+$")]
    private static partial Regex SeparatorRow();
}
