using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Cli;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Harmonia.Tests.Organizations;

/// <summary>
/// Issue 16, item 2 (ADR 0035): a richly populated organization exported as an organization archive and imported into
/// an empty database on the other provider gives byte-identical registers, gap reports and readiness; a changed file or
/// a malformed archive is refused and changes nothing.
/// </summary>
public sealed class OrganizationArchiveTests(ITestOutputHelper output)
{
    // What a compliance manager reads and hands on: every register export, both gap reports, readiness, the review inputs.
    private static readonly string[] Reports =
    [
        "gap/iso42001-2023?format=json",
        "gap/iso27001-2022?format=json",
        "readiness",
        "export",
        "risks/treatment-plan/csv",
        "ai-systems/export/csv",
        "evidence/export/csv",
        "nonconformities/export/csv",
        "suppliers/export",
        "roadmap/export/csv",
        "objectives",
        "competence/people",
        "competence/roles",
        "soa/iso27001-2022",
        "soa/iso42001-2023",
        "management-reviews/inputs",
        "documents?pageSize=200",
        "ai-concerns",
        "audits",
        "controls?pageSize=200",
    ];

    // Loaded once: the schema library keeps every schema it built in one registry and refuses a second with the same id.
    private static readonly Lazy<global::Json.Schema.JsonSchema> Schema = new(() => global::Json.Schema.JsonSchema.FromFile(Path.Combine(RepositoryPaths.Root, "docs", "organization-file.schema.json")));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Postgres, DatabaseProvider.Sqlite)]
    public async Task A_populated_organization_survives_export_and_import_on_the_other_provider_with_identical_reports(DatabaseProvider from, DatabaseProvider to)
    {
        var folder = Directory.CreateTempSubdirectory("harmonia-archive-test-").FullName;
        try
        {
            await using var source = await ApiHost.StartAsync(from);
            var api = $"/api/orgs/{source.OrganizationA}";
            var ownerId = source.UsersA[OrganizationRole.Owner];
            await PopulateAsync(source, api);

            var zip = Path.Combine(folder, "acme.zip");
            var exported = await CliAsync(source.Database, source.EvidenceFolder, "org", "export-archive", "--org", source.OrganizationA.ToString(), "--out", zip, "--with-files");
            Assert.True(exported.ExitCode == 0, exported.Error);

            // The owner reads through a token made after the export on either side, so both trails count the same token events.
            var sourceToken = await source.WithScopeAsync(s => s.GetRequiredService<CreateAccessTokenHandler>().HandleAsync(new CreateAccessTokenRequest(source.OrganizationA, ownerId, "reports")));
            using var sourceOwner = source.Client(sourceToken.Token);
            var before = await ReportsAsync(sourceOwner, api);
            output.WriteLine($"{from}: {exported.Out.Trim()} ({new FileInfo(zip).Length:N0} bytes)");
            var archive = ArchiveJson(zip);
            Assert.True(archive["files"]!.AsArray().Count >= 3, "the uploaded evidence and the published documents' files travel");
            Assert.Empty(SchemaErrors(archive));
            Assert.DoesNotContain("PasswordHash", archive.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain(source.TokensA[OrganizationRole.Owner], archive.ToJsonString(), StringComparison.Ordinal);

            await using var target = await ApiHost.StartAsync(to, seed: false);
            var imported = await CliAsync(target.Database, target.EvidenceFolder, "org", "import-archive", zip);
            Assert.True(imported.ExitCode == 0, imported.Error);
            output.WriteLine($"{to}: {imported.Out.Trim()}");

            // The imported owner has no passphrase; an administrator's token for them is how this test reads the API.
            var token = await target.WithScopeAsync(s => s.GetRequiredService<CreateAccessTokenHandler>().HandleAsync(new CreateAccessTokenRequest(source.OrganizationA, ownerId, "reports")));
            using var targetOwner = target.Client(token.Token);
            var after = await ReportsAsync(targetOwner, api);
            var differing = Reports.Where(r => Normalized(r, before[r]) != Normalized(r, after[r])).Select(r => $"{r}:\n{FirstDifference(Normalized(r, before[r]), Normalized(r, after[r]))}").ToArray();
            Assert.True(differing.Length == 0, $"After {from} -> {to} these differ:\n" + string.Join("\n", differing));

            // The carried trail still verifies, with the import appended to it.
            var verified = await Ok(targetOwner.GetAsync(Url($"{api}/audit-trail/verify")));
            Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());

            // The stored files came along: the uploaded evidence opens with the same bytes.
            foreach (var file in archive["files"]!.AsArray())
            {
                var sha = file!["sha256"]!.GetValue<string>();
                Assert.True(File.Exists(Path.Combine(target.EvidenceFolder, sha[..2], sha[2..4], sha)), $"{sha} is in the target store");
            }

            // Exported again from the target, the archive is the same but for what must differ: when it was written, the
            // one "imported" event (and the token this test made to read the reports, which is withheld but audited), and (from SQLite into PostgreSQL) times PostgreSQL keeps to the microsecond.
            var again = Path.Combine(folder, "again.json");
            Assert.Equal(0, (await CliAsync(target.Database, target.EvidenceFolder, "org", "export-archive", "--org", source.OrganizationA.ToString(), "--out", again)).ExitCode);
            var reexported = JsonNode.Parse(await File.ReadAllTextAsync(again))!;
            var events = reexported["tables"]!["AuditEvent"]!.AsArray();
            var carried = archive["tables"]!["AuditEvent"]!.AsArray().Count;
            Assert.Equal("imported", events[carried]!["Action"]!.GetValue<string>());

            // After the import event only this test's own token for reading the reports follows.
            while (events.Count > carried)
            {
                events.RemoveAt(events.Count - 1);
            }
            Assert.Equal(Comparable(archive, to), Comparable(reexported, to));

            // Importing the same organization again is refused and changes nothing.
            var twice = await CliAsync(target.Database, target.EvidenceFolder, "org", "import-archive", zip);
            Assert.Equal((1, true), (twice.ExitCode, twice.Error.Contains("already holds organization", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_changed_file_or_a_malformed_archive_is_refused_and_nothing_is_imported()
    {
        var folder = Directory.CreateTempSubdirectory("harmonia-archive-refused-").FullName;
        try
        {
            await using var source = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
            await source.NewEvidenceAsync(source.OrganizationA, await source.NewControlAsync(source.OrganizationA));
            var zip = Path.Combine(folder, "acme.zip");
            Assert.Equal(0, (await CliAsync(source.Database, source.EvidenceFolder, "org", "export-archive", "--org", source.OrganizationA.ToString(), "--out", zip, "--with-files")).ExitCode);
            var json = ArchiveJson(zip);

            // The API gives Owners the same archive; a Manager may not take the whole organization away.
            using (var owner = source.Client(source.TokensA[OrganizationRole.Owner]))
            using (var manager = source.Client(source.TokensA[OrganizationRole.Manager]))
            {
                using var download = await owner.GetAsync(Url($"/api/orgs/{source.OrganizationA}/archive?files=true"));
                Assert.Equal((HttpStatusCode.OK, "application/zip"), (download.StatusCode, download.Content.Headers.ContentType?.MediaType));
                using var zipped = new ZipArchive(await download.Content.ReadAsStreamAsync());
                await using var entry = await zipped.GetEntry(OrganizationArchive.ArchiveEntry)!.OpenAsync();
                var fromApi = JsonNode.Parse(entry)!;
                Assert.Equal(Comparable(json, DatabaseProvider.Sqlite), Comparable(fromApi, DatabaseProvider.Sqlite));
                Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(Url($"/api/orgs/{source.OrganizationA}/archive"))).StatusCode);
            }

            await using var target = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            var evidence = Path.Combine(folder, "target-evidence");

            // One byte of the evidence file changed inside the zip.
            var tampered = Path.Combine(folder, "tampered.zip");
            File.Copy(zip, tampered);
            using (var archive = ZipFile.Open(tampered, ZipArchiveMode.Update))
            {
                var entry = archive.Entries.First(e => e.FullName.StartsWith(OrganizationArchive.FilesFolder, StringComparison.Ordinal));
                var name = entry.FullName;
                byte[] bytes;
                using (var read = new MemoryStream())
                {
                    await using (var stream = await entry.OpenAsync())
                    {
                        await stream.CopyToAsync(read);
                    }

                    bytes = read.ToArray();
                }

                bytes[0] ^= 0x20;
                entry.Delete();
                await using var write = await archive.CreateEntry(name).OpenAsync();
                await write.WriteAsync(bytes);
            }

            await AssertRefusedAsync(target, evidence, tampered, "was changed");

            // An archive whose records were edited by hand no longer matches its audit trail.
            var edited = JsonNode.Parse(json.ToJsonString())!;
            edited["tables"]!["AuditEvent"]!.AsArray()[0]!["Actor"] = "someone else";
            await AssertRefusedAsync(target, evidence, await WriteAsync(folder, "edited.json", edited, withoutFiles: true), "does not verify at event 1");

            var future = JsonNode.Parse(json.ToJsonString())!;
            future["version"] = 2;
            await AssertRefusedAsync(target, evidence, await WriteAsync(folder, "future.json", future, withoutFiles: true), "this Harmonia reads version 1");

            var unknownField = JsonNode.Parse(json.ToJsonString())!;
            unknownField["comment"] = "hello";
            await AssertRefusedAsync(target, evidence, await WriteAsync(folder, "field.json", unknownField, withoutFiles: true), "Unknown field 'comment'");

            var unknownTable = JsonNode.Parse(json.ToJsonString())!;
            unknownTable["tables"]!["Spaceships"] = new JsonArray();
            await AssertRefusedAsync(target, evidence, await WriteAsync(folder, "table.json", unknownTable, withoutFiles: true), "Unknown table 'Spaceships'");

            var unknownColumn = JsonNode.Parse(json.ToJsonString())!;
            unknownColumn["tables"]!["ControlRecord"]!.AsArray()[0]!["Colour"] = "red";
            await AssertRefusedAsync(target, evidence, await WriteAsync(folder, "column.json", unknownColumn, withoutFiles: true), "unknown column 'Colour'");

            var wrongType = JsonNode.Parse(json.ToJsonString())!;
            wrongType["tables"]!["ControlRecord"]!.AsArray()[0]!["Version"] = "seven";
            await AssertRefusedAsync(target, evidence, await WriteAsync(folder, "type.json", wrongType, withoutFiles: true), "tables.ControlRecord[0].Version: expected a number");

            var deep = Path.Combine(folder, "deep.json");
            await File.WriteAllTextAsync(deep, "{\"format\":\"harmonia-organization\",\"version\":1,\"people\":" + new string('[', 100) + new string(']', 100) + "}");
            await AssertRefusedAsync(target, evidence, deep, "does not parse");

            // Without its files, an archive that lists some is refused rather than imported with dangling names.
            await AssertRefusedAsync(target, evidence, await WriteAsync(folder, "nofiles.json", json, withoutFiles: false), "came without them");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Every_table_is_carried_withheld_or_named_as_not_organization_data()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var scope = database.Scope();
        var model = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().Model;
        var carried = OrganizationArchiveTables.Carried(model);
        var unclassified = model.GetEntityTypes()
            .Where(t => !carried.Contains(t) && !OrganizationArchiveTables.Withheld.ContainsKey(t.ClrType) && !OrganizationArchiveTables.NotOrganizationData.ContainsKey(t.ClrType))
            .Select(t => t.ClrType.Name)
            .ToArray();
        Assert.True(unclassified.Length == 0, "Tables an organization archive neither carries nor names as withheld or not organization data (add an OrganizationId, or name them in OrganizationArchiveTables): " + string.Join(", ", unclassified));
        Assert.All(OrganizationArchiveTables.Withheld.Keys.Concat(OrganizationArchiveTables.NotOrganizationData.Keys), t => Assert.NotNull(model.FindEntityType(t)));
        Assert.Contains(carried, t => t.ClrType.Name == "AuditEvent");
        Assert.True(carried.Count >= 60, $"{carried.Count} tables carried");

        // Every column can be written and set again: a type the archive does not know, or a column without a property, fails here.
        var known = new HashSet<Type> { typeof(string), typeof(Guid), typeof(bool), typeof(int), typeof(long), typeof(short), typeof(double), typeof(DateTime), typeof(DateOnly), typeof(byte[]) };
        foreach (var table in carried.Append(model.FindEntityType(typeof(Organization))!))
        {
            foreach (var column in OrganizationArchiveTables.Columns(table))
            {
                var type = Nullable.GetUnderlyingType(column.ClrType) ?? column.ClrType;
                Assert.True(known.Contains(type) || type.IsEnum, $"{table.ClrType.Name}.{column.Name} is a {type.Name}");
                Assert.True(column.FieldInfo is not null || column.PropertyInfo is not null, $"{table.ClrType.Name}.{column.Name} has nothing to set");
            }
        }

        // Principals come before the rows that refer to them.
        foreach (var (table, index) in carried.Select((t, i) => (t, i)))
        {
            foreach (var principal in table.GetForeignKeys().Select(k => k.PrincipalEntityType).Where(p => p != table && carried.Contains(p)))
            {
                Assert.True(carried.ToList().IndexOf(principal) < index, $"{principal.ClrType.Name} before {table.ClrType.Name}");
            }
        }
    }

    [Fact]
    public async Task The_documented_schema_is_the_one_the_model_gives()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var scope = database.Scope();
        var generated = OrganizationArchiveSchema.Generate(scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().Model);
        var documented = Path.Combine(RepositoryPaths.Root, "docs", "organization-file.schema.json");
        if (Environment.GetEnvironmentVariable("HARMONIA_WRITE_ARCHIVE_SCHEMA") == "1")
        {
            await File.WriteAllTextAsync(documented, generated);
        }

        Assert.True(File.Exists(documented) && await File.ReadAllTextAsync(documented) == generated, "docs/organization-file.schema.json is not the schema the model gives; run this test once with HARMONIA_WRITE_ARCHIVE_SCHEMA=1 and commit the file.");
    }

    private static string[] SchemaErrors(JsonNode archive)
    {
        var schema = Schema.Value;
        using var document = JsonDocument.Parse(archive.ToJsonString());
        var results = schema.Evaluate(document.RootElement, new global::Json.Schema.EvaluationOptions { OutputFormat = global::Json.Schema.OutputFormat.List });
        return results.IsValid
            ? []
            : (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(20).DefaultIfEmpty("invalid (no detail)").ToArray();
    }

    private static async Task AssertRefusedAsync(TestDatabase target, string evidence, string file, string expected)
    {
        var refused = await CliAsync(target, evidence, "org", "import-archive", file);
        Assert.True(refused.ExitCode == 1 && refused.Error.Contains(expected, StringComparison.Ordinal), $"{Path.GetFileName(file)}: exit {refused.ExitCode}, {refused.Error}");
        await using var scope = target.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();
        Assert.Equal((0, 0, 0), (await db.Organizations.CountAsync(), await db.Users.CountAsync(), await db.AuditEvents.IgnoreQueryFilters([HarmoniaDbContext.TenantFilter]).CountAsync()));
    }

    private static async Task<string> WriteAsync(string folder, string name, JsonNode archive, bool withoutFiles)
    {
        var copy = JsonNode.Parse(archive.ToJsonString())!.AsObject();
        if (withoutFiles)
        {
            copy.Remove("files");
        }

        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, copy.ToJsonString());
        return path;
    }

    private static JsonNode ArchiveJson(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var stream = archive.GetEntry(OrganizationArchive.ArchiveEntry)!.Open();
        return JsonNode.Parse(stream)!;
    }

    // What may differ between two exports of the same records: the time of writing; and PostgreSQL keeps times to the
    // microsecond where SQLite keeps the tenth of a microsecond, so a trip through PostgreSQL rounds the seventh decimal.
    private static string Comparable(JsonNode archive, DatabaseProvider through)
    {
        var copy = JsonNode.Parse(archive.ToJsonString())!.AsObject();
        copy.Remove("exportedUtc");
        copy.Remove("files");
        var text = copy.ToJsonString();
        return through == DatabaseProvider.Postgres
            ? System.Text.RegularExpressions.Regex.Replace(text, @"(T\d\d:\d\d:\d\d\.\d{6})\dZ", "${1}0Z")
            : text;
    }

    private static async Task<Dictionary<string, byte[]>> ReportsAsync(HttpClient client, string api)
    {
        var reports = new Dictionary<string, byte[]>();
        foreach (var report in Reports)
        {
            using var response = await client.GetAsync(Url($"{api}/{report}"));
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{report}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
            reports[report] = bytes;
        }

        return reports;
    }

    // Registers (CSV, YAML) and the gap and readiness reports are compared byte for byte. The JSON lists of records
    // (objectives, SoA versions, documents, controls) write a stored time as each provider hands it back: SQLite with
    // seven decimals and no zone, PostgreSQL to the microsecond with "Z". That is how the API already differs between
    // the providers for the same record, not something the archive lost, so only there times are compared to the
    // microsecond without the zone. The archive itself is compared separately, value by value.
    private static string Normalized(string report, byte[] content)
    {
        var text = Encoding.UTF8.GetString(content);

        // The review inputs count the trail's events per kind of record; the import is itself one recorded change to the
        // organization on the target (its "imported" event), so the line counting organization changes is left out.
        if (report == "management-reviews/inputs")
        {
            text = System.Text.RegularExpressions.Regex.Replace(text, @"""\d+ changes to organization records since [0-9-]+\."",?", string.Empty);
        }

        return report.Contains("csv", StringComparison.Ordinal) || report.StartsWith("gap/", StringComparison.Ordinal) || report is "readiness" or "export" or "suppliers/export"
            ? text
            : System.Text.RegularExpressions.Regex.Replace(text, @"""(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,7}))?Z?""", m => $"\"{m.Groups[1].Value}.{m.Groups[2].Value.PadRight(7, '0')[..6]}\"");
    }

    private static string FirstDifference(string left, string right)
    {
        var at = 0;
        while (at < left.Length && at < right.Length && left[at] == right[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 150);
        return $"before: ...{left[from..Math.Min(left.Length, at + 150)]}\nafter:  ...{right[from..Math.Min(right.Length, at + 150)]}";
    }

    /// <summary>The acme work up to certification plus every other kind of record a real organization keeps.</summary>
    private static async Task PopulateAsync(ApiHost host, string api)
    {
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var auditor = host.Client(host.TokensA[OrganizationRole.Auditor]);
        await AcmeCertificationWork.DoAsync(contributor, owner, api);
        await host.NewEvidenceAsync(host.OrganizationA, await host.NewControlAsync(host.OrganizationA));

        // An internal audit with a major nonconformity taken through every step, the rest graded, and completed.
        var audit = await Ok(contributor.PostAsync(Url($"{api}/audits"), Json("""
            {"key":"IA-2026-01","title":"Integrated ISMS and AIMS audit","frameworks":["iso27001-2022","iso42001-2023"],"processes":["Model release"],
             "criteria":"ISO/IEC 27001:2022, ISO/IEC 42001:2023 and our policies","plannedStart":"2026-05-04","plannedEnd":"2026-05-08","auditors":["Lead auditor"]}
            """)), HttpStatusCode.Created);
        var url = $"{api}/audits/{audit.GetProperty("id").GetString()}";
        var checklist = (await Ok(contributor.GetAsync(Url(url)))).GetProperty("checklist").EnumerateArray().Select(r => r.GetProperty("item").GetProperty("key").GetString()!).ToArray();
        var recorded = await Ok(contributor.PostAsync(Url(url + "/results"), Json("""{"itemKey":"iso42001-2023:6.1.4","grade":"MajorNonconformity","note":"No impact assessment for the PD model.","sampled":"AI-02"}""")));
        var ncUrl = $"{api}/nonconformities/{recorded.GetProperty("raised").GetProperty("id").GetString()}";
        var version = 1;
        async Task<JsonElement> StepAsync(string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Url(ncUrl + "/steps")) { Content = Json(body) };
            request.Headers.IfMatch.ParseAdd($"\"{version}\"");
            var result = await Ok(contributor.SendAsync(request));
            version = result.GetProperty("version").GetInt32();
            return result;
        }

        await StepAsync("""{"step":"correction","text":"Impact assessment of the PD model started the same day."}""");
        await StepAsync("""{"step":"root-cause","whys":["No assessment was made","Nobody owned it","The AI procedure did not name an owner"]}""");
        var planned = await StepAsync("""{"step":"plan","actions":[{"description":"Name an owner for impact assessments","owner":"AI Governance Lead","due":"2027-01-31"}]}""");
        await StepAsync($$"""{"step":"complete-action","actionId":"{{planned.GetProperty("nonconformity").GetProperty("actions")[0].GetProperty("id").GetString()}}"}""");
        await StepAsync("""{"step":"verify","effective":true,"text":"Two assessments since, both on time."}""");
        await StepAsync("""{"step":"close"}""");
        foreach (var key in checklist.Where(k => k != "iso42001-2023:6.1.4"))
        {
            var body = key == "iso27001-2022:A.5.7"
                ? $$"""{"itemKey":"{{key}}","grade":"OpportunityForImprovement","note":"Threat intelligence could cover model supply chains."}"""
                : $$"""{"itemKey":"{{key}}","grade":"Conforming"}""";
            await Ok(auditor.PostAsync(Url(url + "/results"), Json(body)));
        }

        await Ok(auditor.PostAsync(Url(url + "/complete"), null));

        // A management review held by top management, with an action.
        var director = await host.NewTopManagementMemberAsync(host.OrganizationA);
        await Ok(owner.PostAsync(Url($"{api}/management-reviews"), Json($$"""
            {"heldOn":"{{DateTime.UtcNow:yyyy-MM-dd}}","attendees":["ISMS Manager","AI Governance Lead"],"topManagementAttendees":["{{director}}"],"decisions":"Both systems are effective.",
             "actions":[{"description":"Impact assessment of AI-01","owner":"AI Governance Lead","due":"{{DateTime.UtcNow.AddMonths(2):yyyy-MM-dd}}"}]}
            """)), HttpStatusCode.Created);

        // Objectives with measurements (one of them a fraction), competence with evidence, an AI concern.
        var cards = await Ok(contributor.PostAsync(Url($"{api}/objectives"), Json("""
            {"title":"Model cards for every production model","system":"ai","measure":"Share of production models with a reviewed model card","unit":"%","target":90,"direction":"at-least","owner":"AI Governance Lead","frequency":"quarterly"}
            """)), HttpStatusCode.Created);
        await Ok(contributor.PostAsync(Url($"{api}/objectives/{cards.GetProperty("id").GetString()}/measurements"), Json($$"""{"measuredOn":"{{DateTime.UtcNow.AddDays(-10):yyyy-MM-dd}}","value":92.5,"note":"Two cards still in review"}""")), HttpStatusCode.Created);
        await Ok(contributor.PostAsync(Url($"{api}/competence/roles"), Json("""{"name":"ISMS manager","requiredCompetences":["security-risk","internal-audit"]}""")), HttpStatusCode.Created);
        var ada = await Ok(contributor.PostAsync(Url($"{api}/competence/people"), Json("""{"name":"Ada Lovelace","email":"ada@a.example","roles":["ISMS manager"]}""")), HttpStatusCode.Created);
        await Ok(contributor.PostAsync(Url($"{api}/competence/people/{ada.GetProperty("id").GetString()}/evidence"), Json("""{"kind":"qualification","competence":"internal-audit","title":"Lead auditor certificate","obtainedOn":"2024-03-01","reference":"LA-2024-117.pdf"}""")), HttpStatusCode.Created);
        await Ok(contributor.PostAsync(Url($"{api}/ai-concerns"), Json("""{"kind":"incident","aiSystem":"AI-01","severity":"high","description":"A customer was refused without review.","reportedBy":"Complaints desk"}""")), HttpStatusCode.Created);
    }

    private static async Task<CliRun> CliAsync(TestDatabase database, string evidenceFolder, params string[] args)
    {
        await using var stdout = new StringWriter();
        await using var stderr = new StringWriter();
        var code = await HarmoniaCli.RunAsync(args, stdout, stderr, colors: false, database: database.Settings, settings: key => key == "Evidence:Folder" ? evidenceFolder : null);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
