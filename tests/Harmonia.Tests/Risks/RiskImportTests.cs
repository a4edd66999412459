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
/// The risk register from a spreadsheet (issue 16 item 1, ADR 0022): the treatment plan's own XLSX imports back
/// unchanged; an edited CSV changes what was edited, withdraws the owner's approval where the plan changed, and adds
/// risks with ratings written as numbers or as the scale's names; mistakes are named by row and column; the CLI agrees.
/// </summary>
public sealed class RiskImportTests
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

    private static Task<int> RiskEventsAsync(ApiHost host) => host.WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
        return await s.GetRequiredService<HarmoniaDbContext>().AuditEvents.CountAsync(e => e.EntityType.StartsWith("Risk"));
    });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_treatment_plan_round_trips_and_an_edited_one_changes_exactly_the_edits(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        foreach (var (key, title, due) in new[] { ("R-1", "Churn model treats small customers unfairly", "2027-03-31"), ("R-2", "Laptop theft exposes customer data", "2027-06-30") })
        {
            await ReadAsync(await owner.PostAsync(Url($"{api}/risks"), Json($$"""
                {"key":"{{key}}","title":"{{title}}","categories":["fairness","confidentiality"],"riskSources":["iso42001-2023:C.3.4"],"aiSystems":["AI-01"],
                 "inherentLikelihood":4,"inherentImpact":4,"treatment":"mitigate","controls":["C-01"],"residualLikelihood":2,"residualImpact":3,"owner":"AI Governance Lead","dueOn":"{{due}}"}
                """)), HttpStatusCode.Created);
        }

        var before = await RiskEventsAsync(host);
        var xlsx = await (await owner.GetAsync(Url($"{api}/risks/treatment-plan/xlsx"))).Content.ReadAsByteArrayAsync();
        var same = await ReadAsync(await owner.PostAsync(Url($"{api}/risks/import"), Upload(xlsx, "plan.xlsx")));
        Assert.Equal(["unchanged", "unchanged"], same.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("action").GetString()));
        Assert.Equal(before, await RiskEventsAsync(host));

        // R-2's residual impact lowered; R-3 added with ratings by name; unknown columns left out.
        var csv = "Risk,Title,Categories,Inherent L,Inherent I,Treatment,Controls,Residual L,Residual I,Owner,Due,Comment\n"
            + "R-1,Churn model treats small customers unfairly,\"Fairness and bias, Confidentiality\",4,4,mitigate,C-01,2,3,AI Governance Lead,2027-03-31,\n"
            + "R-2,Laptop theft exposes customer data,\"Fairness and bias, Confidentiality\",4,4,mitigate,C-01,2,2,AI Governance Lead,2027-06-30,cheaper now\n"
            + "R-3,Model provider changes the model without notice,confidentiality,Possible,Major,accept,,Possible,Major,CTO,,\n";
        var categories = (await ReadAsync(await owner.GetAsync(Url($"{api}/risks?pageSize=10")))).GetProperty("page").GetProperty("items")[0].GetProperty("categories");
        Assert.Equal(2, categories.GetArrayLength());
        var done = await ReadAsync(await owner.PostAsync(Url($"{api}/risks/import"), Upload(Encoding.UTF8.GetBytes(csv), "plan.csv")));
        var actions = done.GetProperty("rows").EnumerateArray().Select(r => $"{r.GetProperty("key").GetString()} {r.GetProperty("action").GetString()}").ToArray();
        Assert.Equal(["R-1 unchanged", "R-2 update", "R-3 add"], actions);
        Assert.Equal(["Residual I"], done.GetProperty("rows")[1].GetProperty("changed").EnumerateArray().Select(c => c.GetString()));

        var risks = (await ReadAsync(await owner.GetAsync(Url($"{api}/risks?pageSize=10")))).GetProperty("page").GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        Assert.Equal(2, risks["R-2"].GetProperty("residualImpact").GetInt32());
        Assert.Equal("AI-01", risks["R-2"].GetProperty("aiSystems")[0].GetString());
        Assert.Equal((3, 4, "accept"), (risks["R-3"].GetProperty("inherentLikelihood").GetInt32(), risks["R-3"].GetProperty("inherentImpact").GetInt32(), risks["R-3"].GetProperty("treatment").GetString()));
        Assert.True(await RiskEventsAsync(host) > before);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Wrong_ratings_and_keys_are_named_by_row_and_column_and_nothing_changes(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var before = await RiskEventsAsync(host);
        var csv = "Risk,Title,Categories,Likelihood,Impact,Treatment,Residual L,Residual I,Due\n"
            + "R-10,Fine,confidentiality,2,2,accept,2,2,2027-01-01\n"
            + "R-11,Bad rating,confidentiality,high,2,accept,2,2,\n"
            + ",No key,confidentiality,2,2,accept,2,2,\n"
            + "R-10,Twice,confidentiality,2,2,accept,2,2,next year\n";
        var refused = await ReadAsync(await contributor.PostAsync(Url($"{api}/risks/import"), Upload(Encoding.UTF8.GetBytes(csv), "r.csv")), HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors");
        Assert.Equal("column 'Likelihood': 'high' is not one of 1–5 or Rare..Almost certain.", errors.GetProperty("row 3")[0].GetString());
        Assert.StartsWith("column 'Risk': every risk needs its key", errors.GetProperty("row 4")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("column 'Risk': R-10 is already on row 2; each risk has one row.", errors.GetProperty("row 5")[0].GetString());
        Assert.False(errors.TryGetProperty("row 2", out _));
        Assert.Equal(before, await RiskEventsAsync(host));

        // The CLI reads the same file with the same rules: exit 1, the rows named, nothing saved; the dry run of a good file exits 0.
        var path = Path.Combine(Path.GetTempPath(), $"risks-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv);
        var cli = await CliRun.OnAsync(host.Database, "import", "risks", "--org", host.OrganizationA.ToString(), path);
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("Row 3, column 'Likelihood': 'high' is not one of 1–5 or Rare..Almost certain.", cli.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", cli.Error, StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, string.Join('\n', csv.Split('\n').Take(2)) + "\n");
        var dry = await CliRun.OnAsync(host.Database, "import", "risks", "--org", host.OrganizationA.ToString(), path, "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.Error);
        Assert.Contains("Would add 1, update 0, delete 0; 0 unchanged.", dry.Out, StringComparison.Ordinal);
        Assert.Equal(before, await RiskEventsAsync(host));
        var committed = await CliRun.OnAsync(host.Database, "import", "risks", "--org", host.OrganizationA.ToString(), path);
        Assert.True(committed.ExitCode == 0, committed.Error);
        Assert.Contains("Add 1, update 0, delete 0; 0 unchanged.", committed.Out, StringComparison.Ordinal);
        Assert.Equal(1, (await ReadAsync(await contributor.GetAsync(Url($"{api}/risks")))).GetProperty("page").GetProperty("total").GetInt32());
        File.Delete(path);

        using var outsider = host.Client(host.TokenB);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync(Url($"{api}/risks/import"), Upload(Encoding.UTF8.GetBytes(csv), "r.csv"))).StatusCode);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(Url($"{api}/risks/import"), Upload(Encoding.UTF8.GetBytes(csv), "r.csv"))).StatusCode);
    }
}
