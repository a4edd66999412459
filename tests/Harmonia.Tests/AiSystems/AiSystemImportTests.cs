using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Interop;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.AiSystems;

/// <summary>
/// Issue 19 and ADR 0022: the AI system register's export writes the words the pages show (no API tokens such as
/// high-risk or human-in-the-loop), and the register import reads them back, and the tokens too, so export -> edit ->
/// import changes exactly the edits; a word that names no choice is refused by row and column and nothing changes.
/// </summary>
public sealed class AiSystemImportTests
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static MultipartFormDataContent Upload(byte[] content, string fileName)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static Task<int> AiSystemEventsAsync(ApiHost host) => host.WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
        return await s.GetRequiredService<HarmoniaDbContext>().AuditEvents.CountAsync(e => e.EntityType.StartsWith("AiSystem"));
    });

    private static async Task<Dictionary<string, JsonElement>> SystemsAsync(HttpClient client, string api) =>
        (await ReadAsync(await client.GetAsync(Url($"{api}/ai-systems?pageSize=200")))).GetProperty("items").EnumerateArray().ToDictionary(a => a.GetProperty("key").GetString()!);

    private static readonly string[] Tokens = [.. AiSystemFacts.Stages, .. AiSystemFacts.OversightModes, .. AiSystemFacts.EuAiActClasses, .. Harmonia.Domain.AiSystems.AiRoles.Tokens];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_register_exports_in_words_and_imports_back_unchanged_and_an_edited_sheet_changes_exactly_the_edits(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        await ReadAsync(await owner.PostAsync(Url($"{api}/ai-systems"), Json("""
            {"key":"AI-81","name":"Credit scorer","purpose":"Scores SME loan applications","roles":["ai-developer","ai-product-provider"],"euAiActRole":"authorised-representative",
             "lifecycleStage":"operation","modelType":"gradient-boosted trees","supplier":"in-house","dataSources":[{"name":"Loan book 2020-2025","provenance":"core banking"}],
             "humanOversight":"human-in-the-loop","autonomy":"partial","affectedPeople":"SME owners","euAiActClass":"high-risk","controls":["C-01"],"inScope":true}
            """)), HttpStatusCode.Created);
        await ReadAsync(await owner.PostAsync(Url($"{api}/ai-systems"), Json("""
            {"key":"AI-82","name":"Answer bot","roles":["ai-user"],"lifecycleStage":"deployment","humanOversight":"human-on-the-loop","autonomy":"assistive","euAiActClass":"limited"}
            """)), HttpStatusCode.Created);

        // The export reads as the pages do: words, not tokens.
        var csv = await owner.GetByteArrayAsync(Url($"{api}/ai-systems/export/csv"));
        var table = SpreadsheetReader.Read(csv, "ai-systems.csv");
        var headers = table.Headers.ToList();
        var scorer = table.Rows.Single(r => r.Cell(headers.IndexOf("Key")) == "AI-81");
        Assert.Equal("AI product or service provider (AI provider), AI developer (AI producer)", scorer.Cell(headers.IndexOf("AI roles")));
        Assert.Equal("authorised representative", scorer.Cell(headers.IndexOf("EU AI Act role")));
        Assert.Equal("Operation and monitoring", scorer.Cell(headers.IndexOf("Life-cycle stage")));
        Assert.Equal("Human in the loop", scorer.Cell(headers.IndexOf("Human oversight")));
        Assert.Equal("Partial", scorer.Cell(headers.IndexOf("Autonomy")));
        Assert.Equal("High-risk", scorer.Cell(headers.IndexOf("EU AI Act class")));
        Assert.Equal("Yes", scorer.Cell(headers.IndexOf("In scope")));
        foreach (var row in table.Rows)
        {
            foreach (var column in new[] { "Life-cycle stage", "Human oversight", "Autonomy", "EU AI Act class" })
            {
                Assert.DoesNotContain(row.Cell(headers.IndexOf(column)), Tokens.Where(t => t != "none"));
            }
        }

        // The page shows the same words.
        using (var browser = await host.SignedInAsync("owner@a.example"))
        {
            var page = WebUtility.HtmlDecode(await browser.GetStringAsync(Url($"/orgs/{host.OrganizationA}/ai-systems")));
            Assert.Contains("<td>Operation and monitoring</td>", page, StringComparison.Ordinal);
            Assert.Contains("<td>High-risk</td>", page, StringComparison.Ordinal);
            Assert.Contains($"href=\"/orgs/{host.OrganizationA}/import/ai-systems\"", page, StringComparison.Ordinal);
            Assert.Contains("<h1>Import AI systems", await browser.GetStringAsync(Url($"/orgs/{host.OrganizationA}/import/ai-systems")), StringComparison.Ordinal);
        }

        // The export imports back unchanged, as XLSX and as CSV.
        var before = await AiSystemEventsAsync(host);
        foreach (var (file, name) in new[] { (await owner.GetByteArrayAsync(Url($"{api}/ai-systems/export/xlsx")), "ai-systems.xlsx"), (csv, "ai-systems.csv") })
        {
            var same = await ReadAsync(await owner.PostAsync(Url($"{api}/ai-systems/import"), Upload(file, name)));
            Assert.All(same.GetProperty("rows").EnumerateArray(), r => Assert.Equal("unchanged", r.GetProperty("action").GetString()));
            Assert.Equal(table.Rows.Count, same.GetProperty("rows").GetArrayLength());
        }

        Assert.Equal(before, await AiSystemEventsAsync(host));

        // Edited: AI-81's class in the API's token (its other cells are tokens for the values it has: no change);
        // AI-82's stage in words; AI-83 added in words, out of scope. Columns the sheet leaves out stay as they are.
        var edited = "Key,AI system,AI roles,EU AI Act role,Life-cycle stage,Human oversight,Autonomy,EU AI Act class,In scope\n"
            + "AI-81,Credit scorer,\"ai-developer, ai-product-provider\",authorised-representative,operation,human-in-the-loop,partial,limited,yes\n"
            + "AI-82,Answer bot,AI user (AI customer),,Operation and monitoring,Human on the loop,Assistive,Limited risk,Yes\n"
            + "AI-83,Contract summarizer,AI user,deployer,Design,human in command,Assistive,Minimal risk,No\n";
        var done = await ReadAsync(await owner.PostAsync(Url($"{api}/ai-systems/import"), Upload(Encoding.UTF8.GetBytes(edited), "edited.csv")));
        var rows = done.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(["AI-81 update", "AI-82 update", "AI-83 add"], rows.Select(r => $"{r.GetProperty("key").GetString()} {r.GetProperty("action").GetString()}"));
        Assert.Equal(["EU AI Act class"], rows[0].GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["Life-cycle stage"], rows[1].GetProperty("changed").EnumerateArray().Select(c => c.GetString()));

        var systems = await SystemsAsync(owner, api);
        var credit = systems["AI-81"];
        Assert.Equal("limited", credit.GetProperty("euAiActClass").GetString());
        Assert.Equal(("operation", "human-in-the-loop", "authorised-representative"), (credit.GetProperty("lifecycleStage").GetString(), credit.GetProperty("humanOversight").GetString(), credit.GetProperty("euAiActRole").GetString()));
        Assert.Equal(["ai-product-provider", "ai-developer"], credit.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Loan book 2020-2025", credit.GetProperty("dataSources")[0].GetProperty("name").GetString());
        Assert.Equal(("in-house", "C-01"), (credit.GetProperty("supplier").GetString(), credit.GetProperty("controls")[0].GetString()));
        Assert.Equal(2, credit.GetProperty("version").GetInt32());
        Assert.Equal("operation", systems["AI-82"].GetProperty("lifecycleStage").GetString());
        var added = systems["AI-83"];
        Assert.Equal(("design", "human-in-command", "minimal", "deployer"), (added.GetProperty("lifecycleStage").GetString(), added.GetProperty("humanOversight").GetString(), added.GetProperty("euAiActClass").GetString(), added.GetProperty("euAiActRole").GetString()));
        Assert.Equal(["ai-user"], added.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(added.GetProperty("inScope").GetBoolean());
        Assert.True(await AiSystemEventsAsync(host) > before);

        // What was imported exports again in words and imports back unchanged.
        var again = await ReadAsync(await owner.PostAsync(Url($"{api}/ai-systems/import"), Upload(await owner.GetByteArrayAsync(Url($"{api}/ai-systems/export/xlsx")), "again.xlsx")));
        Assert.All(again.GetProperty("rows").EnumerateArray(), r => Assert.Equal("unchanged", r.GetProperty("action").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Words_that_name_no_choice_are_refused_by_row_and_column_and_nothing_changes(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var before = await AiSystemEventsAsync(host);
        var csv = "Key,AI system,AI roles,Life-cycle stage,EU AI Act class,In scope\n"
            + "AI-91,Fine,AI user,Design,Minimal risk,Yes\n"
            + "AI-92,Odd,AI wizard,someday,High-risk,perhaps\n"
            + ",No key,AI user,Design,,\n";
        var refused = await ReadAsync(await contributor.PostAsync(Url($"{api}/ai-systems/import"), Upload(Encoding.UTF8.GetBytes(csv), "a.csv")), HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors");
        var odd = errors.GetProperty("row 3").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Contains(odd, e => e.StartsWith("column 'AI roles': 'AI wizard' is not an AI role; the roles are AI provider,", StringComparison.Ordinal));
        Assert.Contains("column 'Life-cycle stage': 'someday' is not one of: Inception, Design, Development, Verification and validation, Deployment, Operation and monitoring, Retirement (or leave it empty).", odd);
        Assert.Contains("column 'In scope': 'perhaps' is not Yes or No.", odd);
        Assert.StartsWith("column 'Key': every AI system needs its key", errors.GetProperty("row 4")[0].GetString(), StringComparison.Ordinal);
        Assert.False(errors.TryGetProperty("row 2", out _));
        Assert.Equal(before, await AiSystemEventsAsync(host));
        Assert.DoesNotContain("AI-91", (await SystemsAsync(contributor, api)).Keys);

        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(Url($"{api}/ai-systems/import"), Upload(Encoding.UTF8.GetBytes(csv), "a.csv"))).StatusCode);
        using var outsider = host.Client(host.TokenB);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync(Url($"{api}/ai-systems/import"), Upload(Encoding.UTF8.GetBytes(csv), "a.csv"))).StatusCode);
    }
}
