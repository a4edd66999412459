using BenchmarkDotNet.Attributes;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Risks;
using Harmonia.App.Features.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Benchmarks;

/// <summary>
/// One organization's reminder sweep end to end on a SQLite file, as the scheduler runs it: read every source of due
/// work, derive 10,000 items (10,000 risks with a review date, owned by 200 members), look up the existing reminder
/// keys in batches and insert what is new. "Everything new" is the worst case (every reminder written); "nothing new"
/// is the hourly case once the day's reminders exist.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 10, invocationCount: 1)]
public class ReminderSweepBenchmarks
{
    private SqliteBenchDatabase _database = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [IterationSetup(Target = nameof(EverythingNew))]
    public void ForgetReminders() => _database.InScopeAsync(async (db, _) => await db.Notifications.ExecuteDeleteAsync()).GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(NothingNew))]
    public void RemindOnce() => _database.InScopeAsync((_, s) => s.GetRequiredService<SweepRemindersHandler>().HandleAsync()).GetAwaiter().GetResult();

    [Benchmark(Description = "sweep, everything new: 10,000 risks, every reminder inserted")]
    public Task<int> EverythingNew() => _database.InScopeAsync((_, s) => s.GetRequiredService<SweepRemindersHandler>().HandleAsync());

    [Benchmark(Description = "sweep, nothing new: the same day's second run")]
    public Task<int> NothingNew() => _database.InScopeAsync((_, s) => s.GetRequiredService<SweepRemindersHandler>().HandleAsync());

    private async Task SetupAsync()
    {
        (_database, var people) = await SqliteBenchDatabase.CreateAsync("sweep", "Sweep Bench GmbH", 200);
        await _database.InScopeAsync(async (db, _) =>
        {
            db.Memberships.AddRange(people.Skip(1).Select(p => new Membership { UserId = p.Id, Role = OrganizationRole.Contributor }));

            // A quarter overdue, a tenth this week, the rest later, as in DueWorkBenchmarks.
            var random = new Random(42);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            for (var i = 1; i <= 10_000; i++)
            {
                var offset = random.Next(100) switch
                {
                    < 25 => -random.Next(1, 90),
                    < 35 => random.Next(0, 7),
                    _ => random.Next(7, 400),
                };
                db.Risks.Add(new RiskRecord
                {
                    Key = $"R-{i}",
                    Title = $"Risk {i}",
                    Categories = "confidentiality",
                    Treatment = "mitigate",
                    ReviewOn = today.AddDays(offset),
                    OwnerUserId = people[random.Next(people.Length)].Id,
                    InherentLikelihood = 3,
                    InherentImpact = 3,
                    ResidualLikelihood = 2,
                    ResidualImpact = 2,
                });
            }

            return await db.SaveChangesAsync();
        });

        // The organization's first sweep records what is already assigned; the measured sweeps come after it.
        await _database.InScopeAsync((_, s) => s.GetRequiredService<SweepRemindersHandler>().HandleAsync());
    }
}
