using System.Diagnostics;
using Harmonia.App.Common;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Harmonia.App.Content;

/// <summary>
/// Walks a YAML text as a stream of parser events (YamlDotNet's parser keeps its own state stack, so it does not
/// recurse) before anything builds a tree of it. The tree builder recurses per level, so 50,000 nested brackets
/// overflowed the stack and killed the process; aliases used as mapping keys made hashing grow exponentially.
/// Harmonia's files need neither deep nesting nor anchors, so both are refused, as are too many nodes, too much
/// text and too much time.
/// </summary>
internal static class YamlGuard
{
    public sealed record Problem(int Line, int Column, string Message);

    public static Problem? Refusal(string text, InputLimits limits, CancellationToken cancellationToken)
    {
        if (text.Length > limits.MaxTextBytes)
        {
            return new Problem(1, 1, $"the file is larger than the limit of {InputLimits.Describe(limits.MaxTextBytes)}");
        }

        var parser = new Parser(new StringReader(text));
        var clock = Stopwatch.StartNew();
        var depth = 0;
        var nodes = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                var at = current.Start;
                switch (current)
                {
                    case AnchorAlias:
                        return Refuse(at, "aliases (*name) are not allowed in this file; write the value out");
                    case NodeEvent { Anchor.IsEmpty: false }:
                        return Refuse(at, "anchors (&name) are not allowed in this file; write the value out");
                    case MappingStart or SequenceStart when ++depth > limits.MaxDepth:
                        return Refuse(at, $"the structure is nested deeper than {limits.MaxDepth} levels");
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }

                if (++nodes > limits.MaxNodes)
                {
                    return Refuse(at, $"the file has more than {limits.MaxNodes:N0} values");
                }

                if (nodes % 1024 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (clock.Elapsed > limits.MaxParseTime)
                    {
                        return Refuse(at, $"reading the file took longer than {limits.MaxParseTime.TotalSeconds:0} seconds");
                    }
                }
            }
        }
        catch (YamlException)
        {
            // Malformed text: the tree builder reports it with its position.
            return null;
        }

        return null;
    }

    private static Problem Refuse(Mark at, string message) => new((int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column), message);
}
