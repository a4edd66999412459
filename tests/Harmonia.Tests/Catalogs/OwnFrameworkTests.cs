using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Catalogs;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Catalogs;

/// <summary>An organization's own frameworks (ADR 0036): imported from real files, measured by the gap analysis, removed without a trace.</summary>
public sealed class OwnFrameworkTests
{
    private const string Nist = "nist-800-53-low";

    public static string LowCatalog()
    {
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(RepositoryPaths.Reference, "oscal", "NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }

    public static string LowProfile() => File.ReadAllText(Path.Combine(RepositoryPaths.Reference, "oscal", "NIST_SP-800-53_rev5_LOW-baseline_profile.json"));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Nist_800_53_low_imports_from_its_profile_and_receives_a_gap_analysis_through_a_mapping(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);

        var imported = await owner.PostAsync(new Uri($"{api}/frameworks", UriKind.Relative), Upload(LowProfile(), "NIST_SP-800-53_rev5_LOW-baseline_profile.json", ("frameworkId", Nist), ("catalog", LowCatalog())));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        using (var result = JsonDocument.Parse(await imported.Content.ReadAsStringAsync()))
        {
            Assert.Equal(149, result.RootElement.GetProperty("requirements").GetInt32());
            Assert.Equal(18, result.RootElement.GetProperty("headings").GetInt32());
        }

        var catalog = await owner.GetStringAsync(new Uri($"{api}/frameworks", UriKind.Relative));
        Assert.Contains($"\"id\":\"{Nist}\"", catalog, StringComparison.Ordinal);
        Assert.Contains("resolved against", catalog, StringComparison.Ordinal);

        // The organization's A.5.15 access control is satisfied; a mapping written in the product carries it to AC-2.
        await owner.PutAsync(new Uri($"{api}/results/iso27001-2022:A.5.15", UriKind.Relative), Json("""{"result":"satisfied","reason":"Access control policy approved and reviewed."}"""));
        var mapped = await owner.PostAsync(new Uri($"{api}/frameworks/mappings", UriKind.Relative),
            Json($$"""{"sourceId":"iso27001-2022:A.5.15","targetId":"{{Nist}}:ac-2","relationship":"subset","strength":7,"rationale":"Both govern who gets which account."}"""));
        Assert.Equal(HttpStatusCode.NoContent, mapped.StatusCode);

        using var gap = JsonDocument.Parse(await owner.GetStringAsync(new Uri($"{api}/gap/{Nist}", UriKind.Relative)));
        var rows = gap.RootElement.GetProperty("requirements").EnumerateArray().ToArray();
        Assert.Equal(149, rows.Length);
        var ac2 = rows.Single(r => r.GetProperty("id").GetString() == $"{Nist}:ac-2");
        Assert.Equal("partially_satisfied", ac2.GetProperty("result").GetString());
        Assert.Equal("inferred", ac2.GetProperty("basis").GetString());
        Assert.Contains("A.5.15", ac2.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("open", rows.Single(r => r.GetProperty("id").GetString() == $"{Nist}:sc-7").GetProperty("result").GetString());

        // Search finds the imported requirement; another organization sees neither the framework nor the hit.
        var search = await owner.GetStringAsync(new Uri($"{api}/search?q=account+management", UriKind.Relative));
        Assert.Contains("AC-2 Account Management", search, StringComparison.Ordinal);
        using var other = host.Client(host.TokenB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/orgs/{host.OrganizationB}/frameworks/{Nist}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(Nist, await other.GetStringAsync(new Uri($"/api/orgs/{host.OrganizationB}/frameworks", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain("Account Management", await other.GetStringAsync(new Uri($"/api/orgs/{host.OrganizationB}/search?q=account+management", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync(new Uri($"/api/orgs/{host.OrganizationA}/frameworks/{Nist}", UriKind.Relative))).StatusCode);

        // Removal takes the requirements, the mapping and any result with it, through the audit trail.
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(new Uri($"{api}/frameworks/{Nist}", UriKind.Relative))).StatusCode);
        var left = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var db = s.GetRequiredService<HarmoniaDbContext>();
            return (await db.OwnFrameworks.CountAsync(), await db.OwnRequirements.CountAsync(), await db.OwnMappings.CountAsync(),
                await db.RequirementResults.CountAsync(r => r.RequirementId.StartsWith(Nist + ":")),
                await db.AuditEvents.CountAsync(e => e.EntityType == nameof(OwnRequirementRecord) && e.Action == "deleted"));
        });
        Assert.Equal((0, 0, 0, 0, 167), left);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(new Uri($"{api}/frameworks/{Nist}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.GetAsync(new Uri($"{api}/gap/{Nist}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("AC-2 Account Management", await owner.GetStringAsync(new Uri($"{api}/search?q=account+management", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("iso27001-2022", await owner.GetStringAsync(new Uri($"{api}/gap/iso27001-2022", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_keeps_the_included_controls_without_the_excluded_ones_and_with_child_controls_takes_enhancements()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        var profile = """
            {"profile":{"uuid":"11111111-2222-4333-8444-555555555555","metadata":{"title":"Access and awareness","version":"1","oscal-version":"1.1.2"},
             "imports":[{"href":"#catalog","include-controls":[{"with-ids":["ac-2","at-2","ia-2"],"with-child-controls":"yes"},{"with-ids":["au-2"]}],
                         "exclude-controls":[{"with-ids":["ia-2.8","at-2"]}]}]}}
            """;
        var result = await ImportAsync(host, new ImportFrameworkRequest(host.OrganizationA, "small.json", profile, FrameworkId: "small", CatalogFileName: "low.json", CatalogText: LowCatalog()));
        var ids = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            return await s.GetRequiredService<HarmoniaDbContext>().OwnRequirements.Where(r => r.Assessable).OrderBy(r => r.Position).Select(r => r.Ref).ToListAsync();
        });

        // at-2 is excluded, its enhancement at-2.2 stays (included with its parent's children, not excluded itself).
        Assert.Equal(["ac-2", "at-2.2", "au-2", "ia-2", "ia-2.1", "ia-2.2", "ia-2.12"], ids);
        Assert.Equal(7, result.Requirements);
        Assert.Equal(4, result.Headings);
    }

    [Fact]
    public async Task A_profile_sets_parameters_alters_statements_and_merges_flat()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        var profile = """
            {"profile":{"uuid":"11111111-2222-4333-8444-666666666666","metadata":{"title":"Tailored access","version":"1","oscal-version":"1.1.2"},
             "imports":[{"href":"#catalog","include-controls":[{"with-ids":["ac-1","ac-2"]}]}],
             "merge":{"flat":{}},
             "modify":{
               "set-parameters":[{"param-id":"ac-1_prm_1","values":["the CISO and every team lead"]}],
               "alters":[{"control-id":"ac-2",
                 "removes":[{"by-id":"ac-2_smt.b"}],
                 "adds":[{"position":"after","by-id":"ac-2_smt.a","parts":[{"id":"ac-2_smt.a-org","name":"item","props":[{"name":"label","value":"a.1"}],"prose":"Record each account type in the identity register."}]}]}]}}}
            """;
        var result = await ImportAsync(host, new ImportFrameworkRequest(host.OrganizationA, "tailored.json", profile, FrameworkId: "tailored", CatalogFileName: "low.json", CatalogText: LowCatalog()));
        var requirements = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            return await s.GetRequiredService<HarmoniaDbContext>().OwnRequirements.OrderBy(r => r.Position).Select(r => new { r.Ref, r.Description, r.ParentRef }).ToListAsync();
        });

        // Flat: the two controls and no family heading.
        Assert.Equal((2, 0), (result.Requirements, result.Headings));
        Assert.All(requirements, r => Assert.Null(r.ParentRef));

        // The profile's value is in the statement; a parameter it leaves open reads as what the organization assigns.
        var ac1 = requirements.Single(r => r.Ref == "ac-1").Description;
        Assert.Contains("disseminate to the CISO and every team lead:", ac1, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", ac1, StringComparison.Ordinal);
        Assert.Contains("1. [Selection (one or more): organization-level; mission/business process-level; system-level] access control policy that:", ac1, StringComparison.Ordinal);
        Assert.Contains("[Assignment: official]", ac1, StringComparison.Ordinal);

        // Removed and added parts, in the place the profile gives.
        var ac2 = requirements.Single(r => r.Ref == "ac-2").Description;
        Assert.DoesNotContain("Assign account managers", ac2, StringComparison.Ordinal);
        Assert.Contains("prohibited for use within the system; a.1 Record each account type in the identity register. c. Require [Assignment: prerequisites and criteria] for group and role membership;", ac2, StringComparison.Ordinal);

        // Mistakes in the tailoring are refused with their place in the file.
        List<string> Refusals(string modifyAndMerge)
        {
            var errors = new List<string>();
            var text = """{"profile":{"uuid":"p","metadata":{"title":"P"},"imports":[{"href":"#c","include-controls":[{"with-ids":["ac-2"]}]}],""" + modifyAndMerge + "}}";
            OscalFrameworkReader.Read("p.json", text, "low.json", LowCatalog(), errors);
            Assert.NotEmpty(errors);
            return errors;
        }

        Assert.Contains(Refusals("""
            "modify":{"alters":[{"control-id":"au-2","removes":[{"by-id":"au-2_smt.a"}]}]}
            """), e => e.Contains("$.profile.modify.alters[0]: alters control 'au-2', which the profile does not select", StringComparison.Ordinal));
        Assert.Contains(Refusals("""
            "merge":{"custom":{}}
            """), e => e.Contains("$.profile.merge.custom", StringComparison.Ordinal));
        Assert.Contains(Refusals("""
            "modify":{"alters":[{"control-id":"ac-2","adds":[{"position":"inside","by-id":"ac-2_smt.a","parts":[]}]}]}
            """), e => e.Contains("'inside' is not one of", StringComparison.Ordinal));
        Assert.Contains(Refusals("""
            "modify":{"alters":[{"control-id":"ac-2","adds":[{"by-id":"ac-2_smt.zz","parts":[]}]}]}
            """), e => e.Contains("adds to part 'ac-2_smt.zz', which the control does not have", StringComparison.Ordinal));
        Assert.Contains(Refusals("""
            "modify":{"set-parameters":[{"param-id":"ac-1_prm_1","colour":"red"}]}
            """), e => e.Contains("unknown field 'colour'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refusals_name_the_problem_and_store_nothing()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        var api = $"/api/orgs/{host.OrganizationA}";
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);

        async Task<string> Refused(HttpStatusCode status, HttpContent body)
        {
            var response = await owner.PostAsync(new Uri($"{api}/frameworks", UriKind.Relative), body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, text);
            Assert.Contains("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
            return text;
        }

        Assert.Contains("unknown field 'colour'", await Refused(HttpStatusCode.BadRequest, Upload("""{"catalog":{"uuid":"x","metadata":{"title":"T"},"groups":[{"id":"g","title":"G","colour":"red","controls":[{"id":"c-1","title":"C"}]}]}}""", "c.json")), StringComparison.Ordinal);
        Assert.Contains("profile names control 'zz-9'", await Refused(HttpStatusCode.BadRequest, Upload("""{"profile":{"uuid":"p","metadata":{"title":"P"},"imports":[{"href":"#c","include-controls":[{"with-ids":["ac-2","zz-9"]}]}]}}""", "p.json", ("catalog", LowCatalog()))), StringComparison.Ordinal);
        Assert.Contains("add the catalog it imports", await Refused(HttpStatusCode.BadRequest, Upload(LowProfile(), "p.json")), StringComparison.Ordinal);
        Assert.Contains("shipped with Harmonia", await Refused(HttpStatusCode.Conflict, Upload(LowCatalog(), "low.json", ("frameworkId", "iso27001-2022"))), StringComparison.Ordinal);
        Assert.Contains("nested deeper than 64", await Refused(HttpStatusCode.BadRequest, Upload(new string('[', 200) + new string(']', 200), "deep.json", ("format", "oscal"))), StringComparison.Ordinal);
        Assert.Contains("anchors (&name) are not allowed", await Refused(HttpStatusCode.BadRequest, Upload(AliasBomb(), "bomb.yaml", ("format", "grc"))), StringComparison.Ordinal);
        Assert.Contains("unknown key 'colour'", await Refused(HttpStatusCode.BadRequest, Upload(Grc(3, 1).Replace("      assessable: true", "      assessable: true\n      colour: red", StringComparison.Ordinal), "lib.yaml")), StringComparison.Ordinal);
        Assert.Contains("more than 5,000 requirement nodes", await Refused(HttpStatusCode.BadRequest, Upload(Grc(5001, 1), "lib.yaml")), StringComparison.Ordinal);
        Assert.Contains("nested deeper than 8 levels", await Refused(HttpStatusCode.BadRequest, Upload(Grc(12, 12), "lib.yaml")), StringComparison.Ordinal);
        Assert.Contains("unknown key 'colour'", await Refused(HttpStatusCode.BadRequest, Upload("id: mine\nname: Mine\ncolour: red\ngroups: []\nrequirements: []\n", "mine.yaml")), StringComparison.Ordinal);
        Assert.Contains("larger than the limit", await Refused(HttpStatusCode.RequestEntityTooLarge, Upload(new string(' ', (int)FrameworkImportLimits.MaxBytes + 10), "big.yaml")), StringComparison.Ordinal);

        var cli = await CliRun.OnAsync(host.Database, "framework", "import", "--org", host.OrganizationA.ToString(), Path.Combine(RepositoryPaths.Reference, "oscal", "NIST_SP-800-53_rev5_LOW-baseline_profile.json"));
        Assert.NotEqual(0, cli.ExitCode);
        Assert.Contains("add the catalog it imports", cli.Error, StringComparison.Ordinal);

        var stored = await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            var db = s.GetRequiredService<HarmoniaDbContext>();
            return await db.OwnFrameworks.CountAsync() + await db.OwnRequirements.CountAsync() + await db.OwnMappings.CountAsync();
        });
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task A_grc_library_keeps_provenance_and_licence_and_its_urn_mappings_reach_shipped_requirements_and_the_cli_imports_and_removes()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        var library = Grc(3, 1) + """
              requirement_mapping_sets:
              - urn: urn:test:risk:req_mapping_set:demo-to-iso27001
                source_framework_urn: urn:test:risk:framework:demo
                target_framework_urn: urn:intuitem:risk:framework:iso27001-2022
                requirement_mappings:
                - source_requirement_urn: urn:test:risk:req_node:demo:n1
                  target_requirement_urn: urn:intuitem:risk:req_node:iso27001-2022:a.5.1
                  relationship: intersect
                  strength_of_relationship: 6
                  rationale: semantic
            """;
        var path = Path.Combine(Path.GetTempPath(), $"demo-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, library);
        try
        {
            var imported = await CliRun.OnAsync(host.Database, "framework", "import", "--org", host.OrganizationA.ToString(), path, "--id", "demo");
            Assert.True(imported.ExitCode == 0, imported.Error);
            Assert.Contains("3 requirements", imported.Out, StringComparison.Ordinal);
            var (framework, mapping) = await host.WithScopeAsync(async s =>
            {
                s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
                var db = s.GetRequiredService<HarmoniaDbContext>();
                return (await db.OwnFrameworks.SingleAsync(), await db.OwnMappings.SingleAsync());
            });
            Assert.Equal(FrameworkSourceFormat.Grc, framework.SourceFormat);
            Assert.Equal("Demo licence: share alike", framework.Licence);
            Assert.Contains("urn:test:risk:library:demo", framework.Source, StringComparison.Ordinal);
            Assert.Contains("packager test-packager", framework.Source, StringComparison.Ordinal);
            Assert.Equal(("demo:n1", "iso27001-2022:A.5.1", "intersect", 6), (mapping.SourceId, mapping.TargetId, mapping.Relationship, mapping.Strength));

            var removed = await CliRun.OnAsync(host.Database, "framework", "remove", "--org", host.OrganizationA.ToString(), "demo");
            Assert.True(removed.ExitCode == 0, removed.Error);
            var again = await CliRun.OnAsync(host.Database, "framework", "remove", "--org", host.OrganizationA.ToString(), "demo");
            Assert.NotEqual(0, again.ExitCode);
            Assert.Contains("no framework 'demo'", again.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A GRC library of <paramref name="count"/> assessable nodes, the first <paramref name="chain"/> each under the one before.</summary>
    public static string Grc(int count, int chain)
    {
        var text = new StringBuilder("""
            urn: urn:test:risk:library:demo
            locale: en
            ref_id: DEMO
            name: Demo library
            copyright: 'Demo licence: share alike'
            version: 1
            provider: Test provider
            packager: test-packager
            objects:
              framework:
                urn: urn:test:risk:framework:demo
                ref_id: DEMO
                name: Demo framework
                requirement_nodes:

            """);
        for (var i = 1; i <= count; i++)
        {
            text.Append(CultureInvariant($"    - urn: urn:test:risk:req_node:demo:n{i}\n      ref_id: n{i}\n      name: Requirement {i}\n"));
            if (i > 1 && i <= chain)
            {
                text.Append(CultureInvariant($"      parent_urn: urn:test:risk:req_node:demo:n{i - 1}\n"));
            }

            text.Append("      assessable: true\n");
        }

        return text.ToString();
    }

    private static string AliasBomb()
    {
        var text = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (var i = 0; i < 9; i++)
        {
            text.Append(CultureInvariant($"{(char)('b' + i)}: &{(char)('b' + i)} [*{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}]\n"));
        }

        return text.ToString();
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static Task<ImportFrameworkResult> ImportAsync(ApiHost host, ImportFrameworkRequest request) =>
        host.WithScopeAsync(s => s.GetRequiredService<ImportFrameworkHandler>().HandleAsync(request));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static MultipartFormDataContent Upload(string text, string fileName, params (string Field, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new StringContent(text), "file", fileName } };
        foreach (var (field, value) in fields)
        {
            if (field == "catalog")
            {
                form.Add(new StringContent(value), "catalog", "catalog.json");
            }
            else
            {
                form.Add(new StringContent(value), field);
            }
        }

        return form;
    }
}
