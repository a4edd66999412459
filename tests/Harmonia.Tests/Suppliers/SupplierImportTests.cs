using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Suppliers;

/// <summary>
/// Issue 15 item 5 (and the spreadsheet import of issue 16): the supplier register from XLSX and CSV, with matching,
/// preview, dry run and all-or-nothing commits. Organization A is the acme sample with SUP-1 to SUP-4; SUP-4 answered a
/// questionnaire.
/// </summary>
public sealed class SupplierImportTests
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static MultipartFormDataContent Upload(byte[] content, string fileName, string? mapping = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        if (mapping is not null)
        {
            form.Add(new StringContent(mapping, Encoding.UTF8), "mapping");
        }

        return form;
    }

    private static Task<int> SupplierEventsAsync(ApiHost host) => host.WithScopeAsync(async s =>
    {
        s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
        return await s.GetRequiredService<HarmoniaDbContext>().AuditEvents.CountAsync(e => e.EntityType.StartsWith("Supplier"));
    });

    private static string[] Actions(JsonElement preview) =>
        [.. preview.GetProperty("rows").EnumerateArray().Select(r => $"{r.GetProperty("key").GetString()} {r.GetProperty("action").GetString()}")];

    /// <summary>The CSV export as rows of cells, edited by <paramref name="edit"/> and written back as Excel would.</summary>
    private static byte[] EditCsv(byte[] csv, Action<List<string[]>> edit)
    {
        using var reader = new CsvReader(new StringReader(Encoding.UTF8.GetString(csv).TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Parser.Record!);
        }

        edit(rows);
        using var writer = new StringWriter();
        using (var csvWriter = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csvWriter.WriteField(cell);
                }

                csvWriter.NextRecord();
            }
        }

        return Encoding.UTF8.GetBytes(writer.ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_exported_register_imports_back_unchanged_and_an_edited_one_changes_exactly_what_was_edited(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var before = await SupplierEventsAsync(host);

        // The XLSX export (dates stored as Excel dates) comes back with every supplier unchanged: no version, no event.
        var xlsx = await (await contributor.GetAsync(Url($"{api}/suppliers/export?format=xlsx"))).Content.ReadAsByteArrayAsync();
        var same = await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers/import"), Upload(xlsx, "suppliers.xlsx")));
        Assert.True(same.GetProperty("committed").GetBoolean());
        Assert.Equal(["SUP-1 unchanged", "SUP-2 unchanged", "SUP-3 unchanged", "SUP-4 unchanged"], Actions(same));
        Assert.Contains(same.GetProperty("columns").EnumerateArray(), c => c.GetProperty("header").GetString() == "Next review due" && c.GetProperty("field").ValueKind == JsonValueKind.Null);
        Assert.Equal(before, await SupplierEventsAsync(host));

        // Edited in a spreadsheet: SUP-2 moves to the low tier and gains a contract; a new data provider is added.
        var csv = await (await contributor.GetAsync(Url($"{api}/suppliers/export?format=csv"))).Content.ReadAsByteArrayAsync();
        var supplier2Before = (await ReadAsync(await contributor.GetAsync(Url($"{api}/suppliers?pageSize=50")))).GetProperty("items").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "SUP-2");
        var edited = EditCsv(csv, rows =>
        {
            var header = rows[0].ToList();
            var sup2 = rows.Single(r => r[0] == "SUP-2");
            sup2[header.IndexOf("Tier")] = "Low";
            sup2[header.IndexOf("Contracts and clauses")] += (sup2[header.IndexOf("Contracts and clauses")].Length > 0 ? "; " : string.Empty) + "DPA 2026 [from 2026-01-01, renewal 2027-01-01]: confidentiality, audit rights";
            var added = new string[header.Count];
            Array.Fill(added, string.Empty);
            added[header.IndexOf("Name")] = "Open Corpus Foundation";
            added[header.IndexOf("Kind")] = "Data provider";
            added[header.IndexOf("Tier")] = "important";
            added[header.IndexOf("Certifications")] = "ISO/IEC 27001 until 2028-06-30";
            added[header.IndexOf("Contacts")] = "Data desk <data@corpus.example> (licensing)";
            rows.Add(added);
        });

        var dry = await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers/import?dryRun=true"), Upload(edited, "suppliers.csv")));
        Assert.False(dry.GetProperty("committed").GetBoolean());
        Assert.Equal(["SUP-1 unchanged", "SUP-2 update", "SUP-3 unchanged", "SUP-4 unchanged", " add"], Actions(dry));
        Assert.Equal(["Tier", "Contracts and clauses"], dry.GetProperty("rows")[1].GetProperty("changed").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(before, await SupplierEventsAsync(host));

        var done = await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers/import"), Upload(edited, "suppliers.csv")));
        Assert.Equal("SUP-5", done.GetProperty("rows")[4].GetProperty("key").GetString());
        var register = (await ReadAsync(await contributor.GetAsync(Url($"{api}/suppliers?pageSize=50")))).GetProperty("items").EnumerateArray().ToDictionary(s => s.GetProperty("key").GetString()!);
        var sup2After = register["SUP-2"];
        Assert.Equal("low", sup2After.GetProperty("tier").GetProperty("key").GetString());
        var dpa = sup2After.GetProperty("contracts").EnumerateArray().Single(c => c.GetProperty("title").GetString() == "DPA 2026");
        Assert.Equal(("2026-01-01", "2027-01-01"), (dpa.GetProperty("starts").GetString(), dpa.GetProperty("renewalOn").GetString()));
        Assert.Equal(supplier2Before.GetProperty("contracts").GetArrayLength() + 1, sup2After.GetProperty("contracts").GetArrayLength());

        // What the export leaves out (evidence links, reviews, links to risks and controls) is kept on update.
        Assert.Equal(supplier2Before.GetProperty("reviews").GetArrayLength(), sup2After.GetProperty("reviews").GetArrayLength());
        Assert.Equal(supplier2Before.GetProperty("evidence").GetArrayLength(), sup2After.GetProperty("evidence").GetArrayLength());
        Assert.Equal(supplier2Before.GetProperty("controls").GetArrayLength(), sup2After.GetProperty("controls").GetArrayLength());
        var sup5 = register["SUP-5"];
        Assert.Equal(("DataProvider", "Proposed"), (sup5.GetProperty("kind").GetString(), sup5.GetProperty("status").GetString()));
        Assert.Equal("data@corpus.example", sup5.GetProperty("contacts")[0].GetProperty("email").GetString());
        Assert.Equal("2028-06-30", sup5.GetProperty("certifications")[0].GetProperty("expires").GetString());

        // The changes are in the audit trail; importing the same file again adds nothing (no duplicate of the new supplier).
        var after = await SupplierEventsAsync(host);
        Assert.True(after >= before + 2, $"{before} -> {after}");
        var again = await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers/import"), Upload(edited, "suppliers.csv")), HttpStatusCode.BadRequest);
        Assert.Contains("already in the register as SUP-5", again.GetProperty("errors").GetProperty("row 6")[0].GetString());
        Assert.Equal(after, await SupplierEventsAsync(host));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_mistakes_is_refused_whole_with_every_row_and_column_named(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var before = await SupplierEventsAsync(host);

        // Semicolons as European Excel writes them; one good row, three wrong ones.
        var csv = Encoding.UTF8.GetBytes(
            "Supplier;Name;Kind;Tier;Status;AI systems;Contracts and clauses\n" +
            ";Good Hosting GmbH;Cloud service;critical;Active;;\n" +
            ";Bad Kind Ltd;Quantum oracle;low;;;\n" +
            "SUP-99;Ghost;Software;low;;;\n" +
            ";Roles Inc;Software;gold;;AI-02;MSA: telepathy\n");
        var refused = await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers/import"), Upload(csv, "vendors.csv")), HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors");
        Assert.Contains("column 'Kind': 'Quantum oracle' is not one of: Cloud service, Software, Data provider, Model or AI service provider, Outsourced process, Other.", errors.GetProperty("row 3").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("the register has no supplier SUP-99", errors.GetProperty("row 4")[0].GetString());
        var row5 = errors.GetProperty("row 5").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Contains(row5, e => e.StartsWith("column 'AI systems': 'AI-02' is not an AI system with the supplier's role", StringComparison.Ordinal));
        Assert.Contains(row5, e => e.StartsWith("column 'Contracts and clauses': 'telepathy' is not a contract clause", StringComparison.Ordinal));
        Assert.False(errors.TryGetProperty("row 2", out _));
        Assert.Equal(before, await SupplierEventsAsync(host));
        Assert.Equal(4, (await ReadAsync(await contributor.GetAsync(Url($"{api}/suppliers")))).GetProperty("total").GetInt32());

        // The dry run answers 200 with the same problems in the preview.
        var dry = await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers/import?dryRun=true"), Upload(csv, "vendors.csv")));
        Assert.Equal(["add", "error", "error", "error"], dry.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("action").GetString()));

        // Not a spreadsheet, an old .xls and an empty form: one sentence each.
        Assert.Contains("old Excel file", (await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers/import"), Upload([0xD0, 0xCF, 0x11, 0xE0, 1, 2], "v.xls")), HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        Assert.Contains("not an Excel workbook", (await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers/import"), Upload("a,b"u8.ToArray(), "v.xlsx")), HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        Assert.Contains("could not be read as an Excel workbook", (await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers/import"), Upload([0x50, 0x4B, 0x03, 0x04, 0, 0, 0], "v.xlsx")), HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await contributor.PostAsync(Url($"{api}/suppliers/import"), new MultipartFormDataContent { { new StringContent("x"), "other" } })).StatusCode);

        // A file without a key or name column cannot say which supplier a row is.
        var nameless = await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers/import"), Upload("Colour,Size\nred,3\n"u8.ToArray(), "x.csv")), HttpStatusCode.BadRequest);
        Assert.Contains("No column holds the supplier's key", nameless.GetProperty("detail").GetString());
        Assert.Equal(before, await SupplierEventsAsync(host));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Own_column_names_are_mapped_once_and_the_saved_mapping_serves_the_next_file(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var api = $"/api/orgs/{host.OrganizationA}";

        var first = Encoding.UTF8.GetBytes("Vendor,Category,Risk level,Remarks\nNorth Payroll,Outsourced process,important,ignore me\n");
        var wrongField = await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers/import"), Upload(first, "v.csv", """{"Risk level":"colour"}""")), HttpStatusCode.BadRequest);
        Assert.Contains("'colour', which is not a field", wrongField.GetProperty("detail").GetString());

        var mapping = """{"Risk level":"tier","Remarks":""}""";
        var imported = await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers/import?saveMapping=true"), Upload(first, "v.csv", mapping)));
        var columns = imported.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("header").GetString()!, c => (c.GetProperty("field").GetString(), c.GetProperty("how").GetString()));
        Assert.Equal(("name", "by its name"), columns["Vendor"]);
        Assert.Equal(("kind", "by its name"), columns["Category"]);
        Assert.Equal(("tier", "your mapping"), columns["Risk level"]);
        Assert.Equal((null, "not imported"), columns["Remarks"]);

        var saved = await ReadAsync(await contributor.GetAsync(Url($"{api}/suppliers/import/mapping")));
        Assert.Equal("tier", saved.GetProperty("mapping").GetProperty("Risk level").GetString());

        var second = await ReadAsync(await contributor.PostAsync(Url($"{api}/suppliers/import"), Upload("Vendor,Category,Risk level\nSouth Cleaning,Outsourced process,low\n"u8.ToArray(), "w.csv")));
        Assert.Equal("the saved mapping", second.GetProperty("columns")[2].GetProperty("how").GetString());
        Assert.Equal("SUP-6", second.GetProperty("rows")[0].GetProperty("key").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleting_what_the_file_leaves_out_happens_only_when_asked_and_never_loses_due_diligence(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        using var manager = host.Client(host.TokensA[OrganizationRole.Manager]);
        var api = $"/api/orgs/{host.OrganizationA}";
        var csv = await (await manager.GetAsync(Url($"{api}/suppliers/export?format=csv"))).Content.ReadAsByteArrayAsync();
        var withoutSup3And4 = EditCsv(csv, rows => rows.RemoveAll(r => r[0] is "SUP-3" or "SUP-4"));

        // Without the option the two rows left out are simply not touched.
        Assert.Equal(["SUP-1 unchanged", "SUP-2 unchanged"], Actions(await ReadAsync(await manager.PostAsync(Url($"{api}/suppliers/import?dryRun=true"), Upload(withoutSup3And4, "s.csv")))));

        // With it, SUP-4 answered a questionnaire: the whole import is refused and both stay.
        var refused = await ReadAsync(await manager.PostAsync(Url($"{api}/suppliers/import?deleteMissing=true"), Upload(withoutSup3And4, "s.csv")), HttpStatusCode.BadRequest);
        Assert.Contains("questionnaires were sent to it", refused.GetProperty("errors").GetProperty("SUP-4 (not in the file)")[0].GetString());
        Assert.Equal(4, (await ReadAsync(await manager.GetAsync(Url($"{api}/suppliers")))).GetProperty("total").GetInt32());

        var withoutSup3 = EditCsv(csv, rows => rows.RemoveAll(r => r[0] is "SUP-3"));
        var deleted = await ReadAsync(await manager.PostAsync(Url($"{api}/suppliers/import?deleteMissing=true"), Upload(withoutSup3, "s.csv")));
        Assert.Contains("SUP-3 delete", Actions(deleted));
        Assert.Equal(3, (await ReadAsync(await manager.GetAsync(Url($"{api}/suppliers")))).GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_editors_of_the_organization_import(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var api = $"/api/orgs/{host.OrganizationA}";
        var csv = "Name,Kind,Tier\nX,Software,low\n"u8.ToArray();
        using var viewer = host.Client(host.TokensA[OrganizationRole.Viewer]);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(Url($"{api}/suppliers/import"), Upload(csv, "x.csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(Url($"{api}/suppliers/import/mapping"))).StatusCode);
        using var outsider = host.Client(host.TokenB);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync(Url($"{api}/suppliers/import"), Upload(csv, "x.csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(Url($"{api}/suppliers/import/mapping"))).StatusCode);
        Assert.Equal(4, await host.WithScopeAsync(async s =>
        {
            s.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
            return await s.GetRequiredService<HarmoniaDbContext>().Suppliers.CountAsync();
        }));
    }
}
