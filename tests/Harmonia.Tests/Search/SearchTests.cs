using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Search;

/// <summary>
/// Issue 19 item 6: one search over every record type of the organization, on SQLite FTS5 and PostgreSQL full-text
/// search alike; it follows every change, finds nothing of another organization and refuses bad input readably.
/// </summary>
public sealed class SearchTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<string[]> TitlesAsync(HttpClient client, string api, string query)
    {
        var results = await ReadAsync(await client.GetAsync(new Uri($"{api}/search?q={Uri.EscapeDataString(query)}", UriKind.Relative)));
        return results.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("kind").GetString()}: {i.GetProperty("title").GetString()}").ToArray();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_finds_records_of_every_kind_by_word_start_follows_changes_and_stays_in_the_organization(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var editor = host.Client(host.TokensA[OrganizationRole.Manager]);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        using var other = host.Client(host.TokenB);
        var api = $"/api/orgs/{host.OrganizationA}";
        var apiB = $"/api/orgs/{host.OrganizationB}";

        // The first search indexes what already exists; later ones follow the audit trail.
        Assert.Empty(await TitlesAsync(viewer, api, "zebrafish"));

        var control = await ReadAsync(await editor.PostAsync(new Uri($"{api}/controls", UriKind.Relative), Json("""{"key":"C-Q1","name":"Quarterly access review of the zebrafish cluster","status":"planned"}""")), HttpStatusCode.Created);
        await ReadAsync(await editor.PostAsync(new Uri($"{api}/risks", UriKind.Relative), Json("""
            {"key":"R-77","title":"Model drift","description":"Seasonal shift in zebrafish imagery lowers accuracy","categories":["robustness"],"riskSources":[],"aiSystems":[],
             "inherentLikelihood":3,"inherentImpact":3,"treatment":"accept","controls":[],"residualLikelihood":3,"residualImpact":3}
            """)), HttpStatusCode.Created);
        await ReadAsync(await other.PostAsync(new Uri($"{apiB}/controls", UriKind.Relative), Json("""{"key":"C-Q1","name":"Zebrafish control of another organization","status":"planned"}""")), HttpStatusCode.Created);

        // Word starts, any case, all words required; a key is found by its parts; nothing of organization B.
        var found = await TitlesAsync(viewer, api, "ZEBRA");
        Assert.Equal(["Control: C-Q1 Quarterly access review of the zebrafish cluster", "Risk: R-77 Model drift"], found.Order(StringComparer.Ordinal));
        Assert.Equal(["Risk: R-77 Model drift"], await TitlesAsync(viewer, api, "zebrafish accuracy"));
        Assert.Equal(["Risk: R-77 Model drift"], await TitlesAsync(viewer, api, "R-77"));
        Assert.Empty(await TitlesAsync(viewer, api, "zebrafish ostrich"));
        Assert.Equal(["Control: C-Q1 Zebrafish control of another organization"], await TitlesAsync(other, apiB, "zebra"));

        // A rename is found by its new words only; a deleted record is found no more.
        var controlId = control.GetProperty("id").GetString();
        var update = new HttpRequestMessage(HttpMethod.Put, new Uri($"{api}/controls/{controlId}", UriKind.Relative)) { Content = Json("""{"key":"C-Q1","name":"Quarterly access review of the salmon cluster","status":"implemented"}""") };
        update.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        await ReadAsync(await editor.SendAsync(update));
        Assert.Equal(["Control: C-Q1 Quarterly access review of the salmon cluster"], await TitlesAsync(viewer, api, "salmon"));
        Assert.Equal(["Risk: R-77 Model drift"], await TitlesAsync(viewer, api, "zebrafish"));
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync(new Uri($"{api}/controls/{controlId}", UriKind.Relative))).StatusCode);
        Assert.Empty(await TitlesAsync(viewer, api, "salmon"));

        // An impact assessment is found by its AI system's name, and a renamed system re-titles its assessments.
        var system = await host.NewAiSystemAsync(host.OrganizationA);
        var systemKey = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var current = await s.GetRequiredService<HarmoniaDbContext>().AiSystems.AsNoTracking().SingleAsync(a => a.Id == system);
            await s.GetRequiredService<Harmonia.App.Features.AiSystems.SaveAiSystemHandler>().UpdateAsync(system, current.Version,
                new(current.Key, "Heron triage model", "Ranks test cases", ["ai-user"], null, null, null, null, null, null, null, null, null, null, null, null, null));
            return current.Key;
        });
        Assert.Equal([$"AiSystem: {systemKey} Heron triage model", $"ImpactAssessment: Impact assessment 1 of {systemKey} Heron triage model"], (await TitlesAsync(viewer, api, "heron")).Order(StringComparer.Ordinal));

        // Other kinds: an AI system, an objective and a generated document found by a word of its text.
        await ReadAsync(await editor.PostAsync(new Uri($"{api}/objectives", UriKind.Relative), Json("""
            {"title":"Fewer phishing clicks","system":"both","measure":"Share of staff clicking the quarterly phishing test","unit":"%","target":5,"direction":"at-most","owner":"CISO","frequency":"quarterly"}
            """)), HttpStatusCode.Created);
        Assert.Contains(await TitlesAsync(viewer, api, "phishing"), t => t.StartsWith("Objective: O-", StringComparison.Ordinal) && t.EndsWith("Fewer phishing clicks", StringComparison.Ordinal));
        var document = await host.DocumentAsync(host.OrganizationA);
        var documentHits = (await ReadAsync(await viewer.GetAsync(new Uri($"{api}/search?q=policy", UriKind.Relative)))).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("kind").GetString() == "Document").Select(i => i.GetProperty("recordId").GetGuid()).ToArray();
        Assert.Contains(document, documentHits);

        // Bad input is a problem naming the field, never a server error; the engines' own syntax is only words here.
        foreach (var (query, says) in new[] { ("", "Type a word"), ("  -- ", "Type a word"), (new string('a', 201), "at most 200 characters"), ("a b c d e f g h i", "at most 8 words") })
        {
            var problem = await ReadAsync(await viewer.GetAsync(new Uri($"{api}/search?q={Uri.EscapeDataString(query)}", UriKind.Relative)), HttpStatusCode.BadRequest);
            Assert.Contains(says, problem.GetProperty("errors").GetProperty("q")[0].GetString(), StringComparison.Ordinal);
        }

        foreach (var hostile in new[] { "\"zebra", "zebra* OR NEAR(x y)", "zebra:* | !x", "'); DROP TABLE \"SearchEntries\"; --" })
        {
            await ReadAsync(await viewer.GetAsync(new Uri($"{api}/search?q={Uri.EscapeDataString(hostile)}", UriKind.Relative)));
        }

        Assert.Equal(["Risk: R-77 Model drift"], await TitlesAsync(viewer, api, "zebrafish"));
        var limited = await ReadAsync(await viewer.GetAsync(new Uri($"{api}/search?q=a&limit=1", UriKind.Relative)));
        Assert.Equal(1, limited.GetProperty("items").GetArrayLength());
        Assert.True(limited.GetProperty("more").GetBoolean());

        // Another organization's member is not told the organization exists.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"{api}/search?q=zebrafish", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_search_page_links_each_hit_to_its_record_and_says_what_is_wrong_beside_the_field()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var editor = host.Client(host.TokensA[OrganizationRole.Manager]);
        var api = $"/api/orgs/{host.OrganizationA}";
        await ReadAsync(await editor.PostAsync(new Uri($"{api}/risks", UriKind.Relative), Json("""
            {"key":"R-78","title":"Supplier outage","description":"The kingfisher payment provider fails","categories":["availability"],"riskSources":[],"aiSystems":[],
             "inherentLikelihood":3,"inherentImpact":3,"treatment":"accept","controls":[],"residualLikelihood":3,"residualImpact":3}
            """)), HttpStatusCode.Created);

        using var browser = await host.SignedInAsync("viewer@a.example");
        var page = await browser.GetStringAsync(new Uri($"/orgs/{host.OrganizationA}/search?q=kingfisher", UriKind.Relative));
        Assert.Contains($"href=\"/orgs/{host.OrganizationA}/risks?key=R-78\"", page, StringComparison.Ordinal);
        Assert.Contains("R-78 Supplier outage", page, StringComparison.Ordinal);
        Assert.Contains("One record matches.", page, StringComparison.Ordinal);

        var register = await browser.GetStringAsync(new Uri($"/orgs/{host.OrganizationA}/risks?key=R-78", UriKind.Relative));
        Assert.Contains("Showing risk R-78 only.", register, StringComparison.Ordinal);
        Assert.Contains("Supplier outage", register, StringComparison.Ordinal);

        var refused = await browser.GetStringAsync(new Uri($"/orgs/{host.OrganizationA}/search?q={Uri.EscapeDataString("a b c d e f g h i")}", UriKind.Relative));
        Assert.Contains("id=\"error-q\"", refused, StringComparison.Ordinal);
        Assert.Contains("at most 8 words", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"a b c d e f g h i\"", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_history_is_indexed_over_several_searches_and_the_answer_says_so_until_then()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var db = s.GetRequiredService<HarmoniaDbContext>();
            for (var i = 1; i <= 12_000; i++)
            {
                db.Controls.Add(new Harmonia.App.Features.Controls.ControlRecord { Key = $"BULK-{i}", Name = $"Bulk heron control {i}", Status = "planned" });
            }

            return await db.SaveChangesAsync();
        });

        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var browser = await host.SignedInAsync("viewer@a.example");
        Assert.Contains("still reading this organization", await browser.GetStringAsync(new Uri($"/orgs/{host.OrganizationA}/search?q=heron", UriKind.Relative)), StringComparison.Ordinal);

        // Each search goes on from where the last stopped; the history is read in a bounded number of them.
        var searches = 2;
        JsonElement last;
        do
        {
            last = await ReadAsync(await viewer.GetAsync(new Uri($"{api}/search?q=heron+12000", UriKind.Relative)));
        }
        while (!last.GetProperty("complete").GetBoolean() && ++searches < 10);
        Assert.True(last.GetProperty("complete").GetBoolean());
        Assert.Equal("Control", last.GetProperty("items")[0].GetProperty("kind").GetString());
        Assert.Equal("BULK-12000 Bulk heron control 12000", last.GetProperty("items")[0].GetProperty("title").GetString());
    }
}
