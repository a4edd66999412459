// Compiled at test time, not with the test project: GeneratedClientTests copies this file next to the client that
// Kiota generated from the live server's /openapi/v1.json and runs it against that server.
// Arguments: <base url> <token> <organization id> <path of the OpenAPI document>. Exit 0 when every step passed.
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Harmonia.Client;
using Harmonia.Client.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;

var (baseUrl, token, organization, documentPath) = (args[0], args[1], Guid.Parse(args[2]), args[3]);
var checker = new DocumentChecker(JsonDocument.Parse(File.ReadAllText(documentPath)), new HttpClientHandler());
using var http = new HttpClient(checker) { BaseAddress = new Uri(baseUrl) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
var client = new HarmoniaClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = baseUrl });
var org = client.Api.Orgs[organization];

try
{
    // 1. A control.
    var control = await org.Controls.PostAsync(new ControlInput
    {
        Key = "GEN-1",
        Name = "Generated client control",
        Owner = "CISO",
        Status = "planned",
        Requirements = ["iso27001-2022:5.2"],
    });
    await checker.ModelMatchesAsync(control);
    Check(control is { Id: not null, Key: "GEN-1", Status: "planned", Version: > 0 }, $"created control: {Describe(control)}");
    Console.WriteLine($"ok: control {control!.Key} created ({control.Id})");

    // Replaced with If-Match naming the version read (the generated client sends headers as any other).
    control = await org.Controls[control.Id!.Value].PutAsync(
        new ControlInput { Key = "GEN-1", Name = "Generated client control, renamed", Owner = "CISO", Status = "planned", Requirements = ["iso27001-2022:5.2"] },
        c => c.Headers.Add("If-Match", $"\"{control.Version}\""));
    await checker.ModelMatchesAsync(control);
    Check(control is { Name: "Generated client control, renamed", Version: 2 }, $"replaced control: {Describe(control)}");

    // 2. A file as evidence of it (multipart), with the hash the server must confirm.
    var bytes = "access review minutes, signed\n"u8.ToArray();
    var upload = new MultipartBody();
    upload.AddOrReplacePart("file", "text/plain", bytes, "minutes.txt");
    upload.AddOrReplacePart("title", "text/plain", "Access review minutes");
    upload.AddOrReplacePart("effectiveOn", "text/plain", "2026-04-01");
    upload.AddOrReplacePart("note", "text/plain", "Uploaded by the generated client");
    upload.AddOrReplacePart("sha256", "text/plain", Convert.ToHexStringLower(SHA256.HashData(bytes)));
    var evidence = await org.Controls[control.Id!.Value].Evidence.Upload.PostAsync(upload);
    await checker.ModelMatchesAsync(evidence);
    Check(evidence is { Id: not null, Title: "Access review minutes" } && evidence.ControlId == control.Id, $"uploaded evidence: {Describe(evidence)}");
    Check(evidence!.Versions is [{ Number: 1, FileName: "minutes.txt" } version] && version.SizeBytes == bytes.Length
        && version.EffectiveOn is { Year: 2026, Month: 4, Day: 1 }, $"the uploaded version: {Describe(evidence.Versions)}");
    Console.WriteLine($"ok: evidence {evidence.Id} uploaded ({bytes.Length} bytes)");

    // 3. The gap report, whole and filtered.
    var report = await org.Gap["iso27001-2022"].GetAsync();
    await checker.ModelMatchesAsync(report);
    Check(report is { Target.Id: "iso27001-2022", Requirements.Count: > 0, Headline.Overall.Total: > 0 } && report.Headline.Overall.Total == report.Requirements.Count,
        $"gap report: {report?.Requirements?.Count} rows, overall {report?.Headline?.Overall?.Total}");
    var row = report!.Requirements!.Single(r => r.Id == "iso27001-2022:5.2");
    Check(row.Controls?.Any(c => c.Id == "GEN-1") == true, $"5.2 names the new control: {Describe(row)}");
    var open = await org.Gap["iso27001-2022"].GetAsync(q => q.QueryParameters.Result = "open");
    await checker.ModelMatchesAsync(open);
    Check(open!.Requirements!.All(r => r.Result == "open") && open.Requirements!.Count < report.Requirements.Count, "the result=open filter");
    Console.WriteLine($"ok: gap report with {report.Requirements.Count} requirements, {open.Requirements.Count} open");

    // 4. A few risks, then every page of the register.
    var created = new List<string>();
    for (var i = 1; i <= 5; i++)
    {
        var risk = await org.Risks.PostAsync(new RiskInput
        {
            Key = $"GEN-R{i}",
            Title = $"Generated client risk {i}",
            Categories = ["robustness"],
            RiskSources = [],
            AiSystems = [],
            Controls = [],
            InherentLikelihood = 2,
            InherentImpact = 3,
            Treatment = "accept",
            ResidualLikelihood = 2,
            ResidualImpact = 3,
        });
        await checker.ModelMatchesAsync(risk);
        Check(risk is { Key: not null, InherentLikelihood: 2, ResidualImpact: 3 } && risk.Key == $"GEN-R{i}", $"created risk: {Describe(risk)}");
        created.Add(risk!.Key!);
    }

    var seen = new List<string>();
    int? total = null, pages = null;
    for (var page = 1; pages is null || page <= pages; page++)
    {
        var register = await org.Risks.GetAsync(q => { q.QueryParameters.Page = page; q.QueryParameters.PageSize = 2; q.QueryParameters.Sort = "key"; });
        await checker.ModelMatchesAsync(register);
        Check(register?.Page is { PageNumber: var n, PageSize: 2, Items.Count: > 0 and <= 2 } && n == page, $"page {page}: {Describe(register?.Page)}");
        Check(total is null || (register!.Page!.Total == total && register.Page.Pages == pages), $"page {page} changed the total");
        (total, pages) = (register!.Page!.Total, register.Page.Pages);
        seen.AddRange(register.Page.Items!.Select(r => r.Key!));
        Check(page < 50, "more than 50 pages");
    }

    Check(seen.Count == total && seen.Distinct().Count() == total, $"{seen.Count} risks seen over {pages} pages, total {total}");
    Check(created.All(seen.Contains), "every created risk is on a page");
    Check(seen.SequenceEqual(seen.Order(StringComparer.Ordinal)), "sorted by key");
    Console.WriteLine($"ok: {total} risks over {pages} pages of 2");
    Console.WriteLine($"scenario passed: {checker.Calls} calls, each answered with a documented status and content type and a body that round-trips through the generated model");
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"scenario failed: {e.GetType().Name}: {e.Message}");
    if (e is ApiException api)
    {
        Console.Error.WriteLine($"status {api.ResponseStatusCode}; last body: {checker.LastBody}");
    }

    Console.Error.WriteLine(e.StackTrace);
    return 1;
}

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("not as expected: " + what);
    }
}

