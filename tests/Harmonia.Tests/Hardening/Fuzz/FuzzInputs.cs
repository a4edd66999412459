using System.Text;
using CsCheck;

namespace Harmonia.Tests.Hardening.Fuzz;

/// <summary>
/// Inputs for the fuzz suite: mutations of the real sample files (a list of small edits applied to a file, so CsCheck
/// can shrink a failing case to the fewest edits) and documents generated from the vocabulary of the formats.
/// </summary>
internal static class FuzzInputs
{
    /// <summary>Values that have broken parsers before or sit on a limit: structure characters, anchors, tags, huge numbers, control characters, odd Unicode, long words.</summary>
    public static readonly string[] Hostile =
    [
        string.Empty, "~", "null", "[", "]", "{", "}", "{]", "[}", "- ", ": ", "? ", "?", "&x ", "*x", "&a [1]", "<<: *x", "!!binary AAAA", "!!python/object/apply:os.system ['id']",
        "!custom", "%YAML 1.1", "---", "...", "|", ">-", "#", "'", "\"", "\"\\u0000\"", "\"\\x07\"", "\u0007", "\0", "\t", "\r", "\r\n", "\u0085", "\u2028",
        "1e300", "-1e300", "-1", "0", "99999999999999999999999999", "NaN", ".nan", ".inf", "-.inf", "0x1F", "0o17", "2026-13-45", "2026-02-30", "9999-12-31", "0001-01-01",
        "true", "yes", "no", "on", "off", "True", "=1+41", "=cmd|' /C calc'!A0", "@SUM(A1)", "<script>alert(1)</script>", "<meta http-equiv=\"refresh\" content=\"0;url=//evil\">",
        "\uFEFF", "\u202E", "\U0001F600", "\uFFFF", "\uFFFD", "C-01", "AI-01", "R-1", "C-1, C-2", "iso27001-2022:4.1", "iso42001-2023:A.2.2", "iso27001-2022:A.5.1", "nope:1",
        "implemented", "planned", "partially_implemented", "not_applicable", "satisfied", "partially_satisfied", "deployer", "provider", "operation",
        new string('w', 5000), string.Concat(Enumerable.Repeat("ab ", 3000)), new string('[', 40) + new string(']', 40), new string('{', 33) + new string('}', 33),
        "[" + string.Join(", ", Enumerable.Range(0, 300)) + "]", "{" + string.Join(", ", Enumerable.Range(0, 120).Select(i => $"k{i}: {i}")) + "}",
    ];

    /// <summary>Keys of the organization and answers formats (and a few that are not), for generated documents.</summary>
    public static readonly string[] Keys =
    [
        "organization", "name", "sector", "employees", "locations", "certifications", "framework", "since", "certificationBody", "assessment", "teamCapacityFte",
        "aiSystems", "id", "purpose", "role", "lifecycleStage", "supplier", "controls", "owner", "status", "satisfies", "evidence", "title", "date", "results",
        "requirement", "result", "reason", "answers", "org.short_name", "org.hosting", "org.cloud_providers", "org.locations", "org.sector", "review.documents_months",
        "review.risks_months", "backup.rto_hours", "ai.roles", "ai.high_impact", "isms.scope", "aims.scope", "roles.dpo", "unknown", "<<", "? complex",
    ];

    public sealed record Edit(int Kind, double At, double Other, int Token);

    private static readonly Gen<Edit> EditGen = Gen.Select(Gen.Int[0, 12], Gen.Double[0, 0.999], Gen.Double[0, 0.999], Gen.Int[0, Hostile.Length - 1], (k, a, o, t) => new Edit(k, a, o, t));

    /// <summary>One of the base texts with one to eight edits; a few cases keep the text unchanged (the sample must pass).</summary>
    public static Gen<byte[]> Mutations(IReadOnlyList<string> bases) =>
        Gen.Select(Gen.Int[0, bases.Count - 1], EditGen.Array[0, 8], (b, edits) => Apply(bases[b], edits));

    /// <summary>A document built from the format's keys and hostile values, in block or flow style, sometimes nested past the depth limit.</summary>
    public static Gen<byte[]> Generated(IReadOnlyList<string> keys, string? rootKey) =>
        Gen.Select(Node(5, keys), Gen.Bool, (node, flow) =>
        {
            var text = new StringBuilder();
            if (rootKey is not null)
            {
                text.Append(rootKey).Append(':').Append(flow ? " " : "\n");
                Write(text, node, flow, 1);
            }
            else
            {
                Write(text, node, flow, 0);
            }

            return Encoding.UTF8.GetBytes(text.ToString());
        });

