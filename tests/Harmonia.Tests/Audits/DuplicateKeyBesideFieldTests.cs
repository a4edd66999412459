using System.Net;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Audits;

/// <summary>Issue 19 item 1: a key already in use is said beside the key field, not only at the top (ADR 0023).</summary>
public sealed class DuplicateKeyBesideFieldTests
{
    [Fact]
    public async Task A_second_audit_with_the_same_key_comes_back_with_the_message_beside_the_key_and_what_was_typed()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = await host.SignedInAsync("owner@a.example");
        var page = $"/orgs/{host.OrganizationA}/audits";

        async Task<HttpResponseMessage> PlanAsync(string title)
        {
            var fields = FormFields(await owner.GetStringAsync(Url(page)), $"action=\"{page}/plan\"").Where(f => f.Key == "__RequestVerificationToken").ToList();
            fields.AddRange(
            [
                new("key", "IA-2027-01"), new("title", title), new("frameworks", "iso27001-2022"),
                new("plannedStart", "2027-03-01"), new("plannedEnd", "2027-03-05"), new("auditors", "Ana Lead"),
            ]);
            using var form = new FormUrlEncodedContent(fields);
            return await owner.PostAsync(Url($"{page}/plan"), form);
        }

        using (var first = await PlanAsync("First internal audit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Contains("outcome=saved", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var second = await PlanAsync("Typed again by mistake");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.DoesNotContain("Typed", second.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("IA-2027-01", second.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var back = WebUtility.HtmlDecode(await owner.GetStringAsync(Url(second.Headers.Location!.OriginalString)));
        var at = back.IndexOf("id=\"error-", StringComparison.Ordinal);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(back, "id=\"error-key\"[^>]*>[^<]*An audit with key 'IA-2027-01' already exists."), at < 0 ? "no field message on the page" : back[at..Math.Min(back.Length, at + 300)]);
        Assert.Contains("href=\"#error-key\"", back, StringComparison.Ordinal);
        Assert.Contains("value=\"Typed again by mistake\"", back, StringComparison.Ordinal);
    }
}
