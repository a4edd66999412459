using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Harmonia.Web.Features.AiSystems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.AiSystems;

/// <summary>
/// Which entry of an impact assessment a problem is about (issue 19): the API names it by its place in the list sent
/// (<c>entries[k]</c>, empty entries counted), the page form by the row it was typed in (<c>e{n}</c>, blank rows
/// counted), so the message sits beside that row and not beside the first filled one.
/// </summary>
public sealed class ImpactAssessmentEntryKeysTests
{
    private static readonly Dictionary<string, string> Filled = new()
    {
        ["dimension"] = "privacy",
        ["description"] = "Chat transcripts may reveal health details",
        ["affectedGroup"] = "customers writing to support",
        ["severity"] = "3",
        ["likelihood"] = "2",
        ["residualSeverity"] = "2",
        ["residualLikelihood"] = "1",
    };

    [Fact]
    public void The_form_names_each_entry_by_its_row_with_blank_rows_counted()
    {
        var fields = new Dictionary<string, StringValues>(StringComparer.Ordinal)
        {
            ["version"] = "3",
            ["decision"] = "maybe",
            ["e0.dimension"] = string.Empty,
            ["e0.description"] = "  ",
            ["e2.dimension"] = string.Empty,
            ["e3.description"] = "Answers in other languages are worse",
        };
        foreach (var (field, value) in Filled.Where(f => f.Key != "affectedGroup"))
        {
            fields["e1." + field] = value;
        }

        var (input, version, rows) = ImpactAssessmentForm.Read(new FormCollection(fields));
        Assert.Equal(3, version);
        Assert.Equal(2, input.Entries!.Count);
        Assert.Equal([1, 3], rows);
        Assert.Equal(("privacy", "Chat transcripts may reveal health details", string.Empty, 3), (input.Entries[0].Dimension, input.Entries[0].Description, input.Entries[0].AffectedGroup, input.Entries[0].Severity));
        Assert.Equal("Answers in other languages are worse", input.Entries[1].Description);

        // The use case's keys (the place in the list it was given) become the rows the person typed in.
        var refusal = new InvalidInputException(new Dictionary<string, string[]>
        {
            [Harmonia.App.Features.AiSystems.SaveImpactAssessmentHandler.EntryKey(0)] = ["Name the people affected (1 to 300 characters)."],
            [Harmonia.App.Features.AiSystems.SaveImpactAssessmentHandler.EntryKey(1)] = ["Choose the dimension."],
            ["decision"] = ["The decision is one of: proceed, proceed-with-conditions, stop."],
        });
        var onForm = ImpactAssessmentForm.ForForm(refusal, rows).Errors;
        Assert.Equal(["decision", "e1", "e3"], onForm.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Impact 2: Name the people affected (1 to 300 characters)."], onForm["e1"]);
        Assert.Equal(["Impact 4: Choose the dimension."], onForm["e3"]);
        Assert.Equal(refusal.Errors["decision"], onForm["decision"]);

        // A refusal of the whole draft (no fields) passes as it is; rows shown again are bounded.
        var whole = new InvalidInputException("Version 1 is approved and can no longer change: start a new version.");
        Assert.Same(whole, ImpactAssessmentForm.ForForm(whole, rows));
        Assert.Equal(4, ImpactAssessmentForm.RowCount(fields.Keys));
        Assert.Equal(200, ImpactAssessmentForm.RowCount(["e9999.description"]));
    }

    [Fact]
    public async Task The_API_names_entries_by_their_place_in_the_list_and_the_page_by_the_row()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var systems = JsonDocument.Parse(await contributor.GetStringAsync(Url($"{api}/ai-systems"))).RootElement.GetProperty("items");
        var id = systems.EnumerateArray().First().GetProperty("id").GetString();
        using (var started = await contributor.PostAsync(Url($"{api}/ai-systems/{id}/impact-assessments"), null))
        {
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        }

        // The API: the first entry is right, the second lacks the people affected, the third names a control nobody has.
        var entry = """{"dimension":"privacy","description":"Transcripts reveal health details","affectedGroup":"customers","severity":3,"likelihood":2,"controls":[],"risks":[],"residualSeverity":2,"residualLikelihood":1}""";
        var body = $$"""
            {"entries":[{{entry}},
              {"dimension":"fairness","description":"Older customers wait longer","affectedGroup":"","severity":3,"likelihood":2,"controls":[],"risks":[],"residualSeverity":2,"residualLikelihood":1},
              {{entry.Replace("\"controls\":[]", "\"controls\":[\"C-NOBODY\"]", StringComparison.Ordinal)}}]}
            """;
        using var put = new HttpRequestMessage(HttpMethod.Put, Url($"{api}/ai-systems/{id}/impact-assessments/1")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        put.Headers.IfMatch.ParseAdd("\"1\"");
        using var refused = await contributor.SendAsync(put);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, problem);
        var errors = JsonDocument.Parse(problem).RootElement.GetProperty("errors");
        Assert.Equal(["entries[1]", "entries[2]"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("name the people affected", errors.GetProperty("entries[1]")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("no control 'C-NOBODY'", errors.GetProperty("entries[2]")[0].GetString(), StringComparison.Ordinal);

        // The page: the first row left blank, the second typed without the people affected. The message is the second
        // row's, beside it and linked from the summary; the first row has none, and every typed value is back.
        using var owner = await host.SignedInAsync("owner@a.example");
        var page = $"/orgs/{host.OrganizationA}/ai-systems/{id}/impact-assessments/1";
        var form = FormFields(await owner.GetStringAsync(Url(page)), $"action=\"{page}/save\"");
        foreach (var (field, value) in Filled.Where(f => f.Key != "affectedGroup"))
        {
            Set(form, "e1." + field, value);
        }

        Set(form, "e1.mitigation", "Transcripts are masked before storage");
        Set(form, "summary", "Acceptable once transcripts are masked.");
        using var posted = await owner.PostAsync(Url($"{page}/save"), new FormUrlEncodedContent(form));
        var after = await owner.OutcomeAsync(posted);
        Assert.Contains("<a href=\"#error-e1\">Impact 2: Name the people affected", after, StringComparison.Ordinal);
        Assert.Matches(new Regex("<fieldset class=\"entry invalid\" id=\"e1\" aria-describedby=\"error-e1\">\\s*<legend>[^<]*</legend>\\s*<span id=\"error-e1\" class=\"field-error\">Impact 2: Name the people affected"), after);
        Assert.DoesNotContain("id=\"error-e0\"", after, StringComparison.Ordinal);
        var kept = FormFields(after, $"action=\"{page}/save\"");
        foreach (var (field, value) in Filled.Where(f => f.Key != "affectedGroup"))
        {
            Assert.Equal(value, kept.Single(f => f.Key == "e1." + field).Value);
        }

        Assert.Equal("Transcripts are masked before storage", kept.Single(f => f.Key == "e1.mitigation").Value);
        Assert.Equal("Acceptable once transcripts are masked.", kept.Single(f => f.Key == "summary").Value);
        Assert.Equal(string.Empty, kept.Single(f => f.Key == "e0.description").Value);
    }
}
