using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Controls;

/// <summary>
/// Issue 19 item 7: several controls are deleted in one step with one confirmation, by the rules of one deletion and
/// all or none; another organization's control is not found and a contributor may not delete.
/// </summary>
public sealed class BulkDeleteTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static StringContent Ids(IEnumerable<Guid> ids) => Json($$"""{"controlIds":[{{string.Join(",", ids.Select(i => $"\"{i}\""))}}]}""");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Controls_are_deleted_together_or_not_at_all(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var (first, second, named) = (await host.NewControlAsync(host.OrganizationA), await host.NewControlAsync(host.OrganizationA), await host.NewControlAsync(host.OrganizationA));
        await host.NewEvidenceAsync(host.OrganizationA, first);
        var namedKey = JsonDocument.Parse(await manager.GetStringAsync(Url($"{api}/controls/{named}"))).RootElement.GetProperty("key").GetString();
        using (var risk = await manager.PostAsync(Url($"{api}/risks"), Json($$"""
            {"key":"R-DEL-1","title":"Kept by its control","categories":["privacy"],"riskSources":[],"aiSystems":[],"inherentLikelihood":2,"inherentImpact":2,"treatment":"mitigate","controls":["{{namedKey}}"],"residualLikelihood":1,"residualImpact":2}
            """)))
        {
            Assert.Equal(HttpStatusCode.Created, risk.StatusCode);
        }

        async Task<int> CountAsync() => JsonDocument.Parse(await manager.GetStringAsync(Url($"{api}/controls?pageSize=200"))).RootElement.GetProperty("total").GetInt32();
        var before = await CountAsync();

        using (var refused = await manager.PostAsync(Url($"{api}/controls/delete"), Ids([first, second, named])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains("R-DEL-1", body, StringComparison.Ordinal);
            Assert.Contains("Nothing was deleted.", body, StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsync(Url($"{api}/controls/delete"), Ids([first]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync(Url($"{api}/controls/delete"), Ids([first, await host.NewControlAsync(host.OrganizationB)]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsync(Url($"{api}/controls/delete"), Ids([]))).StatusCode);
        Assert.Equal(before, await CountAsync());

        using var deleted = await manager.PostAsync(Url($"{api}/controls/delete"), Ids([first, second]));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await deleted.Content.ReadAsStringAsync()).RootElement.GetProperty("deleted").GetArrayLength());
        Assert.Equal(before - 2, await CountAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(Url($"{api}/controls/{first}"))).StatusCode);
    }

    [Fact]
    public async Task The_list_deletes_the_ticked_controls_only_with_the_confirmation_ticked()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        var (first, second) = (await host.NewControlAsync(host.OrganizationA), await host.NewControlAsync(host.OrganizationA));
        using var owner = await host.SignedInAsync("owner@a.example");
        var list = $"/orgs/{host.OrganizationA}/controls";
        var html = await owner.GetStringAsync(Url(list));
        var form = FormFields(html, "id=\"delete-controls\"");
        form.Add(new("controlIds", first.ToString()));
        form.Add(new("controlIds", second.ToString()));

        using (var unconfirmed = await owner.PostAsync(Url($"{list}/delete"), new FormUrlEncodedContent(form)))
        {
            var back = await owner.GetStringAsync(Url(unconfirmed.Headers.Location!.OriginalString));
            Assert.Contains("id=\"error-confirm\"", back, StringComparison.Ordinal);
            Assert.Contains($"value=\"{first}\" form=\"delete-controls\" checked", back, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(Url($"{list}/{first}"))).StatusCode);
        form.Add(new("confirm", "yes"));
        using var confirmed = await owner.PostAsync(Url($"{list}/delete"), new FormUrlEncodedContent(form));
        Assert.Contains("2 controls deleted", await owner.OutcomeAsync(confirmed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(Url($"{list}/{first}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(Url($"{list}/{second}"))).StatusCode);
    }
}
