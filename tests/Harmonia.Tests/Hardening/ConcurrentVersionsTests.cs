using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Harmonia.Tests.Hardening;

/// <summary>
/// Issue 20, item 3: use cases that number the next version from the latest one (evidence versions, document
/// revisions) read and write under the organization's write lock. Before, writers posting at the same moment all read
/// version n and all wrote n + 1: every one but the first answered 500. Now none does, the numbers count up without a
/// gap or a duplicate, every acknowledged version is there and the audit trail verifies.
/// </summary>
public sealed class ConcurrentVersionsTests(ITestOutputHelper output)
{
    private const int Writers = 24;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_new_versions_of_one_evidence_item_are_numbered_without_gap_or_500(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var client = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var evidence = await host.NewEvidenceAsync(host.OrganizationA, await host.NewControlAsync(host.OrganizationA));
        var statuses = new ConcurrentBag<(int Writer, int Status, string Body)>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Half post a link version, half upload a file version: both paths number under the lock.
        var writers = Enumerable.Range(1, Writers).Select(w => Task.Run(async () =>
        {
            await start.Task;
            HttpContent body = w % 2 == 0
                ? Json($$"""{"url":"https://example.org/review/{{w}}","note":"version by writer {{w}}","effectiveOn":"2026-04-01"}""")
                : new MultipartFormDataContent
                {
                    { new StringContent($"version by writer {w}"), "note" },
                    { new StringContent("2026-04-01"), "effectiveOn" },
                    { new ByteArrayContent(Encoding.UTF8.GetBytes($"review minutes of writer {w}\n")), "file", $"minutes-{w}.txt" },
                };
            using (body)
            using (var response = await client.PostAsync(Url($"{api}/evidence/{evidence}/versions{(w % 2 == 0 ? string.Empty : "/upload")}"), body))
            {
                statuses.Add((w, (int)response.StatusCode, await response.Content.ReadAsStringAsync()));
            }
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(writers);

        output.WriteLine($"{provider}: {statuses.Count} versions posted by {Writers} writers at once, {statuses.Count(s => s.Status == 201)} answered 201, {statuses.Count(s => s.Status >= 500)} answered 5xx.");
        var failed = statuses.Where(s => s.Status != (int)HttpStatusCode.Created).ToArray();
        Assert.True(failed.Length == 0, string.Join("\n", failed.Select(f => $"writer {f.Writer}: {f.Status} {f.Body}")));

        var versions = (await ReadAsync(await client.GetAsync(Url($"{api}/evidence/{evidence}")))).GetProperty("versions").EnumerateArray()
            .Select(v => (Number: v.GetProperty("number").GetInt32(), Note: v.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null))
            .ToArray();
        Assert.Equal(Enumerable.Range(1, Writers + 1), versions.Select(v => v.Number).Order());
        foreach (var w in Enumerable.Range(1, Writers))
        {
            Assert.Single(versions, v => v.Note == $"version by writer {w}");
        }

        await AssertTrailVerifiesAsync(owner, api);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_generations_of_one_document_number_its_revisions_without_gap_or_500(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var answers = Documents.DocumentControlTests.AcmeAnswersJson();
        await ReadAsync(await contributor.PutAsync(Url($"{api}/answers"), Json(answers)));
        var codes = new ConcurrentBag<int>();
        string? document = null;

        // Round 0 creates the document (both writers used to insert it); each later round follows a publication, so every
        // generation reads the published revision n as the latest and wants to write n + 1.
        const int Rounds = 4;
        for (var round = 0; round < Rounds; round++)
        {
            if (round > 0)
            {
                var changed = answers.Replace("Dr. Tom\\u00E1s Alves", $"Dr. Round {round}", StringComparison.Ordinal).Replace("Dr. Tomás Alves", $"Dr. Round {round}", StringComparison.Ordinal);
                Assert.NotEqual(answers, changed);
                await ReadAsync(await contributor.PutAsync(Url($"{api}/answers"), Json(changed)));
            }

            var drafts = new ConcurrentBag<int>();
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writers = Enumerable.Range(1, Writers / 2).Select(_ => Task.Run(async () =>
            {
                await start.Task;
                using var response = await contributor.PostAsync(Url($"{api}/documents/generate"), Json("""{"templateIds":["ai-policy"]}"""));
                var body = await response.Content.ReadAsStringAsync();
                codes.Add((int)response.StatusCode);
                Assert.True(response.IsSuccessStatusCode, $"round {round}: {(int)response.StatusCode} {body}");
                drafts.Add(JsonDocument.Parse(body).RootElement.GetProperty("drafts").GetInt32());
            })).ToArray();
            start.SetResult();
            await Task.WhenAll(writers);

            // One generation wrote the new revision; the others found it with the same text.
            Assert.Equal(1, drafts.Sum());
            document ??= (await ReadAsync(await contributor.GetAsync(Url($"{api}/documents")))).GetProperty("items").EnumerateArray()
                .Single(d => d.GetProperty("templateId").GetString() == "ai-policy").GetProperty("documentId").GetString();
            var url = $"{api}/documents/{document}";
            Assert.Equal(HttpStatusCode.NoContent, (await contributor.PostAsync(Url(url + "/submit"), Json("""{"change":"material"}"""))).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(Url(url + "/approve"), null)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await owner.PostAsync(Url(url + "/publish"), null)).StatusCode);
        }

        output.WriteLine($"{provider}: {codes.Count} generations in {Rounds} rounds of {Writers / 2} at once, {codes.Count(c => c >= 500)} answered 5xx.");
        var revisions = (await ReadAsync(await contributor.GetAsync(Url($"{api}/documents/{document}")))).GetProperty("revisions").EnumerateArray()
            .Select(r => (Number: r.GetProperty("number").GetInt32(), Status: r.GetProperty("status").GetString()))
            .ToArray();
        Assert.Equal(Enumerable.Range(1, Rounds), revisions.Select(r => r.Number).Order());
        Assert.Equal("published", revisions.Single(r => r.Number == Rounds).Status);
        Assert.All(revisions.Where(r => r.Number < Rounds), r => Assert.Equal("retired", r.Status));
        await AssertTrailVerifiesAsync(owner, api);
    }

    private static async Task AssertTrailVerifiesAsync(HttpClient owner, string api)
    {
        var verified = await ReadAsync(await owner.GetAsync(Url($"{api}/audit-trail/verify")));
        Assert.True(verified.GetProperty("firstBroken").ValueKind == JsonValueKind.Null, verified.ToString());
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
            return JsonDocument.Parse(body).RootElement.Clone();
        }
    }
}
