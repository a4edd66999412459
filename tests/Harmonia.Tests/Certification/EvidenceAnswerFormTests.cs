using System.Net;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Certification;

/// <summary>Issue 19 item 1: answering an auditor's evidence request keeps what was typed after a refusal (ADR 0023).</summary>
public sealed class EvidenceAnswerFormTests
{
    [Fact]
    public async Task A_refused_answer_comes_back_in_its_own_request_with_the_note_and_the_message_beside_it()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        var org = host.OrganizationA;
        var first = await host.NewEvidenceRequestAsync(org, host.EngagementA);
        var second = await host.NewEvidenceRequestAsync(org, host.EngagementA);
        var evidence = await host.NewEvidenceAsync(org, await host.NewControlAsync(org));
        using var owner = await host.SignedInAsync("owner@a.example");
        var page = $"/orgs/{org}/engagements/{host.EngagementA}";
        var action = $"{page}/requests/{second}/answer";
        var fields = FormFields(await owner.GetStringAsync(Url(page)), $"action=\"{action}\"").Where(f => f.Key is "__RequestVerificationToken" or "form").ToList();
        var note = "Signed minutes of the March review, see page 4. " + new string('x', 2000);
        fields.AddRange([new("evidenceId", evidence.ToString()), new("answer", note)]);
        using var form = new FormUrlEncodedContent(fields);

        using var refused = await owner.PostAsync(Url(action), form);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.DoesNotContain("minutes", refused.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        var back = WebUtility.HtmlDecode(await owner.GetStringAsync(Url(refused.Headers.Location!.OriginalString)));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(back, "id=\"error-answer\""));
        Assert.Contains("The note may have 2000 characters.", back, StringComparison.Ordinal);
        Assert.Contains("href=\"#error-answer\"", back, StringComparison.Ordinal);

        // The note and the chosen evidence are back in the second request's form, not in the first's.
        var secondForm = back[back.IndexOf($"action=\"{action}\"", StringComparison.Ordinal)..];
        secondForm = secondForm[..secondForm.IndexOf("</form>", StringComparison.Ordinal)];
        Assert.Contains($"value=\"{note}\"", secondForm, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"error-answer\"", secondForm, StringComparison.Ordinal);
        Assert.Matches($"value=\"{evidence}\"[^>]*selected", secondForm);
        var firstForm = back[back.IndexOf($"action=\"{page}/requests/{first}/answer\"", StringComparison.Ordinal)..];
        firstForm = firstForm[..firstForm.IndexOf("</form>", StringComparison.Ordinal)];
        Assert.DoesNotContain("Signed minutes", firstForm, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid=\"true\"", firstForm, StringComparison.Ordinal);
    }
}
