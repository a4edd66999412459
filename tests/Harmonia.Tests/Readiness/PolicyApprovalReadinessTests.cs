using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Documents;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Readiness;

/// <summary>Stage 1 asks that a named member of top management approved each standard's policy (5.1, 5.2).</summary>
public sealed class PolicyApprovalReadinessTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_policy_counts_for_Stage_1_only_when_a_named_member_of_top_management_approved_it(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        var api = $"/api/orgs/{host.OrganizationA}";
        await ReadAsync(await contributor.PutAsync(new Uri($"{api}/answers", UriKind.Relative), Json(DocumentControlTests.AcmeAnswersJson())));
        await ReadAsync(await contributor.PostAsync(new Uri($"{api}/documents/generate", UriKind.Relative), Json("{}")));
        var documents = (await ReadAsync(await contributor.GetAsync(new Uri($"{api}/documents?pageSize=200", UriKind.Relative)))).GetProperty("items").EnumerateArray()
            .ToDictionary(d => d.GetProperty("templateId").GetString()!, d => d.GetProperty("documentId").GetString()!);

        async Task PublishAsync(string templateId, HttpClient approver)
        {
            var url = $"{api}/documents/{documents[templateId]}";
            Assert.Equal(HttpStatusCode.NoContent, (await contributor.PostAsync(new Uri(url + "/submit", UriKind.Relative), Json("""{"change":"material"}"""))).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await approver.PostAsync(new Uri(url + "/approve", UriKind.Relative), null)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await approver.PostAsync(new Uri(url + "/publish", UriKind.Relative), null)).StatusCode);
        }

        async Task<string[]> BlockingAsync(string framework)
        {
            var readiness = await ReadAsync(await contributor.GetAsync(new Uri($"{api}/readiness", UriKind.Relative)));
            var check = readiness.GetProperty("integrated").GetProperty("stage1").GetProperty("checks").EnumerateArray()
                .Single(c => c.GetProperty("key").GetString() == $"record:{framework}:policy-approval");
            return check.GetProperty("blocking").EnumerateArray().Select(b => b.GetProperty("text").GetString()!).ToArray();
        }

        // The owner approves the information security policy before anyone is named top management: it does not count.
        await PublishAsync("information-security-policy", owner);
        Assert.Contains("No top-management member is named", Assert.Single(await BlockingAsync("iso27001-2022")), StringComparison.Ordinal);

        // The managing director is named top management and linked to the manager's account.
        await ReadAsync(await owner.PostAsync(new Uri($"{api}/top-management", UriKind.Relative), Json("""{"name":"Dr. Anna Weber","position":"Managing Director","memberEmail":"manager@a.example"}""")));
        Assert.Contains("approved by no named top-management member", Assert.Single(await BlockingAsync("iso27001-2022")), StringComparison.Ordinal);
        Assert.Contains("no approved revision", Assert.Single(await BlockingAsync("iso42001-2023")), StringComparison.Ordinal);

        // The AI policy approved by her counts; the information security policy still needs her approval.
        await PublishAsync("ai-policy", manager);
        Assert.Empty(await BlockingAsync("iso42001-2023"));
        Assert.NotEmpty(await BlockingAsync("iso27001-2022"));
    }
}