    private static readonly string[] Names = ["minutes.txt", "report.pdf", "photo.png", "sheet.xlsx", "a.svg", "x.html", "../../etc/passwd", "con.txt", "ünïcødé.pdf", ".", "a%00b.txt", new string('n', 300) + ".pdf", "run.exe"];

    /// <summary>Bytes for an upload: a real small file of some type, truncated, padded or with random bytes.</summary>
    public static Gen<(byte[] Content, string Name)> UploadFiles { get; } = Gen.Select(
        Gen.Int[0, 5], Gen.Byte.Array[0, 2048], Gen.Int[0, Names.Length - 1], (kind, random, name) =>
        {
            byte[] content = kind switch
            {
                0 => random,
                1 => [.. "%PDF-1.7\n"u8, .. random],
                2 => [.. new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, .. random],
                3 => [.. "PK\u0003\u0004"u8, .. random],
                4 => [.. Encoding.UTF8.GetBytes(new string(' ', 1500) + "<svg onload=alert(1)>"), .. random],
                _ => Encoding.UTF8.GetBytes("minutes of the access review\n" + Convert.ToBase64String(random)),
            };
            return (content, Names[name]);
        });

    private abstract record YamlNode;

    private sealed record Scalar(string Value) : YamlNode;

    private sealed record Map(IReadOnlyList<(string Key, YamlNode Value)> Entries) : YamlNode;

    private sealed record Seq(IReadOnlyList<YamlNode> Items) : YamlNode;

