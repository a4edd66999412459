using BenchmarkDotNet.Attributes;
using Harmonia.App.Features.Work;
using Harmonia.Domain.Work;

namespace Harmonia.Benchmarks;

/// <summary>
/// The due-work derivation over 10,000 dated facts of every module (a quarter overdue, a tenth this week, the rest
/// later) against 200 members, a third of the owners naming a member: the pure part every page, API call and feed
/// runs after the sources are read; the reminder sweep's pure part over the same items; the whole organization feed
/// written as ICS. Database reads and writes are not included.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 10)]
public class DueWorkBenchmarks
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private DueFact[] _facts = null!;
    private OwnerMatcher _owners = null!;
    private IReadOnlyList<DueWorkItem> _items = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var members = Enumerable.Range(1, 200).Select(i => new MemberName(Guid.NewGuid(), $"person{i}@acme.example", $"Person {i}")).ToArray();
        var modules = Enum.GetValues<WorkModule>();
        _facts = Enumerable.Range(1, 10_000).Select(i =>
        {
            var offset = random.Next(100) switch
            {
                < 25 => -random.Next(1, 90),
                < 35 => random.Next(0, 7),
                _ => random.Next(7, 400),
            };
            var owner = i % 3 == 0 ? members[random.Next(members.Length)].Email : i % 3 == 1 ? "CISO" : null;
            return new DueFact(modules[i % modules.Length], $"fact:{Guid.NewGuid()}", $"review of record R-{i}", Today.AddDays(offset), i % 4 == 0 ? DueTiming.Expires : DueTiming.Due, owner, Cause: i % 5 == 0 ? "changed since v1" : null, Link: "risks");
        }).ToArray();
        _owners = new OwnerMatcher(members);
        _items = DueWork.Derive(_facts, _owners, Today);
    }

    [Benchmark(Description = "derive 10,000 items (owners, windows, reasons, order)")]
    public int Derive() => DueWork.Derive(_facts, _owners, Today).Count;

    [Benchmark(Description = "reminder rules for those 10,000 items on a Monday (keys, thresholds, digests)")]
    public int Reminders() => ReminderRules.For(_items, Today, _ => ReminderPreferences.Default).Count;

    [Benchmark(Description = "reminder rules and the words of every reminder")]
    public int ReminderMessagesOfAll() => ReminderRules.For(_items, Today, _ => ReminderPreferences.Default)
        .Sum(r => ReminderMessages.Compose(r, Guid.Empty, "Acme", Today).Text.Length);

    [Benchmark(Description = "organization ICS feed of 10,000 items")]
    public int Feed() => CalendarFeedWriter.Write("Acme: due work", _items, Today).Length;
}
