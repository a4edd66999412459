using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Features.Interop;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Interop;

/// <summary>Issue 16, item 4 (organization part): component-definition, assessment-results and POA&amp;M of the acme sample, each valid against the official schema.</summary>
public sealed class OscalOrganizationExportTests
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static async Task<(string Json, JsonObject Document)> GetAsync(HttpClient client, Guid org, string model)
    {
        using var response = await client.GetAsync(Url($"/api/orgs/{org}/oscal/{model}"));
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{model}: {(int)response.StatusCode} {json}");
        var errors = OscalSchemas.Errors(model, json);
        Assert.True(errors.Count == 0, $"{model}: {string.Join("\n", errors.Take(10))}");
        return (json, JsonNode.Parse(json)!.AsObject());
    }

    private static IEnumerable<string> Uuids(JsonNode? node) => node switch
    {
        JsonObject o => o.Where(p => p.Key.EndsWith("uuid", StringComparison.Ordinal) && p.Value is JsonValue).Select(p => p.Value!.GetValue<string>())
            .Concat(o.SelectMany(p => Uuids(p.Value))),
        JsonArray a => a.SelectMany(Uuids),
        _ => [],
    };

    private static bool HasProp(JsonNode? item, string name, string value) =>
        item?["props"] is JsonArray props && props.Any(p => p!["name"]!.GetValue<string>() == name && p["value"]!.GetValue<string>() == value);

    /// <summary>An open nonconformity raised by an internal audit, with a planned corrective action due on a known date.</summary>
    private static Task<string> OpenNonconformityAsync(ApiHost host, Guid org) => host.WithScopeAsync(async s =>
    {
        var id = await host.NewNonconformityAsync(org, await host.NewAuditAsync(org));
        s.GetRequiredService<TenantScope>().Enter(org);
        var advance = s.GetRequiredService<AdvanceNonconformityHandler>();
        await advance.HandleAsync(id, 1, new("correction", "Policy withdrawn until approved.", null, null, null, null));
        await advance.HandleAsync(id, 2, new("root-cause", null, ["No approval step", "No owner", "No template", "No training", "No review"], null, null, null));
        var planned = await advance.HandleAsync(id, 3, new("plan", null, null, [new CorrectiveActionInput("Add an approval step", "CISO", new DateOnly(2027, 2, 1))], null, null));
        return planned.Key;
    });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Acme_exports_as_valid_component_assessment_results_and_poam_with_stable_uuids(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var org = host.OrganizationA;
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var imported = await owner.PostAsync(Url($"/api/orgs/{org}/import"),
            new StringContent(File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "acme-iso27001-certified.yaml")), Encoding.UTF8, "application/yaml"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var nc = await OpenNonconformityAsync(host, org);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);

        // Component: one component, one control-implementation per framework pointing at that catalog export,
        // every requirement a control covers once, with the control's key.
        var (_, component) = await GetAsync(viewer, org, "component");
        var defined = component["component-definition"]!["components"]!.AsArray().Single()!;
        Assert.EndsWith("information security and AI management system", defined["title"]!.GetValue<string>(), StringComparison.Ordinal);
        var implementations = defined["control-implementations"]!.AsArray();
        Assert.Contains(implementations, i => i!["source"]!.GetValue<string>() == "harmonia-iso27001-2022-catalog.json");
        var controls = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(org);
            return await s.GetRequiredService<Harmonia.App.Features.Controls.CurrentControls>().AllAsync();
        });
        var coveredIds = controls.SelectMany(c => c.Satisfies).Distinct(StringComparer.Ordinal).Count();
        var requirements = implementations.SelectMany(i => i!["implemented-requirements"]!.AsArray()).ToArray();
        Assert.Equal(coveredIds, requirements.Length);
        var first = controls.First(c => c.Satisfies.Count > 0);
        Assert.Contains(requirements, r => HasProp(r, "requirement-id", first.Satisfies[0]) && HasProp(r, "control", first.Id)
            && r!["remarks"]!.GetValue<string>().Contains(first.Name, StringComparison.Ordinal));

        // Assessment results: one result per target, one finding per requirement of the stored gap report.
        var (_, results) = await GetAsync(viewer, org, "assessment-results");
        var reports = await host.WithScopeAsync(async s =>
        {
            var gap = s.GetRequiredService<StoredGapAnalysisHandler>();
            var list = new List<Harmonia.Domain.Gaps.GapReport>();
            foreach (var target in ExportOscalAssessmentResultsHandler.Targets)
            {
                list.Add(await gap.HandleAsync(new StoredGapRequest(org, target)));
            }

            return list;
        });
        var resultArray = results["assessment-results"]!["results"]!.AsArray();
        Assert.Equal(reports.Count, resultArray.Count);
        for (var i = 0; i < reports.Count; i++)
        {
            var findings = resultArray[i]!["findings"]!.AsArray();
            Assert.Equal(reports[i].Rows.Count, findings.Count);
            foreach (var (row, finding) in reports[i].Rows.Zip(findings))
            {
                var state = finding!["target"]!["status"]!["state"]!.GetValue<string>();
                Assert.Equal(row.Result is Harmonia.Domain.Gaps.RequirementResult.Satisfied or Harmonia.Domain.Gaps.RequirementResult.NotApplicable ? "satisfied" : "not-satisfied", state);
                Assert.Equal(OscalIds.Control(row.Requirement), finding["target"]!["target-id"]!.GetValue<string>());
            }

            // A partial result is never rounded up: not-satisfied, with "partial" as our result.
            var partial = reports[i].Rows.Select((r, n) => (r, n)).FirstOrDefault(p => p.r.Result == Harmonia.Domain.Gaps.RequirementResult.PartiallySatisfied);
            if (partial.r is not null)
            {
                Assert.True(HasProp(findings[partial.n]!["target"], "result", "partial"));
                Assert.Equal("partial", findings[partial.n]!["target"]!["implementation-status"]!["state"]!.GetValue<string>());
            }
        }

        Assert.Contains(reports, r => r.Rows.Any(row => row.Result == Harmonia.Domain.Gaps.RequirementResult.PartiallySatisfied));
        Assert.Equal(ExportOscalAssessmentResultsHandler.AssessmentPlanHref, results["assessment-results"]!["import-ap"]!["href"]!.GetValue<string>());

        // POA&M: every open gap row and the open nonconformity with its due date; the organization is the system.
        var (_, poam) = await GetAsync(viewer, org, "poam");
        var plan = poam["plan-of-action-and-milestones"]!;
        Assert.Equal(org.ToString(), plan["system-id"]!["id"]!.GetValue<string>());
        var items = plan["poam-items"]!.AsArray();
        Assert.Equal(reports.Sum(r => r.Rows.Count(row => row.IsOpen)) + 1, items.Count);
        var ncItem = items.Single(item => HasProp(item, "nonconformity", nc));
        Assert.True(HasProp(ncItem, "due", "2027-02-01"));
        var effortRow = reports.SelectMany(r => r.Rows).First(r => r.IsOpen && r.RemainingEffortDays > 0);
        Assert.Contains(items, item => HasProp(item, "requirement-id", effortRow.Requirement.Id) && item!["props"]!.AsArray().Any(p => p!["name"]!.GetValue<string>() == "effort-days"));

        // The same organization exports the same UUIDs every time, and no UUID repeats within a document.
        foreach (var (model, document) in new[] { ("component", component), ("assessment-results", results), ("poam", poam) })
        {
            var again = (await GetAsync(viewer, org, model)).Document;
            var uuids = Uuids(document).Where(u => !string.IsNullOrEmpty(u)).ToArray();
            Assert.Equal(uuids, Uuids(again).Where(u => !string.IsNullOrEmpty(u)).ToArray());
            Assert.NotEmpty(uuids);
        }

        var findingUuids = resultArray.SelectMany(r => r!["findings"]!.AsArray()).Select(f => f!["uuid"]!.GetValue<string>()).ToArray();
        Assert.Equal(findingUuids.Length, findingUuids.Distinct(StringComparer.Ordinal).Count());
        var itemUuids = items.Select(i => i!["uuid"]!.GetValue<string>()).ToArray();
        Assert.Equal(itemUuids.Length, itemUuids.Distinct(StringComparer.Ordinal).Count());

        // Another organization's member gets 404; an unknown model is a 400 problem.
        using var stranger = host.Client(host.TokenB);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(Url($"/api/orgs/{org}/oscal/poam"))).StatusCode);
        using var unknown = await viewer.GetAsync(Url($"/api/orgs/{org}/oscal/ssp"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_cli_writes_the_organization_documents_and_needs_an_existing_organization()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var import = await CliRun.OnAsync(database, "org", "import", CliRun.Example("acme-iso27001-certified.yaml"));
        var id = System.Text.RegularExpressions.Regex.Match(import.Out, "organization ([0-9a-f-]{36})").Groups[1].Value;
        Assert.NotEmpty(id);

        foreach (var (model, schema) in new[] { ("component", "component"), ("assessment-results", "assessment-results"), ("poam", "poam") })
        {
            var run = await CliRun.OnAsync(database, "oscal", "export", "--model", model, "--org", id);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Empty(OscalSchemas.Errors(schema, run.Out));
            var again = await CliRun.OnAsync(database, "oscal", "export", "--model", model, "--org", id);
            Assert.Equal(Uuids(JsonNode.Parse(run.Out)).ToArray(), Uuids(JsonNode.Parse(again.Out)).ToArray());
        }

        var missing = await CliRun.OnAsync(database, "oscal", "export", "--model", "poam");
        Assert.Equal((1, true), (missing.ExitCode, missing.Error.Contains("needs --org", StringComparison.Ordinal)));
        var unknown = await CliRun.OnAsync(database, "oscal", "export", "--model", "component", "--org", Guid.NewGuid().ToString());
        Assert.Equal((1, true), (unknown.ExitCode, unknown.Error.Contains("There is no organization", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_schema_check_fails_a_finding_without_a_status()
    {
        var broken = """
            {"assessment-results":{"uuid":"6f0d3c9e-4b1a-4d55-9a1e-2c7b8f3e5a10","metadata":{"title":"t","last-modified":"2026-01-01T00:00:00Z","version":"1","oscal-version":"1.2.2"},
            "import-ap":{"href":"#x"},"results":[{"uuid":"6f0d3c9e-4b1a-4d55-9a1e-2c7b8f3e5a11","title":"r","description":"d","start":"2026-01-01T00:00:00Z",
            "reviewed-controls":{"control-selections":[{"include-all":{}}]},
            "findings":[{"uuid":"6f0d3c9e-4b1a-4d55-9a1e-2c7b8f3e5a12","title":"f","description":"d","target":{"type":"objective-id","target-id":"A.5.1"}}]}]}}
            """;
        Assert.NotEmpty(OscalSchemas.Errors("assessment-results", broken));
        Assert.Empty(OscalSchemas.Errors("assessment-results", broken.Replace("\"target-id\":\"A.5.1\"", "\"target-id\":\"A.5.1\",\"status\":{\"state\":\"satisfied\"}", StringComparison.Ordinal)));
    }
}
