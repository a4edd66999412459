using BenchmarkDotNet.Attributes;
using Harmonia.App;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Risks;
using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
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
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"harmonia-sweep-bench-{Guid.NewGuid():N}.db");
    private ServiceProvider _services = null!;
    private Guid _organization;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }
    }

    [IterationSetup(Target = nameof(EverythingNew))]
    public void ForgetReminders() => InScopeAsync(async (db, _) => await db.Notifications.ExecuteDeleteAsync()).GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(NothingNew))]
    public void RemindOnce() => InScopeAsync((_, s) => s.GetRequiredService<SweepRemindersHandler>().HandleAsync()).GetAwaiter().GetResult();

    [Benchmark(Description = "sweep, everything new: 10,000 risks, every reminder inserted")]
    public Task<int> EverythingNew() => InScopeAsync((_, s) => s.GetRequiredService<SweepRemindersHandler>().HandleAsync());

    [Benchmark(Description = "sweep, nothing new: the same day's second run")]
    public Task<int> NothingNew() => InScopeAsync((_, s) => s.GetRequiredService<SweepRemindersHandler>().HandleAsync());

    private async Task<int> InScopeAsync(Func<HarmoniaDbContext, IServiceProvider, Task<int>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "benchmark";
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(_organization);
        return await work(scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>(), scope.ServiceProvider);
    }

    private async Task SetupAsync()
    {
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddHarmonia(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={_file}"))
            .BuildServiceProvider();
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MigrateDatabaseHandler>().HandleAsync();
            scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "benchmark";
            var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
            var people = Enumerable.Range(1, 200).Select(i => new HarmoniaUser
            {
                Id = Guid.NewGuid(),
                Email = $"person{i}@acme.example",
                NormalizedEmail = $"PERSON{i}@ACME.EXAMPLE",
                UserName = $"person{i}@acme.example",
                NormalizedUserName = $"PERSON{i}@ACME.EXAMPLE",
                SecurityStamp = Guid.NewGuid().ToString(),
            }).ToArray();
            db.Users.AddRange(people);
            await db.SaveChangesAsync();
            _organization = (await scope.ServiceProvider.GetRequiredService<CreateOrganizationHandler>().HandleAsync(new CreateOrganizationRequest(people[0].Id, "Sweep Bench GmbH"))).Id;
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(_organization);
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

            await db.SaveChangesAsync();
        }

        // The organization's first sweep records what is already assigned; the measured sweeps come after it.
        await InScopeAsync((_, s) => s.GetRequiredService<SweepRemindersHandler>().HandleAsync());
    }
}
