using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Gaps;

namespace Harmonia.Domain.Mapping;

/// <summary>One step of an inference path, in the direction the result travelled.</summary>
public sealed record MappingHop(
    string FromId,
    string ToId,
    Relationship Relationship,
    int Strength,
    string Rationale,
    bool Reversed);

/// <summary>
/// Why a requirement got an inferred result: the own result it started from and the hops it travelled.
/// <see cref="Strength"/> is the weakest hop's strength.
/// </summary>
public sealed record InferencePath(
    OwnResult Origin,
    IReadOnlyList<MappingHop> Hops,
    RequirementResult Result,
    int Strength);

/// <summary>An inferred result with every source that contributed, best first.</summary>
public sealed record InferredResult(string RequirementId, IReadOnlyList<InferencePath> Sources)
{
    public InferencePath Best => Sources[0];

    public RequirementResult Result => Best.Result;
}

/// <summary>
/// Infers results through the mapping graph (DESIGN.md "Gap analysis, precisely"). Every mapping is walked both
/// ways (the reverse with the inverse relationship). equal and superset pass a result through; subset and
/// intersect cap it at partially satisfied; not_related carries nothing. A chain is as strong as its weakest hop.
/// Paths start at requirements with an own result, never pass through one (its own result wins there), and never
/// pass through another requirement of the target framework. Best path: better result, then stronger weakest
/// hop, then fewer hops, then ordinal id order, so the outcome is deterministic.
/// </summary>
public sealed class MappingEngine
{
    private readonly Catalog _catalog;
    private readonly string[] _ids;
    private readonly Dictionary<string, int> _index;
    private readonly Edge[][] _outgoing;
    private readonly Edge[][] _incoming;

    public MappingEngine(Catalog catalog)
    {
        _catalog = catalog;
        _ids = catalog.Requirements.Select(r => r.Id).Order(StringComparer.Ordinal).ToArray();
        _index = new Dictionary<string, int>(_ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < _ids.Length; i++)
        {
            _index.Add(_ids[i], i);
        }

        var outgoing = new List<Edge>[_ids.Length];
        var incoming = new List<Edge>[_ids.Length];
        for (var i = 0; i < _ids.Length; i++)
        {
            outgoing[i] = [];
            incoming[i] = [];
        }

        foreach (var mapping in catalog.Mappings)
        {
            if (mapping.Relationship == Relationship.NotRelated)
            {
                continue;
            }

            var source = _index[mapping.SourceId];
            var target = _index[mapping.TargetId];
            if (source == target)
            {
                continue;
            }

            var forward = new Edge(source, target, mapping.Relationship, mapping, false);
            var backward = new Edge(target, source, mapping.Relationship.Inverse(), mapping, true);
            outgoing[source].Add(forward);
            incoming[target].Add(forward);
            outgoing[target].Add(backward);
            incoming[source].Add(backward);
        }

        _outgoing = outgoing.Select(list => list.OrderBy(e => e.To).ThenBy(e => e.Reversed).ToArray()).ToArray();
        _incoming = incoming.Select(list => list.OrderBy(e => e.From).ThenBy(e => e.Reversed).ToArray()).ToArray();
    }

    public Catalog Catalog => _catalog;

    /// <summary>Inferred results for the requirements of <paramref name="targetFrameworkId"/> that have no own result.</summary>
    public Dictionary<string, InferredResult> Infer(string targetFrameworkId, IReadOnlyDictionary<string, OwnResult> ownResults)
    {
        var own = new OwnResult?[_ids.Length];
        foreach (var (id, result) in ownResults)
        {
            if (_index.TryGetValue(id, out var i))
            {
                own[i] = result;
            }
        }

        var inTarget = new bool[_ids.Length];
        foreach (var requirement in _catalog.FindFramework(targetFrameworkId)?.Requirements ?? [])
        {
            inTarget[_index[requirement.Id]] = true;
        }

        var labels = Propagate(own, inTarget);

        var inferred = new Dictionary<string, InferredResult>(StringComparer.Ordinal);
        for (var node = 0; node < _ids.Length; node++)
        {
            if (!inTarget[node] || own[node] is not null)
            {
                continue;
            }

            var sources = new List<(Label Label, InferencePath Path)>();
            foreach (var edge in _incoming[node])
            {
                if (labels[edge.From] is not { } from)
                {
                    continue;
                }

                var label = from.Extend(edge, node);
                sources.Add((label, BuildPath(labels, own, edge, label)));
            }

            if (sources.Count > 0)
            {
                sources.Sort((a, b) => a.Label.CompareTo(b.Label));
                inferred.Add(_ids[node], new InferredResult(_ids[node], sources.Select(s => s.Path).ToArray()));
            }
        }

        return inferred;
    }

