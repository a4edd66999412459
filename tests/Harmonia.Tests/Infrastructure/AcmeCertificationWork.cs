using System.Net;
using System.Text;
using System.Text.Json;

namespace Harmonia.Tests.Infrastructure;

/// <summary>
/// The months of work between the acme gap analysis and a certification audit, done through the REST API so a test
/// can start where the internal audit begins: the policy and procedure pack answered, generated, approved by someone
/// other than the author and published; and, for every ISO/IEC 42001 requirement the gap analysis still finds open,
/// an implemented control (one per clause or Annex A objective) with current evidence.
/// </summary>
internal static class AcmeCertificationWork
{
    public static async Task DoAsync(HttpClient contributor, HttpClient owner, string api)
    {
        await Ok(contributor.PutAsync(Url($"{api}/answers"), Json(AcmeAnswersJson())));
        var generated = await Ok(contributor.PostAsync(Url($"{api}/documents/generate"), Json("{}")));
        if (generated.GetProperty("missing").GetArrayLength() > 0)
        {
            throw new InvalidOperationException("acme's answers leave required questions open: " + generated.GetProperty("missing"));
        }

        var documents = await Ok(contributor.GetAsync(Url($"{api}/documents?pageSize=200")));
        foreach (var document in documents.GetProperty("items").EnumerateArray().Where(d => d.GetProperty("documentId").ValueKind == JsonValueKind.String))
        {
            var url = $"{api}/documents/{document.GetProperty("documentId").GetString()}";
            await NoContent(contributor.PostAsync(Url(url + "/submit"), Json("""{"change":"material"}""")));
            await NoContent(owner.PostAsync(Url(url + "/approve"), null));
            await NoContent(owner.PostAsync(Url(url + "/publish"), null));
        }

        var gap = await Ok(contributor.GetAsync(Url($"{api}/gap/iso42001-2023?format=json")));
        var open = gap.GetProperty("requirements").EnumerateArray()
            .Where(r => r.GetProperty("result").GetString() is not ("satisfied" or "not_applicable"))
            .Select(r => r.GetProperty("id").GetString()!)
            .GroupBy(Area)
            .ToArray();
        foreach (var area in open)
        {
            var key = "C-AIMS-" + area.Key.Replace(".", string.Empty, StringComparison.Ordinal);
            var control = await Ok(contributor.PostAsync(Url($"{api}/controls"), Json(JsonSerializer.Serialize(new
            {
                key,
                name = $"AI management: {(area.Key.StartsWith('A') ? "Annex A objective " : "clause ")}{area.Key}",
                owner = "AI Governance Lead",
                status = "implemented",
                requirements = area.ToArray(),
            }))), HttpStatusCode.Created);
            await Ok(contributor.PostAsync(Url($"{api}/controls/{control.GetProperty("id").GetString()}/evidence"), Json(JsonSerializer.Serialize(new
            {
                title = $"{key} operating records",
                url = $"https://intranet.acme.example/aims/{key}",
                effectiveOn = DateTime.UtcNow.AddDays(-20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                expiresOn = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }))), HttpStatusCode.Created);
        }
    }

    /// <summary>Clause 4 to 10, or the Annex A objective (A.5, A.6, ...).</summary>
    private static string Area(string requirementId)
    {
        var reference = requirementId[(requirementId.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var parts = reference.Split('.');
        return parts[0] == "A" ? "A." + parts[1] : parts[0];
    }

    private static string AcmeAnswersJson()
    {
        var yaml = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<Dictionary<string, Dictionary<string, object>>>(
            File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "acme-answers.yaml")));
        return JsonSerializer.Serialize(new { answers = yaml["answers"] });
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task NoContent(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