static string Describe(object? value) => value is null ? "null" : JsonSerializer.Serialize(value, value.GetType());

/// <summary>
/// Sits under the generated client: every response must have a status code and content type that the document lists
/// for the operation called; and every JSON body must round-trip through the generated model with nothing lost or
/// left over (an undocumented property lands in AdditionalData, a wrongly typed one deserializes as null).
/// </summary>
internal sealed class DocumentChecker(JsonDocument document, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly List<(Regex Path, JsonElement Item)> _paths = [.. document.RootElement.GetProperty("paths").EnumerateObject()
        .Select(p => (new Regex("^" + Regex.Replace(Regex.Escape(p.Name), @"\\\{[^}]+}", "[^/]+") + "$"), p.Value))];

    public int Calls { get; private set; }

    public string? LastBody { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        LastBody = await response.Content.ReadAsStringAsync(cancellationToken);
        Calls++;
        var path = request.RequestUri!.AbsolutePath;
        var matches = _paths.Where(p => p.Path.IsMatch(path)).ToList();
        var operations = matches.Select(m => m.Item.TryGetProperty(request.Method.Method.ToLowerInvariant(), out var o) ? o : (JsonElement?)null).Where(o => o is not null).ToList();
        if (operations.Count == 0)
        {
            throw new InvalidOperationException($"{request.Method} {path} is not in the document.");
        }

        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var responses = operations[0]!.Value.GetProperty("responses");
        if (!responses.TryGetProperty(status, out var described))
        {
            throw new InvalidOperationException($"{request.Method} {path} answered {status}, which the document does not list ({string.Join(", ", responses.EnumerateObject().Select(r => r.Name))}): {LastBody}");
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (LastBody.Length > 0 && (!described.TryGetProperty("content", out var content) || mediaType is null || !content.TryGetProperty(mediaType, out _)))
        {
            throw new InvalidOperationException($"{request.Method} {path} answered {status} as {mediaType}, which the document does not list for it.");
        }

        return response;
    }

    /// <summary>The last body against the model the generated client made of it.</summary>
    public async Task ModelMatchesAsync<T>(T? model)
        where T : IParsable
    {
        if (model is null)
        {
            throw new InvalidOperationException("The generated client returned no model.");
        }

        LeftOver(model, "$");
        using var original = JsonDocument.Parse(LastBody!);
        using var again = JsonDocument.Parse(await KiotaJsonSerializer.SerializeAsStringAsync(model));
        Same(original.RootElement, again.RootElement, "$");
    }

    /// <summary>Properties the document does not describe end up in AdditionalData.</summary>
    private static void LeftOver(object value, string where)
    {
        if (value is IAdditionalDataHolder holder && holder.AdditionalData.Count > 0)
        {
            throw new InvalidOperationException($"{where} ({value.GetType().Name}) has properties the document does not describe: {string.Join(", ", holder.AdditionalData.Keys)}");
        }

        foreach (var property in value.GetType().GetProperties().Where(p => p.Name != nameof(IAdditionalDataHolder.AdditionalData) && p.GetIndexParameters().Length == 0))
        {
            switch (property.GetValue(value))
            {
                case IParsable child:
                    LeftOver(child, where + "." + property.Name);
                    break;
                case System.Collections.IEnumerable items and not string:
                    var i = 0;
                    foreach (var item in items.OfType<IParsable>())
                    {
                        LeftOver(item, $"{where}.{property.Name}[{i++}]");
                    }

                    break;
            }
        }
    }

    /// <summary>Every value the server sent is in the model, with the same meaning.</summary>
    private static void Same(JsonElement sent, JsonElement kept, string where)
    {
        var equal = sent.ValueKind switch
        {
            JsonValueKind.Object => kept.ValueKind == JsonValueKind.Object,
            JsonValueKind.Array => kept.ValueKind == JsonValueKind.Array && kept.GetArrayLength() == sent.GetArrayLength(),
            JsonValueKind.Number => kept.ValueKind == JsonValueKind.Number && kept.GetDecimal() == sent.GetDecimal(),
            JsonValueKind.String => kept.ValueKind == JsonValueKind.String && (kept.GetString() == sent.GetString()
                || (DateTimeOffset.TryParse(sent.GetString(), CultureInfo.InvariantCulture, out var a) && DateTimeOffset.TryParse(kept.GetString(), CultureInfo.InvariantCulture, out var b) && a == b)
                || (Guid.TryParse(sent.GetString(), out var g) && Guid.TryParse(kept.GetString(), out var h) && g == h)),
            JsonValueKind.Null => kept.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined,
            _ => kept.ValueKind == sent.ValueKind,
        };
        if (!equal)
        {
            throw new InvalidOperationException($"{where}: the server sent {sent.GetRawText()}, the generated model kept {(kept.ValueKind == JsonValueKind.Undefined ? "nothing" : kept.GetRawText())}");
        }

        if (sent.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in sent.EnumerateObject())
            {
                Same(property.Value, kept.TryGetProperty(property.Name, out var k) ? k : default, where + "." + property.Name);
            }
        }
        else if (sent.ValueKind == JsonValueKind.Array)
        {
            foreach (var (s, k) in sent.EnumerateArray().Zip(kept.EnumerateArray()))
            {
                Same(s, k, where + "[]");
            }
        }
    }
}
