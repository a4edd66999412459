using System.Net;
using System.Text;
using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Hardening.Fuzz;

/// <summary>The inputs the fuzz suite found crashing, kept as plain cases so they stay fixed whatever seed runs.</summary>
public sealed class FuzzRegressionTests
{
    [Theory]
    [InlineData("employees:\n  aiSystems:\n    - \n      teamCapacityFte:\n      ?: provider\n    - x\n")]
    [InlineData("org.locations:\n  backup.rto_hours:\n    - : IMU\n")]
    [InlineData("a:\n  ? complex: 18514\n  ?: b\n")]
    [InlineData("- \n  ?: provider\n")]
    public void Malformed_yaml_that_confused_the_tree_builder_is_a_content_error(string text)
    {
        var refused = Record.Exception(() => OrganizationFileReader.Read("fuzz.yaml", text, LoadedContent.Shipped.Catalog));
        Assert.IsType<ContentValidationException>(refused);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_risk_methodology_body_with_missing_or_null_lists_is_a_400_not_a_500(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        foreach (var body in new[] { "{\"version\": 0}", "{}", "{\"likelihood\": null, \"impact\": [], \"levels\": []}", "{\"likelihood\": [null], \"impact\": [null], \"levels\": [null], \"ownerMayAccept\": null, \"unacceptableAiRisks\": []}" })
        {
            using var response = await owner.PutAsync(new Uri($"/api/orgs/{host.OrganizationA}/risk-methodology", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
