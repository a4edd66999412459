using System.Net;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Risks;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Organizations;

/// <summary>
/// What the dashboard derives from the whole organization (gap reports, readiness, due work, what waits for the
/// visitor) is kept per change token, which each request reads once: a repeat visit runs a handful of queries, and a
/// change shows on the next visit all the same.
/// </summary>
public sealed class DashboardPageLoadTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_repeat_visit_takes_a_few_queries_and_a_change_still_shows_on_the_next(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var manager = await Accounts.Browser.SignedInAsync(host, "manager@a.example");
        var url = $"/orgs/{host.OrganizationA}";
        Assert.DoesNotContain("approve the treatment of", WebUtility.HtmlDecode(await manager.GetStringAsync(url)), StringComparison.Ordinal);

        using var queries = new QueryCounter(host.Database);
        var repeat = WebUtility.HtmlDecode(await manager.GetStringAsync(url));
        var count = queries.Count;
        Assert.Contains("What to do next", repeat, StringComparison.OrdinalIgnoreCase);

        // Session (account and claims), membership, switcher, unread notices, change token, members: 7 in the server's
        // log at ten times today's data; 17 when every kept result read the change token itself and the waiting
        // approvals, certificates and newest events were read on each visit. Background jobs may add a few.
        Assert.True(count is >= 1 and <= 13, $"a repeat visit of the dashboard ran {count} queries");

        var managerId = host.UsersA[OrganizationRole.Manager];
        await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var db = s.GetRequiredService<HarmoniaDbContext>();
            db.Risks.Add(new RiskRecord
            {
                Key = "R-OWNED",
                Title = "A risk the manager owns",
                Categories = "confidentiality",
                Treatment = "mitigate",
                InherentLikelihood = 3,
                InherentImpact = 3,
                ResidualLikelihood = 2,
                ResidualImpact = 2,
                OwnerUserId = managerId,
            });
            return await db.SaveChangesAsync();
        });

        Assert.Contains("As their owner, approve the treatment of 1 risk: R-OWNED.", WebUtility.HtmlDecode(await manager.GetStringAsync(url)), StringComparison.Ordinal);
    }
}
