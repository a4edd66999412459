using System.Net;
using Harmonia.App.Features.Risks;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Risks;

/// <summary>
/// A page of the risk register shows an owner picker on every row. The pickers of one page share one read of the members
/// and of the risks' owners; each used to read both for itself, over its own connection.
/// </summary>
public sealed class RiskRegisterPageLoadTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_full_page_of_risks_with_their_owner_pickers_takes_a_fixed_number_of_queries(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var owner = host.UsersA[Harmonia.App.Features.Accounts.OrganizationRole.Contributor];
        await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var db = s.GetRequiredService<HarmoniaDbContext>();
            db.Risks.AddRange(Enumerable.Range(1, 120).Select(i => new RiskRecord
            {
                Key = $"LOAD-{i:000}",
                Title = $"Risk number {i}",
                Categories = "confidentiality",
                Treatment = "mitigate",
                InherentLikelihood = 3,
                InherentImpact = 3,
                ResidualLikelihood = 2,
                ResidualImpact = 2,
                Owner = i % 2 == 0 ? "Head of Facilities" : null,
                OwnerUserId = i % 3 == 0 ? owner : null,
            }));
            return await db.SaveChangesAsync();
        });

        using var manager = await Accounts.Browser.SignedInAsync(host, "manager@a.example");
        var url = $"/orgs/{host.OrganizationA}/risks?sort=key&size=50";
        var warm = WebUtility.HtmlDecode(await manager.GetStringAsync(url));
        Assert.Equal(50, TextCount.Occurrences(warm, "aria-label=\"Assign the owner of risk "));

        using var queries = new QueryCounter(host.Database);
        var page = WebUtility.HtmlDecode(await manager.GetStringAsync(url));
        var count = queries.Count;

        // Every row still has its picker, with the owner chosen and the office named in text said.
        Assert.Equal(50, TextCount.Occurrences(page, "aria-label=\"Assign the owner of risk "));
        Assert.Contains("The record names “Head of Facilities”", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{owner}\" selected", page, StringComparison.Ordinal);

        // The page's own reads (register, columns, suggestions, navigation) and one read of members and owners for all
        // pickers: 24 on either database; fifty pickers reading for themselves were 221.
        Assert.InRange(count, 1, 40);
    }
}
