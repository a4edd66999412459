using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Risks;

/// <summary>
/// The "done when" of issue 16 for spreadsheets: 500 risks exported from another tool, with that tool's headers and a
/// few of its habits (ratings as words, dates the European way), import first with a readable error list and nothing
/// saved, then cleanly once the rows are fixed, and a second import of the same file changes nothing.
/// </summary>
public sealed class ForeignRiskSpreadsheetTests
{
    private const int Rows = 500;

    private static readonly string[] Categories = ["Confidentiality", "Integrity", "Availability", "Fairness and bias", "Privacy"];

    private static readonly string[] Responses = ["accept", "avoid", "transfer"];

    /// <summary>The register as another tool writes it; the three broken rows carry its habits that Harmonia cannot read.</summary>
    internal static string OtherToolsCsv(int rows, bool withMistakes)
    {
        var csv = new StringBuilder("Risk ID,Risk Name,Risk Category,Probability,Consequence,Response,Residual Likelihood,Residual Impact,Risk Owner,Target Date,Affected Assets\n");
        for (var i = 1; i <= rows; i++)
        {
            var likelihood = (i % 5) + 1;
            var impact = ((i * 3) % 5) + 1;
            var probability = withMistakes && i == 14 ? "high" : likelihood.ToString(CultureInfo.InvariantCulture);
            var consequence = withMistakes && i == 120 ? "7" : impact.ToString(CultureInfo.InvariantCulture);
            var due = withMistakes && i == 377 ? "31/03/2027" : new DateOnly(2027, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"RSK-{i:D4},\"Risk {i}: supplier outage, team {i % 17}\",{Categories[i % Categories.Length]},{probability},{consequence},{Responses[i % Responses.Length]},")
                .Append(CultureInfo.InvariantCulture, $"{Math.Max(1, likelihood - 1)},{Math.Max(1, impact - 1)},Owner {i % 9},{due},Asset {i % 23}\n");
        }

        return csv.ToString();
    }

    [Fact]
    public async Task Five_hundred_risks_from_another_tool_are_refused_with_every_mistake_named_then_import_cleanly()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";

        var refused = await contributor.PostAsync(new Uri($"{api}/risks/import", UriKind.Relative), Upload(OtherToolsCsv(Rows, withMistakes: true)));
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString());
        // The file's row numbers count its header, so risk 14 sits on row 15.
        Assert.Equal(3, errors.Count);
        Assert.Equal("column 'Probability': 'high' is not one of 1–5 or Rare..Almost certain.", errors["row 15"]);
        Assert.StartsWith("column 'Consequence': '7' is not one of 1–5", errors["row 121"], StringComparison.Ordinal);
        Assert.Equal("column 'Target Date': '31/03/2027' is not a date; write it as yyyy-mm-dd.", errors["row 378"]);
        Assert.Equal(0, await RiskCountAsync(host));

        var imported = JsonDocument.Parse(await (await contributor.PostAsync(new Uri($"{api}/risks/import", UriKind.Relative), Upload(OtherToolsCsv(Rows, withMistakes: false)))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Rows, imported.GetProperty("added").GetInt32());
        Assert.Equal(Rows, await RiskCountAsync(host));
        var risk = JsonDocument.Parse(await contributor.GetStringAsync(new Uri($"{api}/risks?key=RSK-0014", UriKind.Relative))).RootElement.GetProperty("page").GetProperty("items")[0];
        Assert.Equal("Risk 14: supplier outage, team 14", risk.GetProperty("title").GetString());
        Assert.Equal(5, risk.GetProperty("inherentLikelihood").GetInt32());
        Assert.Equal("2027-01-15", risk.GetProperty("dueOn").GetString());

        var again = JsonDocument.Parse(await (await contributor.PostAsync(new Uri($"{api}/risks/import", UriKind.Relative), Upload(OtherToolsCsv(Rows, withMistakes: false)))).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Rows, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, again.GetProperty("added").GetInt32() + again.GetProperty("updated").GetInt32());
    }

    private static MultipartFormDataContent Upload(string csv)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "other-tool-export.csv" } };
    }

    private static Task<int> RiskCountAsync(ApiHost host) => host.WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
        return await s.GetRequiredService<HarmoniaDbContext>().Risks.CountAsync();
    });
}
