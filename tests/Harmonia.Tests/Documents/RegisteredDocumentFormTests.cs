using System.Net;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Documents;

/// <summary>Issue 19 item 1: registering an existing policy keeps what was typed after a refusal (ADR 0023).</summary>
public sealed class RegisteredDocumentFormTests
{
    [Fact]
    public async Task A_refused_registration_comes_back_with_what_was_typed_and_the_messages_beside_their_fields()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = await host.SignedInAsync("owner@a.example");
        var page = $"/orgs/{host.OrganizationA}/documents";
        var fields = FormFields(await owner.GetStringAsync(Url(page)), $"action=\"{page.Replace("documents", "registered-documents", StringComparison.Ordinal)}\"");
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Where(f => f.Key == "__RequestVerificationToken"))
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new StringContent("Travel security rules"), "title");
        form.Add(new StringContent("3.1"), "version");
        form.Add(new StringContent("Head of IT"), "owner");
        form.Add(new StringContent("2026-02-30"), "effectiveOn");
        form.Add(new StringContent("iso27001-2022:A.5.1"), "requirementIds");
        form.Add(new StringContent("iso27001-2022:A.6.7"), "requirementIds");

        using var refused = await owner.PostAsync(Url($"/orgs/{host.OrganizationA}/registered-documents"), form);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.DoesNotContain("2026-02-30", Uri.UnescapeDataString(refused.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.DoesNotContain("Travel", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var back = WebUtility.HtmlDecode(await owner.GetStringAsync(Url(refused.Headers.Location!.OriginalString)));
        Assert.Contains("id=\"error-effectiveOn\"", back, StringComparison.Ordinal);
        Assert.Contains("'2026-02-30' is not a date", back, StringComparison.Ordinal);
        Assert.Contains("href=\"#error-effectiveOn\"", back, StringComparison.Ordinal);
        Assert.Contains("id=\"reg-title\" name=\"title\" required maxlength=\"300\" value=\"Travel security rules\"", back, StringComparison.Ordinal);
        Assert.Contains("value=\"3.1\"", back, StringComparison.Ordinal);
        Assert.Contains("value=\"Head of IT\"", back, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-02-30\" aria-invalid=\"true\" aria-describedby=\"error-effectiveOn\"", back, StringComparison.Ordinal);
        Assert.Matches("value=\"iso27001-2022:A.5.1\"[^>]*checked", back);
        Assert.Matches("value=\"iso27001-2022:A.6.7\"[^>]*checked", back);
        Assert.Contains("choose it again", back, StringComparison.Ordinal);
        Assert.Contains("None registered.", back, StringComparison.Ordinal);
    }
}
