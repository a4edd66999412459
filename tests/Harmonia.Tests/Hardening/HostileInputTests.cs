using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Hardening;

/// <summary>
/// Issue 20, item 1: a deeply nested or alias-laden document used to crash or pin the server for every tenant.
/// Every structured text entry point now refuses it with a clear error, quickly, and changes nothing.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly string DeepAnswers = "{\"answers\": " + new string('[', 50_000) + new string(']', 50_000) + "}";

    // Anchors reused as mapping keys: each level multiplies the hashing work (the 672-byte request of the probe).
    private static readonly string AliasKeys = "a0: &a0 x\n" + string.Join(
        "\n",
        Enumerable.Range(1, 12).Select(level => $"a{level}: &a{level} {{" + string.Join(", ", Enumerable.Range(0, 10).Select(i => $"? *a{level - 1} : {i}")) + "}"));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deep_nesting_aliases_oversize_and_invalid_utf8_are_refused_by_the_api_and_change_nothing(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var answersBefore = await owner.GetStringAsync(new Uri($"{api}/answers", UriKind.Relative));
        var exportBefore = await owner.GetStringAsync(new Uri($"{api}/export", UriKind.Relative));

        var clock = Stopwatch.StartNew();
        await AssertProblemAsync(await owner.PutAsync(new Uri($"{api}/answers", UriKind.Relative), Body(DeepAnswers, "application/json")), HttpStatusCode.BadRequest, "nested deeper than 32 levels");
        await AssertProblemAsync(await owner.PutAsync(new Uri($"{api}/answers", UriKind.Relative), Body(AliasKeys, "application/json")), HttpStatusCode.BadRequest, "anchors (&name) are not allowed");
        await AssertProblemAsync(await owner.PostAsync(new Uri($"{api}/import", UriKind.Relative), Body("organization:\n  name: " + DeepAnswers, "application/yaml")), HttpStatusCode.BadRequest, "nested deeper than 32 levels");
        await AssertProblemAsync(await owner.PostAsync(new Uri($"{api}/import", UriKind.Relative), Body(AliasKeys, "application/yaml")), HttpStatusCode.BadRequest, "anchors (&name) are not allowed");
        await AssertProblemAsync(await owner.PutAsync(new Uri($"{api}/answers", UriKind.Relative), Body("{\"answers\": {\"org.short_name\": \"" + new string('x', 3 * 1024 * 1024) + "\"}}", "application/json")), HttpStatusCode.RequestEntityTooLarge, "larger than the limit of 2 MB");
        using (var invalid = new ByteArrayContent([.. Encoding.UTF8.GetBytes("{\"answers\": {\"org.short_name\": \"Ac"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("me\"}}")]))
        {
            invalid.Headers.ContentType = new("application/json");
            await AssertProblemAsync(await owner.PutAsync(new Uri($"{api}/answers", UriKind.Relative), invalid), HttpStatusCode.BadRequest, "not valid UTF-8");
        }

        // Refusals come from a walk over parser events that stops at the limit, so they take milliseconds, not minutes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), clock.Elapsed.ToString());
        Assert.Equal(answersBefore, await owner.GetStringAsync(new Uri($"{api}/answers", UriKind.Relative)));
        Assert.Equal(exportBefore, await owner.GetStringAsync(new Uri($"{api}/export", UriKind.Relative)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Answers_out_of_type_or_range_are_refused_before_they_can_poison_generation(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var acme = Harmonia.Tests.Documents.DocumentControlTests.AcmeAnswersJson();
        using (var saved = await owner.PutAsync(new Uri($"{api}/answers", UriKind.Relative), Body(acme, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var before = await owner.GetStringAsync(new Uri($"{api}/answers", UriKind.Relative));
        foreach (var (key, value, expected) in new[]
        {
            ("review.documents_months", "1e300", "takes a number from 1 to 60"),
            ("review.risks_months", "1000000", "takes a number from 1 to 60"),
            ("backup.rto_hours", "-1", "takes a number from 0 to 8760"),
            ("org.short_name", "\"Acme\\u0007\"", "control character"),
            ("org.sector", $"\"{new string('w', 4000)}\"", "a word of more than 200 characters"),
            ("org.locations", "[[\"Berlin\"]]", "a list of plain values"),
            ("org.locations", "[" + string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"Site {i}\"")) + "]", "at most 100 entries"),
        })
        {
            var answers = System.Text.Json.Nodes.JsonNode.Parse(acme)!;
            answers["answers"]![key] = "PLACEHOLDER";
            var body = answers.ToJsonString().Replace("\"PLACEHOLDER\"", value, StringComparison.Ordinal);
            using var refused = await owner.PutAsync(new Uri($"{api}/answers", UriKind.Relative), Body(body, "application/json"));
            var text = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{key}={value[..Math.Min(40, value.Length)]}: {refused.StatusCode} {text[..Math.Min(300, text.Length)]}");
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        // A mapping as a key (valid YAML, which the body is read as) used to fail with a 500.
        using (var oddKey = await owner.PutAsync(new Uri($"{api}/answers", UriKind.Relative), Body("{\"answers\": {[1, 2]: \"x\"}}", "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, oddKey.StatusCode);
            Assert.Contains("must be plain text", await oddKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await owner.GetStringAsync(new Uri($"{api}/answers", UriKind.Relative)));
    }

    [Fact]
    public async Task The_import_page_and_the_cli_refuse_the_same_files_with_a_readable_message()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var browser = await host.SignedInAsync("owner@a.example");
        var page = $"/orgs/{host.OrganizationA}/import";
        var hidden = ApiHost.HiddenFields(await browser.GetStringAsync(new Uri(page, UriKind.Relative)));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(hidden["__RequestVerificationToken"]), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("organization:\n  name: " + DeepAnswers)), "file", "deep.yaml" },
        };
        using (var posted = await browser.PostAsync(new Uri(page, UriKind.Relative), form))
        {
            Assert.Contains("nested deeper than 32 levels", await browser.OutcomeAsync(posted), StringComparison.Ordinal);
        }

        var path = Path.Combine(Path.GetTempPath(), $"harmonia-hostile-{Guid.NewGuid():N}.yaml");
        try
        {
            await File.WriteAllTextAsync(path, AliasKeys);
            var gap = CliRun.Of("gap", "--org", path, "--target", "iso42001-2023");
            Assert.Equal(1, gap.ExitCode);
            Assert.Contains("anchors (&name) are not allowed", gap.Error, StringComparison.Ordinal);

            await File.WriteAllTextAsync(path, "answers: " + DeepAnswers[12..^1]);
            var import = await CliRun.OnAsync(host.Database, "org", "import", path, "--org", host.OrganizationA.ToString());
            Assert.Equal(1, import.ExitCode);
            Assert.Contains("nested deeper than 32 levels", import.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Keys_with_separators_are_refused_so_one_reference_cannot_become_two()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        foreach (var (path, body) in new[]
        {
            ("controls", """{"key":"C-1, C-2","name":"Split","status":"planned","requirements":[]}"""),
            ("risks", """{"key":"R 1","title":"Spaced","categories":["privacy"],"riskSources":[],"aiSystems":[],"inherentLikelihood":2,"inherentImpact":2,"treatment":"accept","controls":[],"residualLikelihood":2,"residualImpact":2}"""),
            ("audits", """{"key":"IA/2026","title":"Slashed","plannedOn":"2027-01-10","auditor":"Ext","frameworks":["iso27001-2022"]}"""),
        })
        {
            using var refused = await contributor.PostAsync(new Uri($"{api}/{path}", UriKind.Relative), Body(body, "application/json"));
            var text = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{path}: {refused.StatusCode} {text}");
            Assert.Contains("no spaces or commas", text, StringComparison.Ordinal);
        }

        var file = Assert.Throws<ContentValidationException>(() => OrganizationFileReader.Read("split.yaml", "organization:\n  name: Split\ncontrols:\n  - id: C-1,C-2\n    name: Two in one\n    status: planned\n", LoadedContent.Shipped.Catalog));
        Assert.Contains("control 'C-1,C-2': A key of 1 to 64", file.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Node_count_and_time_budgets_are_enforced_and_a_cancelled_read_stops()
    {
        var catalog = LoadedContent.Shipped.Catalog;
        var many = "organization:\n  name: Many\ncontrols:\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"  - id: C-{i}\n    name: Control {i}\n    status: planned\n"));

        var tooMany = Assert.Throws<ContentValidationException>(() => OrganizationFileReader.Read("many.yaml", many, catalog, InputLimits.Default with { MaxNodes = 500 }));
        Assert.Contains("more than 500 values", tooMany.Message, StringComparison.Ordinal);

        var tooSlow = Assert.Throws<ContentValidationException>(() => OrganizationFileReader.Read("many.yaml", many, catalog, InputLimits.Default with { MaxParseTime = TimeSpan.Zero }));
        Assert.Contains("took longer than", tooSlow.Message, StringComparison.Ordinal);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => OrganizationFileReader.Read("many.yaml", many, catalog, null, cancelled.Token));

        // The same file within the limits still reads.
        Assert.Equal(200, OrganizationFileReader.Read("many.yaml", many, catalog).Controls.Count);
    }

    private static StringContent Body(string text, string mediaType) => new(text, Encoding.UTF8, mediaType);

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string expected)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(expected, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}
