using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CsCheck;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Harmonia.Tests.Hardening.Fuzz;

/// <summary>
/// Issue 20, item 1, over HTTP: a few hundred mutated and generated bodies to every endpoint that parses a file or a
/// body (organization import, answers, AI evidence import, the risk methodology, risks, evidence uploads) on the real
/// app and database. No answer may be a 5xx, no request may outlive its deadline, and the app still serves afterwards.
/// </summary>
[Collection(FuzzRunsAlone.Name)]
public sealed class ApiFuzzTests(ITestOutputHelper output)
{
    private const int ImportCases = 100;
    private const int AnswersCases = 150;
    private const int AiEvidenceCases = 100;
    private const int JsonBodyCases = 60;
    private const int UploadCases = 60;

    [Fact]
    public async Task Bodies_mutated_or_generated_never_answer_500_over_the_api()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);

        await FuzzAsync("POST /import (organization file)", owner, ImporterFuzzTests.OrganizationFiles, ImportCases, bytes => Send(HttpMethod.Post, $"{api}/import", bytes, "application/yaml"));
        await FuzzAsync("PUT /answers", owner, ImporterFuzzTests.AnswerFiles, AnswersCases, bytes => Send(HttpMethod.Put, $"{api}/answers", bytes, "application/json"));
        await FuzzAsync("POST /ai-evidence/import", owner, Gen.Select(ImporterFuzzTests.AiEvidenceFiles, Gen.Bool, (bytes, json) => (bytes, json)), AiEvidenceCases, c => Send(HttpMethod.Post, $"{api}/ai-evidence/import", c.bytes, c.json ? "application/json" : "text/csv"));

        // The body is the methodology; the GET answer around it (version and methodology) is a wrong shape worth sending too.
        var current = await owner.GetStringAsync(new Uri($"{api}/risk-methodology", UriKind.Relative));
        var methodology = Indented(JsonDocument.Parse(current).RootElement.GetProperty("methodology").GetRawText());
        await FuzzAsync("PUT /risk-methodology (JSON)", owner, FuzzInputs.Mutations([methodology, methodology, Indented(current)]), JsonBodyCases, bytes => Send(HttpMethod.Put, $"{api}/risk-methodology", bytes, "application/json"));

        var risk = Indented("""{"key":"R-FUZZ","title":"Fuzzed risk","description":"From the fuzz suite","categories":["robustness"],"riskSources":[],"assets":"RiskLens","aiSystems":["AI-02"],"inherentLikelihood":2,"inherentImpact":3,"treatment":"mitigate","controls":["C-01"],"residualLikelihood":1,"residualImpact":2,"owner":"CISO","dueOn":"2026-12-31","reviewOn":"2027-01-31"}""");
        await FuzzAsync("POST /risks (JSON)", owner, FuzzInputs.Mutations([risk]), JsonBodyCases, bytes => Send(HttpMethod.Post, $"{api}/risks", bytes, "application/json"));

        var control = await host.NewControlAsync(host.OrganizationA);
        await FuzzAsync("POST /controls/{id}/evidence/upload (multipart)", owner, FuzzInputs.UploadFiles, UploadCases, file =>
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent("Fuzzed evidence"), "title" },
                { new StringContent("2026-04-01"), "effectiveOn" },
            };
            var content = new ByteArrayContent(file.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "file", file.Name);
            return new HttpRequestMessage(HttpMethod.Post, $"{api}/controls/{control}/evidence/upload") { Content = form };
        });

        // Still serving after all of it.
        using var health = await owner.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var answers = await owner.GetAsync(new Uri($"{api}/answers", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, answers.StatusCode);
    }

    private async Task FuzzAsync<T>(string entry, HttpClient client, Gen<T> inputs, int cases, Func<T, HttpRequestMessage> request)
    {
        var run = new FuzzRun($"API {entry} (SQLite)", output);
        try
        {
            await inputs.SampleAsync(
                input => run.CaseAsync(
                    async ct =>
                    {
                        using var message = request(input);
                        using var response = await client.SendAsync(message, ct);
                        if ((int)response.StatusCode >= 500)
                        {
                            throw new FuzzRun.ServerErrorException($"{entry} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)} Input: {Describe(input)}");
                        }

                        return response.IsSuccessStatusCode ? FuzzOutcome.Accepted : FuzzOutcome.Refused;
                    },
                    () => Describe(input)),
                seed: FuzzRun.Seed,
                iter: cases,
                threads: 1,
                print: Describe);
        }
        finally
        {
            run.Finish();
        }

        Assert.Equal(cases, run.Cases);
    }

    private static HttpRequestMessage Send(HttpMethod method, string path, byte[] body, string mediaType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return new HttpRequestMessage(method, path) { Content = content };
    }

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    private static string Indented(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, IndentedJson);

    private static string Describe<T>(T input) => input switch
    {
        byte[] bytes => FuzzRun.Show(bytes),
        ValueTuple<byte[], bool> c => (c.Item2 ? "json: " : "csv: ") + FuzzRun.Show(c.Item1),
        ValueTuple<byte[], string> f => $"{f.Item2}: {Convert.ToBase64String(f.Item1.AsSpan(0, Math.Min(200, f.Item1.Length)))}",
        _ => input?.ToString() ?? string.Empty,
    };
}