    private static Gen<YamlNode> Node(int depth, IReadOnlyList<string> keys)
    {
        var scalar = Gen.OneOf(
            Gen.Int[0, Hostile.Length - 1].Select(i => Hostile[i]),
            Gen.Int[0, keys.Count - 1].Select(i => keys[i]),
            Gen.String[Gen.Char.AlphaNumeric, 0, 40],
            Gen.String[Gen.Char, 0, 20],
            Gen.Double.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture))).Select(s => (YamlNode)new Scalar(s));
        if (depth == 0)
        {
            return scalar;
        }

        var inner = Node(depth - 1, keys);
        var key = Gen.Frequency((4, Gen.Int[0, keys.Count - 1].Select(i => keys[i])), (1, Gen.Int[0, Hostile.Length - 1].Select(i => Hostile[i])));
        return Gen.Frequency(
            (3, scalar),
            (2, Gen.Select(key, inner, (k, v) => (k, v)).Array[0, 6].Select(e => (YamlNode)new Map(e))),
            (1, inner.Array[0, 5].Select(i => (YamlNode)new Seq(i))));
    }

    private static void Write(StringBuilder text, YamlNode node, bool flow, int indent)
    {
        var pad = new string(' ', indent * 2);
        switch (node)
        {
            case Scalar s:
                text.Append(s.Value);
                if (!flow)
                {
                    text.Append('\n');
                }

                break;
            case Map m when flow:
                text.Append('{');
                foreach (var (k, v) in m.Entries)
                {
                    text.Append(k).Append(": ");
                    Write(text, v, flow, indent + 1);
                    text.Append(", ");
                }

                text.Append('}');
                break;
            case Seq q when flow:
                text.Append('[');
                foreach (var item in q.Items)
                {
                    Write(text, item, flow, indent + 1);
                    text.Append(", ");
                }

                text.Append(']');
                break;
            case Map m:
                foreach (var (k, v) in m.Entries)
                {
                    text.Append(pad).Append(k).Append(':').Append(v is Scalar ? " " : "\n");
                    Write(text, v, flow, indent + 1);
                }

                break;
            case Seq q:
                foreach (var item in q.Items)
                {
                    text.Append(pad).Append("- ").Append(item is Scalar ? string.Empty : "\n");
                    Write(text, item, flow, indent + 1);
                }

                break;
        }
    }

    /// <summary>Applies the edits in order; byte edits (invalid UTF-8) act on the encoded text at the end.</summary>
    public static byte[] Apply(string text, IReadOnlyList<Edit> edits)
    {
        var builder = new StringBuilder(text);
        var byteEdits = new List<Edit>();
        foreach (var edit in edits)
        {
            var length = builder.Length;
            var at = (int)(edit.At * length);
            var other = (int)(edit.Other * length);
            var token = Hostile[edit.Token];
            switch (edit.Kind)
            {
                case 0: // delete a span
                    builder.Remove(at, Math.Min(length - at, 1 + (int)(edit.Other * 200)));
                    break;
                case 1: // copy a span elsewhere
                    var span = builder.ToString(at, Math.Min(length - at, 1 + (int)(edit.Other * 400)));
                    builder.Insert(Math.Min(other, builder.Length), span);
                    break;
                case 2: // insert a hostile token
                    builder.Insert(at, token);
                    break;
                case 3: // replace a value after "key: " on the line with a hostile token
                    ReplaceValue(builder, at, token);
                    break;
                case 4: // swap two lines
                    SwapLines(builder, at, other);
                    break;
                case 5: // cut the file short
                    builder.Length = Math.Max(at, length / 4);
                    break;
                case 6: // break the indentation of a line
                    var start = LineStart(builder, at);
                    if (edit.Other < 0.5)
                    {
                        builder.Insert(start, new string(' ', 1 + (int)(edit.Other * 10)));
                    }
                    else if (start < builder.Length && builder[start] == ' ')
                    {
                        builder.Remove(start, 1);
                    }

                    break;
                case 7: // an odd character
                    builder.Insert(at, (char)(edit.Other * 0x3000));
                    break;
                case 8: // nest the value in brackets, sometimes past the depth limit
                    var levels = 1 + (int)(edit.Other * 60);
                    ReplaceValue(builder, at, new string('[', levels) + (token.Length > 50 ? "x" : token) + new string(']', levels));
                    break;
                case 9: // anchor a value and refer to it
                    ReplaceValue(builder, at, "&a " + token);
                    builder.Insert(Math.Min(other, builder.Length), "*a");
                    break;
                case 10: // repeat a line many times
                    var lineStart = LineStart(builder, at);
                    var lineEnd = LineEnd(builder, lineStart);
                    var line = builder.ToString(lineStart, lineEnd - lineStart) + "\n";
                    builder.Insert(lineStart, string.Concat(Enumerable.Repeat(line, 1 + (int)(edit.Other * 300))));
                    break;
                default: // 11, 12: bytes that are not UTF-8, or a byte order mark in the middle
                    byteEdits.Add(edit);
                    break;
            }
        }

        var bytes = Encoding.UTF8.GetBytes(builder.ToString());
        foreach (var edit in byteEdits)
        {
            var at = (int)(edit.At * bytes.Length);
            bytes = edit.Kind == 11
                ? [.. bytes[..at], (byte)(0x80 + (int)(edit.Other * 0x7F)), .. bytes[at..]]
                : [.. bytes[..at], 0xEF, 0xBB, 0xBF, .. bytes[at..]];
        }

        return bytes;
    }

    private static int LineStart(StringBuilder text, int at)
    {
        at = Math.Min(at, text.Length);
        while (at > 0 && text[at - 1] != '\n')
        {
            at--;
        }

        return at;
    }

    private static int LineEnd(StringBuilder text, int at)
    {
        while (at < text.Length && text[at] != '\n')
        {
            at++;
        }

        return at;
    }

    private static void ReplaceValue(StringBuilder text, int at, string value)
    {
        var start = LineStart(text, at);
        var end = LineEnd(text, start);
        var line = text.ToString(start, end - start);
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        var from = colon >= 0 ? colon + 2 : line.StartsWith("  - ", StringComparison.Ordinal) ? 4 : line.Length;
        text.Remove(start + from, line.Length - from).Insert(start + from, value);
    }

    private static void SwapLines(StringBuilder text, int a, int b)
    {
        var lines = text.ToString().Split('\n');
        if (lines.Length < 2)
        {
            return;
        }

        var i = (int)((double)a / Math.Max(1, text.Length) * lines.Length);
        var j = (int)((double)b / Math.Max(1, text.Length) * lines.Length);
        (lines[i], lines[j]) = (lines[j], lines[i]);
        text.Clear().Append(string.Join('\n', lines));
    }
}
