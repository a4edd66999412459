using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Suppliers;

/// <summary>
/// Issue 15: accepted questionnaires travel in the organization file. The acme sample carries one, answered by its data
/// provider; it survives export and import unchanged, and a file whose answers do not fit the questions is refused.
/// </summary>
public sealed class SupplierQuestionnaireFileTests
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement[]> QuestionnairesOfAsync(HttpClient client, string api, string supplierKey)
    {
        var supplier = (await ReadAsync(await client.GetAsync(Url($"{api}/suppliers")))).GetProperty("items").EnumerateArray().Single(s => s.GetProperty("key").GetString() == supplierKey);
        return (await ReadAsync(await client.GetAsync(Url($"{api}/suppliers/{supplier.GetProperty("id").GetString()}/questionnaires")))).EnumerateArray().ToArray();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_acme_data_providers_accepted_questionnaire_survives_export_and_import_unchanged(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);

        var imported = Assert.Single(await QuestionnairesOfAsync(owner, api, "SUP-4"));
        Assert.Equal("accepted", imported.GetProperty("status").GetString());
        Assert.Equal("ai-supplier", imported.GetProperty("templateKey").GetString());
        Assert.Equal(100, imported.GetProperty("score").GetInt32());
        Assert.Equal(1, imported.GetProperty("answerVersions").GetInt32());

        var exported = await owner.GetStringAsync(Url($"{api}/export"));
        Assert.Contains("template: ai-supplier", exported, StringComparison.Ordinal);
        Assert.Contains("Lineage statement of the 2026 delivery", exported, StringComparison.Ordinal);
        var reread = OrganizationFileReader.Read("export.yaml", exported, LoadedContent.Shipped.Catalog);
        var entry = Assert.Single(reread.Suppliers.Single(s => s.Id == "SUP-4").Questionnaires);
        var original = PersistenceAcmeQuestionnaire();
        Assert.Equal(original.AcceptedOn, entry.AcceptedOn);
        Assert.Equal(original.SubmittedOn, entry.SubmittedOn);
        Assert.Equal(original.Answers, entry.Answers);
        Assert.Equal(original.Marks, entry.Marks);

        // The export imported back changes nothing: no second questionnaire, no new answer version.
        var again = await ReadAsync(await owner.PostAsync(Url($"{api}/import"), new StringContent(exported, Encoding.UTF8, "application/yaml")));
        Assert.Equal(0, again.GetProperty("changes").GetInt32());
        Assert.Single(await QuestionnairesOfAsync(owner, api, "SUP-4"));
    }

    [Fact]
    public void Answers_that_do_not_fit_their_questions_are_refused_with_the_place_and_the_reason()
    {
        var acme = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "acme-iso27001-certified.yaml"));
        foreach (var (from, to, expected) in new[]
        {
            ("security-programme: \"yes\"", "security-programme: \"maybe\"", "answer yes or no"),
            ("customer-data-training: \"never\"", "customer-data-training: \"sometimes\"", "choose one of"),
            ("template: ai-supplier", "template: our-own-list", "not one of Harmonia's questionnaires"),
            ("human-oversight: \"yes\"", "human-judgement: \"yes\"", "has no question 'human-judgement'"),
            ("acceptedOn: 2026-06-20", "acceptedOn: 2026-05-01", "'sentOn' and 'acceptedOn'"),
        })
        {
            Assert.Contains(from, acme, StringComparison.Ordinal);
            var refused = Assert.Throws<ContentValidationException>(() => OrganizationFileReader.Read("acme.yaml", acme.Replace(from, to, StringComparison.Ordinal), LoadedContent.Shipped.Catalog));
            Assert.Contains(refused.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal) && e.Line > 0);
        }
    }

    private static SupplierQuestionnaireEntry PersistenceAcmeQuestionnaire() =>
        Persistence.PersistenceTests.Acme().Suppliers.Single(s => s.Id == "SUP-4").Questionnaires.Single();
}