    /// <summary>Best-first label setting from every own result outward; target-framework nodes receive but do not relay.</summary>
    private Label?[] Propagate(OwnResult?[] own, bool[] inTarget)
    {
        var labels = new Label?[_ids.Length];
        var done = new bool[_ids.Length];
        var queue = new PriorityQueue<int, Label>();
        for (var node = 0; node < own.Length; node++)
        {
            if (own[node] is { } result && !inTarget[node] && Rank(result.Result) > 0)
            {
                var label = new Label(Rank(result.Result), 10, 0, node, node, null);
                labels[node] = label;
                queue.Enqueue(node, label);
            }
        }

        while (queue.TryDequeue(out var node, out var label))
        {
            if (done[node])
            {
                continue;
            }

            done[node] = true;
            foreach (var edge in _outgoing[node])
            {
                var next = edge.To;
                if (done[next] || own[next] is not null || inTarget[next])
                {
                    continue;
                }

                var candidate = label.Extend(edge, next);
                if (labels[next] is not { } current || candidate.CompareTo(current) < 0)
                {
                    labels[next] = candidate;
                    queue.Enqueue(next, candidate);
                }
            }
        }

        return labels;
    }

    private InferencePath BuildPath(Label?[] labels, OwnResult?[] own, Edge last, Label final)
    {
        var hops = new List<MappingHop> { ToHop(last) };
        var node = last.From;
        while (labels[node] is { Via: { } via })
        {
            hops.Add(ToHop(via));
            node = via.From;
        }

        hops.Reverse();
        return new InferencePath(own[node]!, hops, FromRank(final.Rank), final.Strength);
    }

    private MappingHop ToHop(Edge edge) => new(
        _ids[edge.From], _ids[edge.To], edge.Relationship, edge.Mapping.Strength, edge.Mapping.Rationale, edge.Reversed);

    private static int Rank(RequirementResult result) => result switch
    {
        RequirementResult.Satisfied => 3,
        RequirementResult.PartiallySatisfied => 2,
        RequirementResult.NotSatisfied => 1,
        _ => 0,
    };

    private static RequirementResult FromRank(int rank) => rank switch
    {
        3 => RequirementResult.Satisfied,
        2 => RequirementResult.PartiallySatisfied,
        _ => RequirementResult.NotSatisfied,
    };

    private sealed record Edge(int From, int To, Relationship Relationship, RequirementMapping Mapping, bool Reversed);

    /// <summary>Ordered best first: a label that compares lower is better.</summary>
    private readonly record struct Label(int Rank, int Strength, int Hops, int Node, int Origin, Edge? Via)
        : IComparable<Label>
    {
        public Label Extend(Edge edge, int to)
        {
            var rank = edge.Relationship.PassesThrough() ? Rank : Math.Min(Rank, 2);
            return new Label(rank, Math.Min(Strength, edge.Mapping.Strength), Hops + 1, to, Origin, edge);
        }

        public int CompareTo(Label other)
        {
            var byRank = other.Rank.CompareTo(Rank);
            if (byRank != 0)
            {
                return byRank;
            }

            var byStrength = other.Strength.CompareTo(Strength);
            if (byStrength != 0)
            {
                return byStrength;
            }

            var byHops = Hops.CompareTo(other.Hops);
            if (byHops != 0)
            {
                return byHops;
            }

            var byOrigin = Origin.CompareTo(other.Origin);
            return byOrigin != 0 ? byOrigin : (Via?.From ?? -1).CompareTo(other.Via?.From ?? -1);
        }
    }
}
