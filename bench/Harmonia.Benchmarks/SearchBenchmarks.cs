using BenchmarkDotNet.Attributes;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Risks;
using Harmonia.App.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Benchmarks;

/// <summary>
/// The organization's search (ADR 0030) on a SQLite file with 10,000 risks and 10,000 controls: the first search after
/// an upgrade, which indexes all 20,000 records from the audit trail; a search on a current index; and a search after
/// 100 records changed, which re-reads those 100 first.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 10, invocationCount: 1)]
public class SearchBenchmarks
{
    private static readonly string[] Words = ["drift", "access", "supplier", "backup", "fairness", "privacy", "model", "review", "encryption", "vendor", "latency", "bias"];

    private SqliteBenchDatabase _database = null!;
    private int _round;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [IterationSetup(Target = nameof(FirstSearch))]
    public void ForgetIndex() => _database.InScopeAsync(async (db, _) =>
    {
        await db.SearchEntries.ExecuteDeleteAsync();
        return await db.SearchIndexStates.ExecuteDeleteAsync();
    }).GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(CurrentIndex))]
    public void IndexEverything()
    {
        while (!CompleteAsync("drift").GetAwaiter().GetResult())
        {
        }
    }

    [IterationSetup(Target = nameof(AfterChanges))]
    public void ChangeHundredRisks() => _database.InScopeAsync(async (db, _) =>
    {
        _round++;
        foreach (var risk in await db.Risks.OrderBy(r => r.Id).Skip(_round * 100 % 9_900).Take(100).ToListAsync())
        {
            risk.Description = $"Reworded in round {_round}: {risk.Description}";
        }

        return await db.SaveChangesAsync();
    }).GetAwaiter().GetResult();

    /// <summary>Searches until the answer is complete: each reads at most 10,000 events of the history.</summary>
    [Benchmark(Description = "first searches: index 20,000 records from the audit trail (searching until complete)")]
    public async Task<int> FirstSearch()
    {
        var searches = 1;
        while (!await CompleteAsync("drift"))
        {
            searches++;
        }

        return searches;
    }

    [Benchmark(Description = "search, index current: two words over 20,000 records")]
    public Task<int> CurrentIndex() => SearchAsync("model drift");

    [Benchmark(Description = "search after 100 records changed (re-read, re-indexed, then answer)")]
    public Task<int> AfterChanges() => SearchAsync("reworded");

    private Task<bool> CompleteAsync(string query) =>
        _database.InScopeAsync(async (_, s) => (await s.GetRequiredService<SearchRecordsHandler>().HandleAsync(query)).Complete);

    private Task<int> SearchAsync(string query) =>
        _database.InScopeAsync(async (_, s) => (await s.GetRequiredService<SearchRecordsHandler>().HandleAsync(query)).Items.Count);

    private async Task SetupAsync()
    {
        (_database, _) = await SqliteBenchDatabase.CreateAsync("search", "Search Bench GmbH", 1);
        await _database.InScopeAsync(async (db, _) =>
        {
            var random = new Random(42);
            string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));
            for (var i = 1; i <= 10_000; i++)
            {
                db.Risks.Add(new RiskRecord
                {
                    Key = $"R-{i}",
                    Title = $"Risk {i} {Text(3)}",
                    Description = $"{Text(25)} affecting the service of team {i % 40}",
                    Categories = "confidentiality",
                    Treatment = "mitigate",
                    InherentLikelihood = 3,
                    InherentImpact = 3,
                    ResidualLikelihood = 2,
                    ResidualImpact = 2,
                });
                db.Controls.Add(new ControlRecord { Key = $"C-{i}", Name = $"Control {i} {Text(4)}", Status = "implemented", Owner = $"Team {i % 40}" });
                if (i % 2_000 == 0)
                {
                    await db.SaveChangesAsync();
                }
            }

            return 0;
        });
    }
}
