using System.Net;
using System.Text.Json.Nodes;
using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Catalogs;
using Harmonia.App.Features.Interop;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Interop;

/// <summary>Issue 16, item 4 (first part): both catalogs and the crosswalks as OSCAL documents, each valid against the official schema.</summary>
public sealed class OscalExportTests
{
    private static readonly LoadedContent Content = LoadedContent.Shipped;

    private static readonly string[] Relationships = ["equal-to", "subset-of", "superset-of", "intersects-with"];

    private static JsonObject Catalog(string framework) => new ExportOscalCatalogHandler(Content, TimeProvider.System).Handle(framework);

    private static JsonObject Mapping(string from, string to) =>
        new ExportOscalMappingHandler(new ShowCrosswalkHandler(Content), Content, TimeProvider.System).Handle(from, to);

    private static IEnumerable<JsonObject> Descendants(JsonNode? node, string key) => node switch
    {
        JsonObject o => (o[key] is JsonArray items ? items.OfType<JsonObject>() : []).Concat(o.SelectMany(p => Descendants(p.Value, key))),
        JsonArray a => a.SelectMany(i => Descendants(i, key)),
        _ => [],
    };

    [Fact]
    public void Every_framework_exports_as_a_schema_valid_catalog_with_every_requirement_and_no_standard_text()
    {
        foreach (var framework in Content.Catalog.Frameworks)
        {
            var document = Catalog(framework.Id);
            var json = OscalDocument.Write(document);
            Assert.True(OscalSchemas.Errors("catalog", json) is { Count: 0 }, $"{framework.Id}: {string.Join("\n", OscalSchemas.Errors("catalog", json).Take(10))}");

            var controls = Descendants(document, "controls").Distinct().ToArray();
            Assert.Equal(framework.Requirements.Count, controls.Length);
            var ids = controls.Select(c => c["id"]!.GetValue<string>()).Concat(Descendants(document, "groups").Distinct().Select(g => g["id"]!.GetValue<string>())).ToArray();
            Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());

            // Our summaries as overview, never a "statement" part that would claim to be the standard's text.
            var parts = Descendants(document, "parts").Select(p => p["name"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            Assert.DoesNotContain("statement", parts);
            Assert.Contains("overview", parts);
        }

        // A clause number becomes a token; an Annex A control keeps its number; the label carries the number as printed.
        var iso42001 = Catalog("iso42001-2023");
        var clause = Descendants(iso42001, "controls").First(c => c["id"]!.GetValue<string>() == "clause-6.1.4");
        Assert.Contains(clause["props"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "label" && p["value"]!.GetValue<string>() == "6.1.4");
        Assert.Contains(Descendants(iso42001, "controls"), c => c["id"]!.GetValue<string>() == "A.5.2");

        // The same framework always gets the same UUID; two frameworks never share one.
        Assert.Equal(iso42001["catalog"]!["uuid"]!.GetValue<string>(), Catalog("iso42001-2023")["catalog"]!["uuid"]!.GetValue<string>());
        Assert.NotEqual(iso42001["catalog"]!["uuid"]!.GetValue<string>(), Catalog("iso27001-2022")["catalog"]!["uuid"]!.GetValue<string>());
    }

    [Fact]
    public void The_crosswalks_export_as_schema_valid_mapping_collections_carrying_relationship_strength_and_reasons()
    {
        foreach (var (from, to) in new[] { ("iso27001-2022", "iso42001-2023"), ("iso42001-2023", "iso27001-2022"), ("nist-ai-rmf-1.0", "iso42001-2023"), ("iso42001-2023", "eu-ai-act-2024") })
        {
            var document = Mapping(from, to);
            var json = OscalDocument.Write(document);
            Assert.True(OscalSchemas.Errors("mapping", json) is { Count: 0 }, $"{from}>{to}: {string.Join("\n", OscalSchemas.Errors("mapping", json).Take(10))}");

            var view = new ShowCrosswalkHandler(Content).Handle(new ShowCrosswalkRequest(from, to));
            var maps = document["mapping-collection"]!["mappings"]![0]!["maps"]!.AsArray();
            Assert.Equal(view.Rows.Sum(r => r.Links.Count), maps.Count);
            Assert.Equal(maps.Count, maps.Select(m => m!["uuid"]!.GetValue<string>()).Distinct().Count());
            Assert.All(maps, m => Assert.Contains(m!["relationship"]!.GetValue<string>(), Relationships));
            Assert.All(maps, m => Assert.False(string.IsNullOrWhiteSpace(m!["remarks"]!.GetValue<string>())));

            // The target requirements nothing reaches are the gap, by control id.
            var unmapped = view.Rows.Where(r => r.Links.Count == 0).Select(r => OscalIds.Control(r.Target)).ToArray();
            var gap = document["mapping-collection"]!["mappings"]![0]!["target-gap-summary"]?["unmapped-controls"]?[0]?["with-ids"]?.AsArray().Select(i => i!.GetValue<string>()).ToArray() ?? [];
            Assert.Equal(unmapped, gap);
        }

        // One link looked at closely: strength as a property and as the confidence percentage, the reason as remarks.
        var crosswalk = new ShowCrosswalkHandler(Content).Handle(new ShowCrosswalkRequest("iso27001-2022", "iso42001-2023"));
        var link = crosswalk.Rows.SelectMany(r => r.Links).First();
        var map = Mapping("iso27001-2022", "iso42001-2023")["mapping-collection"]!["mappings"]![0]!["maps"]!.AsArray()
            .Single(m => m!["targets"]![0]!["props"]![0]!["value"]!.GetValue<string>() == link.TargetId && m["sources"]![0]!["props"]![0]!["value"]!.GetValue<string>() == link.SourceId);
        Assert.Equal(link.Strength / 10m, map!["confidence-score"]!["percentage"]!.GetValue<decimal>());
        Assert.Contains(map["props"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "strength" && p["value"]!.GetValue<string>() == link.Strength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(link.Hops[0].Rationale, map["remarks"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_check_fails_a_broken_document()
    {
        var document = Catalog("iso27001-2022");
        document["catalog"]!.AsObject().Remove("metadata");
        Assert.NotEmpty(OscalSchemas.Errors("catalog", OscalDocument.Write(document)));
        var mapping = Mapping("iso27001-2022", "iso42001-2023");
        mapping["mapping-collection"]!["mappings"]![0]!["maps"]![0]!["uuid"] = "not-a-uuid";
        Assert.NotEmpty(OscalSchemas.Errors("mapping", OscalDocument.Write(mapping)));
    }

    [Fact]
    public async Task The_cli_and_the_api_write_the_same_valid_documents_and_refuse_unknown_frameworks()
    {
        var folder = Directory.CreateTempSubdirectory("harmonia-oscal-").FullName;
        try
        {
            var file = Path.Combine(folder, "iso42001.json");
            var written = CliRun.Of("oscal", "export", "--model", "catalog", "--framework", "iso42001-2023", "--out", file);
            Assert.True(written.ExitCode == 0, written.Error);
            Assert.Empty(OscalSchemas.Errors("catalog", await File.ReadAllTextAsync(file)));

            var mapping = CliRun.Of("oscal", "export", "--model", "mapping", "--from", "iso27001-2022", "--to", "iso42001-2023");
            Assert.Equal(0, mapping.ExitCode);
            Assert.Empty(OscalSchemas.Errors("mapping", mapping.Out));

            var missing = CliRun.Of("oscal", "export", "--model", "catalog");
            Assert.Equal((1, true), (missing.ExitCode, missing.Error.Contains("needs --framework", StringComparison.Ordinal)));
            var unknown = CliRun.Of("oscal", "export", "--model", "catalog", "--framework", "iso9001");
            Assert.Equal(1, unknown.ExitCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        using var client = host.Client(host.TokensA[OrganizationRole.Viewer]);
        using var catalog = await client.GetAsync(new Uri("/api/catalog/oscal/catalogs/iso27001-2022", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, catalog.StatusCode);
        Assert.Empty(OscalSchemas.Errors("catalog", await catalog.Content.ReadAsStringAsync()));
        using var crosswalk = await client.GetAsync(new Uri("/api/catalog/oscal/mappings?from=iso27001-2022&to=iso42001-2023", UriKind.Relative));
        Assert.Empty(OscalSchemas.Errors("mapping", await crosswalk.Content.ReadAsStringAsync()));
        using var unknownApi = await client.GetAsync(new Uri("/api/catalog/oscal/catalogs/iso9001", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, unknownApi.StatusCode);
        Assert.Equal("application/problem+json", unknownApi.Content.Headers.ContentType?.MediaType);
        using var anonymous = host.Client(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/catalog/oscal/catalogs/iso27001-2022", UriKind.Relative))).StatusCode);
    }
}
