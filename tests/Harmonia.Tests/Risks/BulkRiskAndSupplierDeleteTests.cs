using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Risks;

/// <summary>
/// Issue 19 items 7 and 12: risks and suppliers are deleted several at once with one confirmation, by the rules of one
/// deletion and all or none; another organization's record is not found and a contributor may not delete.
/// </summary>
public sealed class BulkRiskAndSupplierDeleteTests
{
    private static StringContent Ids(string field, IEnumerable<Guid> ids) =>
        new($$"""{"{{field}}":[{{string.Join(",", ids.Select(i => $"\"{i}\""))}}]}""", Encoding.UTF8, "application/json");

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Risks_are_deleted_together_or_not_at_all(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var (first, second) = (await host.NewRiskAsync(host.OrganizationA), await host.NewRiskAsync(host.OrganizationA));
        var foreign = await host.NewRiskAsync(host.OrganizationB);
        async Task<int> CountAsync() => JsonDocument.Parse(await manager.GetStringAsync(Url($"{api}/risks?pageSize=200"))).RootElement.GetProperty("page").GetProperty("total").GetInt32();
        var before = await CountAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsync(Url($"{api}/risks/delete"), Ids("riskIds", [first]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync(Url($"{api}/risks/delete"), Ids("riskIds", [first, foreign]))).StatusCode);
        using (var empty = await manager.PostAsync(Url($"{api}/risks/delete"), Ids("riskIds", [])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("Tick at least one risk.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountAsync());

        using var deleted = await manager.PostAsync(Url($"{api}/risks/delete"), Ids("riskIds", [first, second]));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await deleted.Content.ReadAsStringAsync()).RootElement.GetProperty("deleted").GetArrayLength());
        Assert.Equal(before - 2, await CountAsync());
        var left = JsonDocument.Parse(await manager.GetStringAsync(Url($"{api}/risks?pageSize=200"))).RootElement.GetProperty("page").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToArray();
        Assert.DoesNotContain(first, left);
        Assert.DoesNotContain(second, left);
        using var otherOwner = host.Client(host.TokenB);
        Assert.Contains(foreign.ToString(), await otherOwner.GetStringAsync(Url($"/api/orgs/{host.OrganizationB}/risks?pageSize=200")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suppliers_go_together_with_the_supplier_that_names_them_and_a_questioned_supplier_stops_the_step()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var (processor, sub, questioned) = (await host.NewSupplierAsync(host.OrganizationA), await host.NewSupplierAsync(host.OrganizationA), await host.NewSupplierAsync(host.OrganizationA));
        await host.NewQuestionnaireAsync(host.OrganizationA, questioned);
        await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var save = s.GetRequiredService<Harmonia.App.Features.Suppliers.SaveSupplierHandler>();
            var get = s.GetRequiredService<Harmonia.App.Features.Suppliers.GetSupplierHandler>();
            var subKey = (await get.HandleAsync(sub)).Key;
            var current = await get.HandleAsync(processor);
            return await save.UpdateAsync(processor, current.Version, new("Processor with a sub-processor", "Hosting", "cloud", "critical", null, "proposed", SubProcessors: [subKey]));
        });

        async Task<string> RefusedAsync(params Guid[] ids)
        {
            using var refused = await manager.PostAsync(Url($"{api}/suppliers/delete"), Ids("supplierIds", ids));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains("Nothing was deleted.", body, StringComparison.Ordinal);
            return body;
        }

        Assert.Contains("as a sub-processor", await RefusedAsync(sub), StringComparison.Ordinal);
        Assert.Contains("Questionnaires were sent", await RefusedAsync(processor, sub, questioned), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(Url($"{api}/suppliers/{processor}"))).StatusCode);

        using var deleted = await manager.PostAsync(Url($"{api}/suppliers/delete"), Ids("supplierIds", [sub, processor]));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(Url($"{api}/suppliers/{processor}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(Url($"{api}/suppliers/{sub}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(Url($"{api}/suppliers/{questioned}"))).StatusCode);
    }

    [Theory]
    [InlineData("risks", "riskIds", "risks deleted")]
    [InlineData("suppliers", "supplierIds", "suppliers deleted")]
    public async Task The_register_deletes_the_ticked_rows_only_with_the_confirmation_ticked(string register, string field, string done)
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        var (first, second) = register == "risks"
            ? (await host.NewRiskAsync(host.OrganizationA), await host.NewRiskAsync(host.OrganizationA))
            : (await host.NewSupplierAsync(host.OrganizationA), await host.NewSupplierAsync(host.OrganizationA));
        var list = $"/orgs/{host.OrganizationA}/{register}";

        // A contributor may not delete: no boxes to tick, no form.
        using var contributor = await host.SignedInAsync("contributor@a.example");
        Assert.DoesNotContain($"id=\"delete-{register}\"", await contributor.GetStringAsync(Url(list)), StringComparison.Ordinal);

        using var owner = await host.SignedInAsync("owner@a.example");
        var html = await owner.GetStringAsync(Url(list));
        Assert.Contains($"name=\"{field}\" value=\"{first}\" form=\"delete-{register}\"", html, StringComparison.Ordinal);
        var form = FormFields(html, $"id=\"delete-{register}\"");
        form.Add(new(field, first.ToString()));
        form.Add(new(field, second.ToString()));

        using (var unconfirmed = await owner.PostAsync(Url($"{list}/delete"), new FormUrlEncodedContent(form)))
        {
            var back = await owner.GetStringAsync(Url(unconfirmed.Headers.Location!.OriginalString));
            Assert.Contains("id=\"error-confirm\"", back, StringComparison.Ordinal);
            Assert.Contains($"value=\"{first}\" form=\"delete-{register}\" checked", back, StringComparison.Ordinal);
            Assert.Contains($"value=\"{second}\" form=\"delete-{register}\" checked", back, StringComparison.Ordinal);
        }

        Assert.Contains(first.ToString(), await owner.GetStringAsync(Url(list)), StringComparison.Ordinal);
        form.Add(new("confirm", "yes"));
        using var confirmed = await owner.PostAsync(Url($"{list}/delete"), new FormUrlEncodedContent(form));
        Assert.Contains("2 " + done, await owner.OutcomeAsync(confirmed), StringComparison.Ordinal);
        var after = await owner.GetStringAsync(Url(list));
        Assert.DoesNotContain(first.ToString(), after, StringComparison.Ordinal);
        Assert.DoesNotContain(second.ToString(), after, StringComparison.Ordinal);
    }
}
