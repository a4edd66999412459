using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Domain.AiSystems;
using Harmonia.Tests.Infrastructure;
using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.AiSystems;

/// <summary>
/// An AI system's EU AI Act role and class select the Act's obligations: the pure selection on the shipped catalog,
/// then the same list through the API and on the system's page, and a system without a class told to classify it.
/// </summary>
public sealed class EuAiActObligationsTests
{
    private static readonly Harmonia.Domain.Catalogs.Framework Act = LoadedContent.Shipped.Catalog.FindFramework(EuAiActApplicability.FrameworkId)!;

    private static readonly string[] HighRiskProvider =
        ["Art. 4", "Art. 5", "Art. 9", "Art. 10", "Art. 11", "Art. 12", "Art. 13", "Art. 14", "Art. 15", "Art. 16", "Art. 17", "Art. 18", "Art. 19", "Art. 20",
         "Art. 43", "Art. 47", "Art. 48", "Art. 49", "Art. 50(1)", "Art. 50(2)", "Art. 72", "Art. 73"];

    private static readonly string[] HighRiskDeployer = ["Art. 4", "Art. 5", "Art. 49", "Art. 26", "Art. 27", "Art. 50(3)", "Art. 50(4)"];

    private static readonly string[] Everyone = ["Art. 4", "Art. 5"];

    private static readonly string[] GpaiProvider = ["Art. 4", "Art. 5", "Art. 50(2)", "Art. 53", "Art. 55"];

    private static string[] Articles(string? role, string? riskClass) => EuAiActApplicability.For(Act, role, riskClass).Obligations.Select(o => o.Obligation.Ref).ToArray();

    [Fact]
    public void Role_and_class_select_the_obligations()
    {
        Assert.Equal(HighRiskProvider, Articles("provider", "high-risk"));
        Assert.Equal(HighRiskDeployer, Articles("deployer", "high-risk"));
        Assert.Equal(Everyone, Articles("deployer", "minimal"));
        Assert.Equal(GpaiProvider, Articles("provider", "gpai"));
        Assert.Equal(["Art. 5", "Art. 23"], Articles("importer", "high-risk"));
    }

    [Fact]
    public void Every_obligation_says_why_it_applies_and_names_its_condition()
    {
        var selected = EuAiActApplicability.For(Act, "deployer", "high-risk").Obligations;

        var fria = selected.Single(o => o.Obligation.Ref == "Art. 27");
        Assert.StartsWith("Applies because the organization is the deployer of this high-risk system; Art. 27 binds deployers of high-risk systems.", fria.Reason, StringComparison.Ordinal);
        Assert.Contains("Check the condition first: it applies only when the deployer is a body governed by public law", fria.Reason, StringComparison.Ordinal);
        Assert.NotNull(fria.Condition);
        Assert.Null(selected.Single(o => o.Obligation.Ref == "Art. 26").Condition);
        Assert.Contains("stop it", EuAiActApplicability.For(Act, "provider", "prohibited").Obligations.Single(o => o.Obligation.Ref == "Art. 5").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_system_without_class_or_role_is_told_what_to_record_instead_of_an_empty_list()
    {
        var unclassified = EuAiActApplicability.For(Act, "deployer", null);
        var noRole = EuAiActApplicability.For(Act, null, "high-risk");

        Assert.Empty(unclassified.Obligations);
        Assert.Equal("Classify this system under the EU AI Act (its risk class) to see its obligations.", unclassified.Missing);
        Assert.Empty(noRole.Obligations);
        Assert.StartsWith("Record the organization's EU AI Act role for this system (provider, deployer,", noRole.Missing, StringComparison.Ordinal);
        Assert.Null(EuAiActApplicability.For(Act, "deployer", "minimal").Missing);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_api_and_the_page_list_the_obligations_and_ask_for_a_class_when_there_is_none(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var systems = JsonDocument.Parse(await viewer.GetStringAsync(Url($"{api}/ai-systems?pageSize=100"))).RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(s => s.GetProperty("key").GetString()!, s => s.GetProperty("id").GetString()!);

        // Acme's PD model: Acme provides it and it is high-risk.
        var model = JsonDocument.Parse(await viewer.GetStringAsync(Url($"{api}/ai-systems/{systems["AI-02"]}/eu-ai-act"))).RootElement;
        Assert.True(model.GetProperty("classified").GetBoolean());
        Assert.Equal(HighRiskProvider, model.GetProperty("obligations").EnumerateArray().Select(o => o.GetProperty("article").GetString()));
        var risk = model.GetProperty("obligations").EnumerateArray().Single(o => o.GetProperty("article").GetString() == "Art. 9");
        Assert.Equal("eu-ai-act-2024:Art. 9", risk.GetProperty("id").GetString());
        Assert.Contains("provider of this high-risk system", risk.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // A system registered without a class.
        using var created = await owner.PostAsync(Url($"{api}/ai-systems"), new StringContent("""{"key":"AI-90","name":"Shift planner","roles":["ai-user"],"euAiActRole":"deployer"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var unclassified = JsonDocument.Parse(await viewer.GetStringAsync(Url($"{api}/ai-systems/{id}/eu-ai-act"))).RootElement;
        Assert.False(unclassified.GetProperty("classified").GetBoolean());
        Assert.Equal(0, unclassified.GetProperty("obligations").GetArrayLength());
        Assert.Contains("Classify this system", unclassified.GetProperty("missing").GetString(), StringComparison.Ordinal);

        // Another organization's system, or none at all, is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync(Url($"{api}/ai-systems/{Guid.NewGuid()}/eu-ai-act"))).StatusCode);

        using var browser = await host.SignedInAsync("viewer@a.example");
        var page = await browser.GetStringAsync(Url($"/orgs/{host.OrganizationA}/ai-systems/{systems["AI-02"]}"));
        Assert.Contains("EU AI Act obligations", page, StringComparison.Ordinal);
        Assert.Contains("Post-market monitoring by providers", page, StringComparison.Ordinal);
        Assert.Contains("Applies because the organization is the provider of this high-risk system", page, StringComparison.Ordinal);
        var empty = await browser.GetStringAsync(Url($"/orgs/{host.OrganizationA}/ai-systems/{id}"));
        Assert.Contains("Classify this system under the EU AI Act (its risk class) to see its obligations.", empty, StringComparison.Ordinal);
    }
}
