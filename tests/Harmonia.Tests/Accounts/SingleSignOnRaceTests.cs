using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Accounts;

/// <summary>
/// ADR 0034: the same new person signing in twice at once (two tabs, a double click) gets one account and no server
/// error. The use cases run concurrently, each in its own scope, on a real database of each provider.
/// </summary>
public sealed class SingleSignOnRaceTests
{
    private const int People = 4;
    private const int AtOnce = 4;
    private static readonly string[] AllowedDomains = ["a.example"];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Concurrent_first_sign_ins_of_one_new_person_make_one_account_and_no_error(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        for (var person = 0; person < People; person++)
        {
            var identity = new ExternalIdentity("sso-corp", "race-" + person, $"race.{person}@a.example", true, null);
            var results = await AllAtOnceAsync(host, AtOnce, s => s.GetRequiredService<ExternalAccountHandler>().HandleAsync(identity, AllowedDomains, null));

            Assert.All(results, r => Assert.NotNull(r.Account));
            Assert.Single(results.Select(r => r.Account!.UserId).Distinct());
            Assert.Single(results, r => r.Account!.Created);
            var normalized = identity.Email!.ToUpperInvariant();
            Assert.Equal(1, await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().Users.CountAsync(u => u.NormalizedEmail == normalized)));
            Assert.Equal(1, await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().Set<IdentityUserLogin<Guid>>().CountAsync(l => l.ProviderKey == identity.Subject)));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Concurrent_first_sign_ins_of_an_existing_account_link_it_once(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var viewer = host.UsersA[OrganizationRole.Viewer];
        var identity = new ExternalIdentity("sso-corp", "race-viewer", "viewer@a.example", true, null);

        var results = await AllAtOnceAsync(host, AtOnce, s => s.GetRequiredService<ExternalAccountHandler>().HandleAsync(identity, AllowedDomains, null));

        Assert.All(results, r => Assert.Equal(viewer, r.Account?.UserId));
        Assert.Single(results, r => r.Account!.Linked);
        Assert.Equal(1, await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().Set<IdentityUserLogin<Guid>>().CountAsync(l => l.UserId == viewer)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Concurrent_mappings_of_one_new_member_give_one_membership(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        for (var person = 0; person < People; person++)
        {
            var identity = new ExternalIdentity("sso-corp", "member-" + person, $"member.{person}@a.example", true, null);
            var account = (await host.WithScopeAsync(s => s.GetRequiredService<ExternalAccountHandler>().HandleAsync(identity, AllowedDomains, null))).Account!;
            var request = new MappedRoleRequest(host.OrganizationA, account.UserId, "sso-corp", OrganizationRole.Contributor, account, null);

            await AllAtOnceAsync(host, AtOnce, async s =>
            {
                s.GetRequiredService<AuditActor>().Name = "sso:corp";
                await s.GetRequiredService<ApplyMappedRoleHandler>().HandleAsync(request);
                return true;
            });

            var memberships = await host.WithScopeAsync(s =>
            {
                s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
                return s.GetRequiredService<HarmoniaDbContext>().Memberships.Where(m => m.UserId == account.UserId).ToListAsync();
            });
            Assert.Equal(OrganizationRole.Contributor, Assert.Single(memberships).Role);
        }
    }

    // Each call in its own scope (its own context and connection, as two requests have), all released together.
    private static async Task<T[]> AllAtOnceAsync<T>(ApiHost host, int count, Func<IServiceProvider, Task<T>> work)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Enumerable.Range(0, count).Select(_ => Task.Run(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "sso:corp";
            await start.Task;
            return await work(scope.ServiceProvider);
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(calls);
    }
}
