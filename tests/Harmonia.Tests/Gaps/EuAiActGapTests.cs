using System.Text.Json;
using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Mapping;
using Harmonia.Tests.Catalogs;
using Harmonia.Tests.Infrastructure;
using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.Gaps;

/// <summary>
/// The EU AI Act as a gap target: the obligations acme's in-scope AI systems bring it are assessed (the rest are not
/// applicable, saying which systems were looked at), and the ones ISO/IEC 42001 does not cover are open with that reason.
/// </summary>
public sealed class EuAiActGapTests
{
    private const string Target = "eu-ai-act-2024";

    // Acme provides a high-risk PD model and deploys a limited-risk support copilot: nothing makes it an importer,
    // distributor, authorised representative, GPAI model provider or deployer of a high-risk system.
    private static readonly string[] NotForAcme = ["Art. 22", "Art. 23", "Art. 24", "Art. 26", "Art. 27", "Art. 53", "Art. 55"];

    private static string[] OpenBecause42001LeavesThem(JsonElement report) =>
        report.GetProperty("uncoveredOpenWork").EnumerateArray().Select(e => e.GetString()!["eu-ai-act-2024:".Length..]).ToArray();

    private static Dictionary<string, JsonElement> Rows(JsonElement report) =>
        report.GetProperty("requirements").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!["eu-ai-act-2024:".Length..]);

    [Fact]
    public void Acme_from_its_file_lists_the_obligations_42001_leaves_open_and_leaves_out_the_ones_no_system_brings()
    {
        var run = CliRun.Of("gap", "--org", CliRun.Example("acme-iso27001-certified.yaml"), "--target", Target, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var report = JsonDocument.Parse(run.Out).RootElement;
        var rows = Rows(report);

        Assert.Equal(EuAiActCatalogTests.UncoveredBy42001.Except(["Art. 22", "Art. 23", "Art. 24"]), OpenBecause42001LeavesThem(report));
        Assert.All(NotForAcme, a =>
        {
            Assert.Equal("not_applicable", rows[a].GetProperty("result").GetString());
            Assert.Equal("AI system scope", rows[a].GetProperty("basis").GetString());
            Assert.Contains("AI-01 Support copilot (deployer, limited risk), AI-02 RiskLens PD model (provider, high-risk)", rows[a].GetProperty("reason").GetString(), StringComparison.Ordinal);
        });
        var incidents = rows["Art. 73"].GetProperty("reason").GetString();
        Assert.Equal("open", rows["Art. 73"].GetProperty("result").GetString());
        Assert.Contains("No ISO/IEC 42001:2023 equivalent: 42001 A.8.4 has incidents communicated to users", incidents, StringComparison.Ordinal);
        Assert.Contains("Binds the organization through AI-02 RiskLens PD model (provider, high-risk).", incidents, StringComparison.Ordinal);
        Assert.Equal(31 - NotForAcme.Length, report.GetProperty("headline").GetProperty("overall").GetProperty("total").GetInt32() - report.GetProperty("headline").GetProperty("overall").GetProperty("notApplicable").GetInt32());
    }

    [Fact]
    public void An_unclassified_system_keeps_an_obligation_open_and_names_the_system_to_classify()
    {
        var state = new OrganizationState("Tiny", 10, 1, [], [])
        {
            AiSystems = [new ScopedAiSystem("AI-01", "Copilot", "deployer", "minimal"), new ScopedAiSystem("AI-02", "Scorer", null, null)],
        };

        var rows = new GapAnalyzer(new MappingEngine(LoadedContent.Shipped.Catalog)).Analyze(state, Target).Rows.ToDictionary(r => r.Requirement.Ref);

        Assert.Equal(RequirementResult.NotAssessed, rows["Art. 26"].Result);
        Assert.Contains("unknown until AI-02 Scorer (not classified) has an EU AI Act role and class", rows["Art. 26"].Reason, StringComparison.Ordinal);
        Assert.Contains("Binds the organization through AI-01 Copilot (deployer, minimal risk).", rows["Art. 4"].Reason, StringComparison.Ordinal);

        var none = new GapAnalyzer(new MappingEngine(LoadedContent.Shipped.Catalog)).Analyze(state with { AiSystems = [] }, Target).Rows;
        Assert.All(none, r => Assert.Equal(RequirementResult.NotApplicable, r.Result));
        Assert.StartsWith("Not applicable: the organization has no AI system in scope", none[0].Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_stored_acme_gets_the_same_gap_through_the_api_and_the_page_and_follows_its_systems(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";

        var report = JsonDocument.Parse(await owner.GetStringAsync(Url($"{api}/gap/{Target}?format=json"))).RootElement;
        Assert.Equal(EuAiActCatalogTests.UncoveredBy42001.Except(["Art. 22", "Art. 23", "Art. 24"]), OpenBecause42001LeavesThem(report));
        Assert.Equal("not_applicable", Rows(report)["Art. 27"].GetProperty("result").GetString());

        using var browser = await host.SignedInAsync("viewer@a.example");
        var page = await browser.GetStringAsync(Url($"/orgs/{host.OrganizationA}/gap/{Target}"));
        Assert.Contains("Gap analysis: EU AI Act", page, StringComparison.Ordinal);
        Assert.Contains("Conformity assessment", page, StringComparison.Ordinal);

        // The Act has articles, no Annex A: one headline card for all its requirements, never an empty "0/0" one.
        Assert.DoesNotContain("<span class=\"label\">Annex A controls</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"label\">All requirements</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"label\">Annex A controls</span>", await browser.GetStringAsync(Url($"/orgs/{host.OrganizationA}/gap/iso42001-2023")), StringComparison.Ordinal);

        // Acme starts deploying a high-risk system: the deployer duties, the FRIA among them, now bind it.
        using var created = await owner.PostAsync(Url($"{api}/ai-systems"), new StringContent(
            """{"key":"AI-91","name":"CV screening","roles":["ai-user"],"euAiActRole":"deployer","euAiActClass":"high-risk"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var after = Rows(JsonDocument.Parse(await owner.GetStringAsync(Url($"{api}/gap/{Target}?format=json"))).RootElement);
        Assert.NotEqual("not_applicable", after["Art. 27"].GetProperty("result").GetString());
        Assert.Contains("AI-91 CV screening (deployer, high-risk)", after["Art. 27"].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
