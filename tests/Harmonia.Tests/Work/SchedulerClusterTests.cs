using System.Net;
using System.Text;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Harmonia.Tests.Work;

/// <summary>
/// Issue 14 item 8: two web hosts over one PostgreSQL run Quartz's clustered job store. Both join the cluster, every
/// scheduled firing of the sweep and the delivery runs on exactly one of them, and the reminder reaches the SMTP
/// server once.
/// </summary>
public sealed class SchedulerClusterTests
{
    private const string Title = "Cluster test review QW7";

    [Fact]
    public async Task Two_nodes_over_one_PostgreSQL_run_each_firing_once_and_send_one_set_of_mail()
    {
        await using var smtp = SmtpSink.Start();
        var settings = new Dictionary<string, string>(smtp.Settings)
        {
            ["Scheduler:Enabled"] = "true",
            ["Reminders:SweepEvery"] = "00:00:02",
            ["Mail:DeliverEvery"] = "00:00:02",
        };
        await using var nodeA = await ApiHost.StartAsync(DatabaseProvider.Postgres, settings);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using (var created = await nodeA.Client(nodeA.TokensA[OrganizationRole.Owner]).PostAsync(new Uri($"/api/orgs/{nodeA.OrganizationA}/recurring-activities", UriKind.Relative),
                   new StringContent($$"""{"title":"{{Title}}","kind":"review","rule":"FREQ=YEARLY","startsOn":"{{today.AddDays(3):yyyy-MM-dd}}","ownerAccount":"contributor@a.example"}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await using var nodeB = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", "Postgres").UseSetting("ConnectionStrings:Harmonia", nodeA.Database.Settings.ConnectionString)
                .UseSetting("Evidence:Folder", nodeA.EvidenceFolder).UseEnvironment("Production");
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });
        _ = nodeB.Services;

        // Both nodes check in to the cluster; then several firings pass.
        await using var connection = new NpgsqlConnection(nodeA.Database.Settings.ConnectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        long nodes = 0;
        while (DateTime.UtcNow < deadline && (nodes = await ScalarAsync(connection, "SELECT count(*) FROM qrtz_scheduler_state")) < 2)
        {
            await Task.Delay(500);
        }

        Assert.Equal(2, nodes);
        await Task.Delay(TimeSpan.FromSeconds(12));

        await using var scope = nodeA.Services.CreateAsyncScope();
        var runs = await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().ScheduledJobRuns.AsNoTracking().ToListAsync();
        Assert.True(runs.Count(r => r.Job == "reminder-sweep") >= 3, $"expected several sweeps, saw {runs.Count(r => r.Job == "reminder-sweep")}");
        var twice = runs.GroupBy(r => (r.Job, r.ScheduledFireUtc)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Job} {g.Key.ScheduledFireUtc:O} on {string.Join(", ", g.Select(r => r.Node))}").ToArray();
        Assert.True(twice.Length == 0, "fired more than once: " + string.Join("; ", twice));
        Assert.All(runs.Where(r => r.FinishedUtc is not null), r => Assert.Equal("succeeded", r.Outcome));

        var ours = smtp.Messages.Where(m => (m.Subject ?? string.Empty).Contains(Title, StringComparison.Ordinal)).ToArray();
        Assert.Single(ours);
        Assert.StartsWith("Due soon", ours[0].Subject, StringComparison.Ordinal);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // Quartz has not created its tables yet.
            return 0;
        }
    }
}
