using System.Text;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Documents;

/// <summary>
/// Issue 19 item 1 for the questionnaire's answers file: a file that cannot be used is refused with its reason beside
/// the file field (linked from the summary), nothing is saved, and the answers form below keeps the saved answers.
/// </summary>
public sealed class QuestionnaireFileImportTests
{
    [Theory]
    [InlineData("organization:\n  name: [unclosed\n", "answers.yaml")]
    [InlineData("", "empty.yaml")]
    public async Task A_refused_answers_file_is_named_beside_the_file_field_and_nothing_is_saved(string yaml, string fileName)
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var owner = await host.SignedInAsync("owner@a.example");
        var page = $"/orgs/{host.OrganizationA}/questionnaire";
        var before = await owner.GetStringAsync(Url(page));
        var version = VersionLine(before);
        var fields = FormFields(before, $"action=\"{page}/import\"");
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Where(f => f.Key == "__RequestVerificationToken"))
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(yaml)), "file", fileName);
        using var refused = await owner.PostAsync(Url($"{page}/import"), form);
        var back = await owner.GetStringAsync(Url(refused.Headers.Location!.OriginalString));

        Assert.Contains("<span id=\"error-file\" class=\"field-error\">", back, StringComparison.Ordinal);
        Assert.Contains("href=\"#error-file\"", back, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"error-file\"", back, StringComparison.Ordinal);
        Assert.Equal(version, VersionLine(back));
        Assert.DoesNotContain("aria-invalid=\"true\" name=\"organization.", back, StringComparison.Ordinal);
    }

    private static string VersionLine(string html)
    {
        var at = html.IndexOf("<p class=\"muted\">", StringComparison.Ordinal);
        return html[at..html.IndexOf("</p>", at, StringComparison.Ordinal)].Split('\n')[1].Trim();
    }
}
