using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Suppliers;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Evidence;

/// <summary>
/// Issue 19: evidence is deleted several pieces at once from the evidence list, with one confirmation, by the rules of
/// one deletion (evidence that answers an external auditor's request stays) and all or none; another organization's
/// evidence is not found, a contributor may not delete, and the audit trail keeps every removed row.
/// </summary>
public sealed class BulkEvidenceDeleteTests
{
    private static StringContent Ids(IEnumerable<Guid> ids) =>
        new($$"""{"evidenceIds":[{{string.Join(",", ids.Select(i => $"\"{i}\""))}}]}""", Encoding.UTF8, "application/json");

    /// <summary>Answers a fresh evidence request of a fresh engagement with the evidence, as a member would.</summary>
    private static async Task AnswerRequestWithAsync(ApiHost host, Guid evidence)
    {
        var engagement = await host.NewEngagementAsync(host.OrganizationA);
        var request = await host.NewEvidenceRequestAsync(host.OrganizationA, engagement);
        await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var db = s.GetRequiredService<HarmoniaDbContext>();
            var row = await db.EvidenceRequests.FindAsync(request);
            row!.EvidenceId = evidence;
            row.State = Harmonia.App.Features.Certification.EvidenceRequestStates.Answered;
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>A control whose key sorts before the sample's (C-01 …), so its evidence heads the list in its default order.</summary>
    private static Task<Guid> FirstControlAsync(ApiHost host) => host.WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
        var db = s.GetRequiredService<HarmoniaDbContext>();
        var control = new Harmonia.App.Features.Controls.ControlRecord { Key = "A-BULK", Name = "Control with evidence entered by mistake", Status = "planned" };
        db.Controls.Add(control);
        await db.SaveChangesAsync();
        return control.Id;
    });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Evidence_is_deleted_together_or_not_at_all_and_the_audit_trail_keeps_it(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var control = await host.NewControlAsync(host.OrganizationA);
        var (first, second, answered) = (await host.NewEvidenceAsync(host.OrganizationA, control), await host.NewEvidenceAsync(host.OrganizationA, control), await host.NewEvidenceAsync(host.OrganizationA, control));
        var foreign = await host.NewEvidenceAsync(host.OrganizationB, await host.NewControlAsync(host.OrganizationB));
        await AnswerRequestWithAsync(host, answered);

        // A supplier relying on the first piece as due diligence loses the link with it, in the audit trail.
        var supplier = await host.NewSupplierAsync(host.OrganizationA);
        await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var db = s.GetRequiredService<HarmoniaDbContext>();
            db.Set<SupplierEvidenceLink>().Add(new SupplierEvidenceLink { SupplierId = supplier, EvidenceId = first });
            return await db.SaveChangesAsync();
        });

        async Task<HttpStatusCode> StatusAsync(Guid id) => (await manager.GetAsync(Url($"{api}/evidence/{id}"))).StatusCode;

        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.PostAsync(Url($"{api}/evidence/delete"), Ids([first]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync(Url($"{api}/evidence/delete"), Ids([first, foreign]))).StatusCode);
        using (var empty = await manager.PostAsync(Url($"{api}/evidence/delete"), Ids([])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("Tick at least one evidence record.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var refused = await manager.PostAsync(Url($"{api}/evidence/delete"), Ids([first, second, answered])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains("answers the external auditor's request 1 of 'Stage 2 audit", body, StringComparison.Ordinal);
            Assert.Contains("Nothing was deleted.", body, StringComparison.Ordinal);
        }

        // The single deletion follows the same rule (a readable refusal, not a failed save).
        using (var single = await manager.DeleteAsync(Url($"{api}/evidence/{answered}")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, single.StatusCode);
            Assert.Contains("the evidence stays", await single.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var kept in new[] { first, second, answered })
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(kept));
        }

        using var deleted = await manager.PostAsync(Url($"{api}/evidence/delete"), Ids([first, second]));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var names = JsonDocument.Parse(await deleted.Content.ReadAsStringAsync()).RootElement.GetProperty("deleted").EnumerateArray().Select(d => d.GetString()).ToArray();
        Assert.Equal(2, names.Length);
        Assert.All(names, n => Assert.EndsWith("'Review minutes'", n, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(first));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(second));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(answered));
        using var otherOwner = host.Client(host.TokenB);
        Assert.Equal(HttpStatusCode.OK, (await otherOwner.GetAsync(Url($"/api/orgs/{host.OrganizationB}/evidence/{foreign}"))).StatusCode);

        var trail = JsonDocument.Parse(await owner.GetStringAsync(Url($"{api}/audit-trail?pageSize=50"))).RootElement.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "deleted")
            .Select(e => (Type: e.GetProperty("entityType").GetString(), Id: e.GetProperty("entityId").GetString(), e.GetProperty("actor").GetString()))
            .ToArray();
        Assert.Contains(trail, e => e.Type == "EvidenceRecord" && e.Id == first.ToString());
        Assert.Contains(trail, e => e.Type == "EvidenceRecord" && e.Id == second.ToString());
        Assert.Equal(2, trail.Count(e => e.Type == "EvidenceVersion"));
        Assert.Contains(trail, e => e.Type == "SupplierEvidenceLink");
        Assert.All(trail, e => Assert.Contains("manager@a.example", e.Item3, StringComparison.Ordinal));
        Assert.DoesNotContain(trail, e => e.Id == answered.ToString());
    }

    /// <summary>A control's evidence goes by the same rules when the control is deleted (before, a failed save: a server error).</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleting_a_control_keeps_it_while_its_evidence_answers_an_auditor_and_removes_a_suppliers_link_in_the_trail(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var (answeredControl, linkedControl) = (await host.NewControlAsync(host.OrganizationA), await host.NewControlAsync(host.OrganizationA));
        var answered = await host.NewEvidenceAsync(host.OrganizationA, answeredControl);
        var linked = await host.NewEvidenceAsync(host.OrganizationA, linkedControl);
        await AnswerRequestWithAsync(host, answered);
        var supplier = await host.NewSupplierAsync(host.OrganizationA);
        await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var db = s.GetRequiredService<HarmoniaDbContext>();
            db.Set<SupplierEvidenceLink>().Add(new SupplierEvidenceLink { SupplierId = supplier, EvidenceId = linked });
            return await db.SaveChangesAsync();
        });

        using (var refused = await manager.DeleteAsync(Url($"{api}/controls/{answeredControl}")))
        {
            var body = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, body);
            Assert.Contains("stays: Evidence", body, StringComparison.Ordinal);
            Assert.Contains("answers the external auditor's request 1 of 'Stage 2 audit", body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(Url($"{api}/controls/{answeredControl}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(Url($"{api}/evidence/{answered}"))).StatusCode);

        using (var deleted = await manager.DeleteAsync(Url($"{api}/controls/{linkedControl}")))
        {
            Assert.True(deleted.IsSuccessStatusCode, await deleted.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(Url($"{api}/evidence/{linked}"))).StatusCode);
        var removed = JsonDocument.Parse(await owner.GetStringAsync(Url($"{api}/audit-trail?pageSize=50"))).RootElement.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "deleted").Select(e => e.GetProperty("entityType").GetString()).ToArray();
        Assert.Contains("SupplierEvidenceLink", removed);
        Assert.Contains("EvidenceRecord", removed);
    }

    [Fact]
    public async Task The_list_deletes_the_ticked_evidence_only_when_confirmed_and_keeps_the_ticks_after_a_refusal()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        var control = await FirstControlAsync(host);
        var (first, second, answered) = (await host.NewEvidenceAsync(host.OrganizationA, control), await host.NewEvidenceAsync(host.OrganizationA, control), await host.NewEvidenceAsync(host.OrganizationA, control));
        await AnswerRequestWithAsync(host, answered);
        var list = $"/orgs/{host.OrganizationA}/evidence";

        // A contributor may not delete: no boxes to tick, no form.
        using var contributor = await host.SignedInAsync("contributor@a.example");
        var seen = await contributor.GetStringAsync(Url(list));
        Assert.Contains(first.ToString(), seen, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"delete-evidence\"", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"evidenceIds\"", seen, StringComparison.Ordinal);

        // The owner works in a sorted view of one page size; every outcome comes back to that view.
        using var owner = await host.SignedInAsync("owner@a.example");
        const string view = "sort=-title&size=10";
        var html = await owner.GetStringAsync(Url($"{list}?{view}"));
        Assert.Contains($"name=\"evidenceIds\" value=\"{first}\" form=\"delete-evidence\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"listQuery\" value=\"{view.Replace("&", "&amp;", StringComparison.Ordinal)}\"", html, StringComparison.Ordinal);
        var form = FormFields(html, "id=\"delete-evidence\"");
        form.Add(new("evidenceIds", first.ToString()));
        form.Add(new("evidenceIds", answered.ToString()));

        using (var unconfirmed = await owner.PostAsync(Url($"{list}/delete"), new FormUrlEncodedContent(form)))
        {
            var back = await owner.GetStringAsync(Url(unconfirmed.Headers.Location!.OriginalString));
            Assert.Contains("id=\"error-confirm\"", back, StringComparison.Ordinal);
            Assert.Contains($"value=\"{first}\" form=\"delete-evidence\" checked", back, StringComparison.Ordinal);
            Assert.Contains($"value=\"{answered}\" form=\"delete-evidence\" checked", back, StringComparison.Ordinal);
            Assert.DoesNotContain($"value=\"{second}\" form=\"delete-evidence\" checked", back, StringComparison.Ordinal);
        }

        // Confirmed, but one of them answers an auditor's request: nothing goes, the reason is beside the form and the ticks stay.
        form.Add(new("confirm", "yes"));
        using (var refused = await owner.PostAsync(Url($"{list}/delete"), new FormUrlEncodedContent(form)))
        {
            Assert.StartsWith($"{list}?{view}&", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
            var back = await owner.GetStringAsync(Url(refused.Headers.Location!.OriginalString));
            Assert.Contains("id=\"error-evidenceIds\"", back, StringComparison.Ordinal);
            Assert.Contains("answers the external auditor", back, StringComparison.Ordinal);
            Assert.Contains("Nothing was deleted.", back, StringComparison.Ordinal);
            Assert.Contains($"value=\"{first}\" form=\"delete-evidence\" checked", back, StringComparison.Ordinal);
            Assert.Contains($"value=\"{answered}\" form=\"delete-evidence\" checked", back, StringComparison.Ordinal);
        }

        Assert.Contains(first.ToString(), await owner.GetStringAsync(Url(list)), StringComparison.Ordinal);
        form.RemoveAll(f => f.Key == "evidenceIds" && f.Value == answered.ToString());
        form.Add(new("evidenceIds", second.ToString()));
        using var confirmed = await owner.PostAsync(Url($"{list}/delete"), new FormUrlEncodedContent(form));
        Assert.StartsWith($"{list}?{view}&", confirmed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("2 pieces of evidence deleted", await owner.OutcomeAsync(confirmed), StringComparison.Ordinal);

        // The view comes from the form, the place never does: a query naming another page stays a query of this list.
        form.RemoveAll(f => f.Key is "listQuery" or "confirm");
        form.Add(new("listQuery", "x=1&next=//evil.example/&error=forged"));
        using var crafted = await owner.PostAsync(Url($"{list}/delete"), new FormUrlEncodedContent(form));
        Assert.StartsWith($"{list}?x=1&next=%2F%2Fevil.example%2F&", crafted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("forged", crafted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var after = await owner.GetStringAsync(Url(list));
        Assert.DoesNotContain(first.ToString(), after, StringComparison.Ordinal);
        Assert.DoesNotContain(second.ToString(), after, StringComparison.Ordinal);
        Assert.Contains(answered.ToString(), after, StringComparison.Ordinal);
    }
}
