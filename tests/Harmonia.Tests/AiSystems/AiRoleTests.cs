using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using static Harmonia.Tests.Infrastructure.BrowserForm;

namespace Harmonia.Tests.AiSystems;

/// <summary>
/// The organization's AI roles towards each system are the ISO/IEC 22989 roles, several per system, with the EU AI
/// Act role as a separate optional field; every entry path (API, organization file through the API and the CLI,
/// page form) takes them, refuses an unknown one naming the allowed values, and still reads the old single role.
/// </summary>
public sealed class AiRoleTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static StringContent Yaml(string body) => new(body, Encoding.UTF8, "application/yaml");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static string[] Roles(JsonElement system) => system.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray();

    private static string? EuRole(JsonElement system) => system.GetProperty("euAiActRole").GetString();

    private static async Task<JsonElement> SystemAsync(HttpClient client, string api, string key)
    {
        var list = await ReadAsync(await client.GetAsync(new Uri($"{api}/ai-systems?pageSize=100", UriKind.Relative)));
        return list.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Several_roles_and_an_eu_ai_act_role_round_trip_through_the_api_and_the_organization_file(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";

        var created = await ReadAsync(await owner.PostAsync(new Uri($"{api}/ai-systems", UriKind.Relative), Json("""
            {"key":"AI-50","name":"Claims triage","roles":["data-provider","ai-developer","data-provider"],"euAiActRole":"provider"}
            """)));
        Assert.Equal(["ai-developer", "data-provider"], Roles(created));
        Assert.Equal("provider", EuRole(created));

        var id = created.GetProperty("id").GetString();
        var detail = (await ReadAsync(await owner.GetAsync(new Uri($"{api}/ai-systems/{id}", UriKind.Relative)))).GetProperty("system");
        Assert.Equal(["ai-developer", "data-provider"], Roles(detail));

        // The Act role is optional: a change may drop it and leave only the 22989 roles.
        using (var change = new HttpRequestMessage(HttpMethod.Put, new Uri($"{api}/ai-systems/{id}", UriKind.Relative))
        {
            Content = Json("""{"key":"AI-50","name":"Claims triage","roles":["ai-system-integrator","ai-user"]}"""),
        })
        {
            change.Headers.IfMatch.ParseAdd($"\"{created.GetProperty("version").GetInt32()}\"");
            var changed = await ReadAsync(await owner.SendAsync(change));
            Assert.Equal(["ai-user", "ai-system-integrator"], Roles(changed));
            Assert.Null(EuRole(changed));
        }

        // The organization file carries them out and back in unchanged.
        var exported = await owner.GetStringAsync(new Uri($"{api}/export", UriKind.Relative));
        Assert.Contains("roles: [ai-user, ai-system-integrator]", exported, StringComparison.Ordinal);
        Assert.DoesNotContain("role: ", exported, StringComparison.Ordinal);
        await ReadAsync(await owner.PostAsync(new Uri($"{api}/import", UriKind.Relative), Yaml(System.Text.RegularExpressions.Regex.Replace(exported, @"(?m)^([ ]*)roles: \[ai-user, ai-system-integrator\]", "$0\n$1euAiActRole: importer"))));
        var imported = await SystemAsync(owner, api, "AI-50");
        Assert.Equal(["ai-user", "ai-system-integrator"], Roles(imported));
        Assert.Equal("importer", EuRole(imported));

        // The change is in the audit trail like any other.
        var trail = await owner.GetStringAsync(new Uri($"{api}/audit-trail?pageSize=100", UriKind.Relative));
        Assert.Contains("AI-50", trail, StringComparison.Ordinal);
        Assert.Contains("ai-system-integrator", trail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unknown_role_is_refused_naming_the_allowed_values_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var api = $"/api/orgs/{host.OrganizationA}";
        Task<HttpResponseMessage> Post(string body) => owner.PostAsync(new Uri($"{api}/ai-systems", UriKind.Relative), Json(body));

        var unknown = await ProblemAsync(await Post("""{"key":"AI-60","name":"Ranker","roles":["ai-developer","developer"]}"""), "roles");
        Assert.StartsWith("'developer' is not an AI role; allowed: ai-provider, ai-platform-provider, ai-product-provider, ai-producer, ai-developer,", unknown, StringComparison.Ordinal);
        Assert.Contains("data-provider", unknown, StringComparison.Ordinal);
        Assert.StartsWith("At least one AI role is required", await ProblemAsync(await Post("""{"key":"AI-60","name":"Ranker","roles":[]}"""), "roles"), StringComparison.Ordinal);
        Assert.StartsWith("At least one AI role is required", await ProblemAsync(await Post("""{"key":"AI-60","name":"Ranker"}"""), "roles"), StringComparison.Ordinal);
        Assert.Contains(
            "allowed: provider, deployer, importer, distributor, authorised-representative, product-manufacturer",
            await ProblemAsync(await Post("""{"key":"AI-60","name":"Ranker","roles":["ai-user"],"euAiActRole":"user"}"""), "euAiActRole"),
            StringComparison.Ordinal);
        Assert.Contains("developer, provider, deployer, user", await ProblemAsync(await Post("""{"key":"AI-60","name":"Ranker","role":"seller"}"""), "role"), StringComparison.Ordinal);
        Assert.Contains("not both", await ProblemAsync(await Post("""{"key":"AI-60","name":"Ranker","role":"user","roles":["ai-user"]}"""), "role"), StringComparison.Ordinal);

        var list = await ReadAsync(await owner.GetAsync(new Uri($"{api}/ai-systems?pageSize=100", UriKind.Relative)));
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), s => s.GetProperty("key").GetString() == "AI-60");

        // A client written before the 22989 roles still works: its single role maps as the migration maps it.
        var old = await ReadAsync(await Post("""{"key":"AI-61","name":"Old client","role":"developer"}"""));
        Assert.Equal(["ai-developer"], Roles(old));
        Assert.Equal("provider", EuRole(old));
    }

    private const string OldFormatFile = """
        organization:
          name: Old Format Ltd
          employees: 40
        aiSystems:
          - id: AI-01
            name: Credit scorer
            role: developer
          - id: AI-02
            name: Chat assistant
            role: user
        suppliers:
          # Imported over the acme sample, whose SUP-4 has answered a questionnaire: a file must keep such a supplier.
          - id: SUP-4
            name: Bonitas Wirtschaftsdaten GmbH
            kind: data-provider
            tier: critical
            status: active
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_organization_file_with_the_old_single_role_still_imports_and_an_unknown_role_is_refused(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var org = host.OrganizationA;
        var api = $"/api/orgs/{org}";

        await ReadAsync(await owner.PostAsync(new Uri($"{api}/import", UriKind.Relative), Yaml(OldFormatFile)));
        var scorer = await SystemAsync(owner, api, "AI-01");
        Assert.Equal(["ai-developer"], Roles(scorer));
        Assert.Equal("provider", EuRole(scorer));
        var assistant = await SystemAsync(owner, api, "AI-02");
        Assert.Equal(["ai-user"], Roles(assistant));
        Assert.Equal("deployer", EuRole(assistant));

        var invalid = OldFormatFile.Replace("role: developer", "roles: [ai-developer, seller]", StringComparison.Ordinal);
        using (var refused = await owner.PostAsync(new Uri($"{api}/import", UriKind.Relative), Yaml(invalid)))
        {
            var body = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, body);
            Assert.Contains("AI system 'AI-01': 'seller' is not an AI role; allowed: ai-provider,", body, StringComparison.Ordinal);
        }

        using (var both = await owner.PostAsync(new Uri($"{api}/import", UriKind.Relative), Yaml(OldFormatFile.Replace("role: user", "role: user\n    roles: [ai-user]", StringComparison.Ordinal))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
            Assert.Contains("has both 'roles' and the old 'role'", await both.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The CLI reads the same files the same way: the old one imports, the unknown role is one readable line.
        var directory = Directory.CreateTempSubdirectory("harmonia-roles-");
        try
        {
            var oldPath = Path.Combine(directory.FullName, "old.yaml");
            var invalidPath = Path.Combine(directory.FullName, "invalid.yaml");
            await File.WriteAllTextAsync(oldPath, OldFormatFile.Replace("role: user", "role: deployer\n    euAiActRole: distributor", StringComparison.Ordinal));
            await File.WriteAllTextAsync(invalidPath, invalid);

            var import = await CliRun.OnAsync(host.Database, "org", "import", oldPath, "--org", org.ToString());
            Assert.True(import.ExitCode == 0, import.Error);
            var deployer = await SystemAsync(owner, api, "AI-02");
            Assert.Equal(["ai-user"], Roles(deployer));
            Assert.Equal("distributor", EuRole(deployer));

            var refused = CliRun.Of("gap", "--org", invalidPath, "--target", "iso42001-2023");
            Assert.Equal(1, refused.ExitCode);
            Assert.Single(refused.Error.TrimEnd().Split('\n'));
            Assert.Contains("'seller' is not an AI role; allowed:", refused.Error, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_page_form_registers_several_roles_and_an_eu_ai_act_role(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var owner = await host.SignedInAsync("owner@a.example");
        var list = $"/orgs/{host.OrganizationA}/ai-systems";

        var html = await owner.GetStringAsync(new Uri(list, UriKind.Relative));
        Assert.Contains("<optgroup label=\"AI partner\">", html, StringComparison.Ordinal);
        var register = FormFields(html, $"action=\"{list}/register\"");
        Assert.Equal(["ai-user"], register.Where(f => f.Key == "roles").Select(f => f.Value));
        Set(register, "key", "AI-70");
        Set(register, "name", "Claims triage");
        Set(register, "roles", "ai-developer");
        register.Add(new("roles", "data-provider"));
        Set(register, "euAiActRole", "importer");
        using var registered = await owner.PostAsync(new Uri($"{list}/register", UriKind.Relative), new FormUrlEncodedContent(register));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var systemPage = registered.Headers.Location!.OriginalString.Split('?')[0];

        var page = WebUtility.HtmlDecode(await owner.GetStringAsync(new Uri(systemPage, UriKind.Relative)));
        Assert.Contains("AI developer (AI producer), data provider (AI partner)", page, StringComparison.Ordinal);
        Assert.Contains("<dt>EU AI Act role</dt><dd>importer</dd>", page, StringComparison.Ordinal);

        // The edit form shows what is stored, so saving it unchanged keeps both roles.
        var edit = FormFields(await owner.GetStringAsync(new Uri(systemPage, UriKind.Relative)), $"action=\"{systemPage}/edit\"");
        Assert.Equal(["ai-developer", "data-provider"], edit.Where(f => f.Key == "roles").Select(f => f.Value));
        Assert.Equal(["importer"], edit.Where(f => f.Key == "euAiActRole").Select(f => f.Value));

        // A role the form never offers (a hand-made post) is refused with the allowed values, nothing registered,
        // and the form comes back with what was typed (the valid role and the Act role still chosen).
        Set(register, "key", "AI-71");
        Set(register, "roles", "seller");
        using var refused = await owner.PostAsync(new Uri($"{list}/register", UriKind.Relative), new FormUrlEncodedContent(register));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await refused.Content.ReadAsStringAsync();
        Assert.Contains("is not an AI role; allowed:", WebUtility.HtmlDecode(again), StringComparison.Ordinal);
        var kept = FormFields(again, $"action=\"{list}/register\"");
        Assert.Equal("AI-71", kept.Single(k => k.Key == "key").Value);
        Assert.Equal("Claims triage", kept.Single(k => k.Key == "name").Value);
        Assert.Equal("importer", kept.Single(k => k.Key == "euAiActRole").Value);
        Assert.Equal(["data-provider"], kept.Where(f => f.Key == "roles").Select(f => f.Value));
        Assert.DoesNotContain("AI-71", await owner.GetStringAsync(new Uri(list, UriKind.Relative)), StringComparison.Ordinal);

        // The same on the edit form: a refused change keeps the typed values and the version it was based on.
        Set(edit, "name", "Claims triage v2");
        Set(edit, "euAiActRole", "emperor");
        using var refusedEdit = await owner.PostAsync(new Uri($"{systemPage}/edit", UriKind.Relative), new FormUrlEncodedContent(edit));
        Assert.Equal(HttpStatusCode.BadRequest, refusedEdit.StatusCode);
        var editAgain = await refusedEdit.Content.ReadAsStringAsync();
        Assert.Contains("is not an EU AI Act role", WebUtility.HtmlDecode(editAgain), StringComparison.Ordinal);
        var keptEdit = FormFields(editAgain, $"action=\"{systemPage}/edit\"");
        Assert.Equal("Claims triage v2", keptEdit.Single(f => f.Key == "name").Value);
        Assert.Equal(edit.Single(f => f.Key == "version").Value, keptEdit.Single(f => f.Key == "version").Value);
        Assert.Equal(["ai-developer", "data-provider"], keptEdit.Where(f => f.Key == "roles").Select(f => f.Value));
    }
}
