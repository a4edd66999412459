using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Harmonia.App.Features.Soa;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Soa;

public sealed class RegisterCommandTests
{
    [Fact]
    public async Task Soa_and_risk_treatment_plan_export_to_files_and_refuse_what_does_not_exist()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var import = await CliRun.OnAsync(database, "org", "import", CliRun.Example("acme-iso27001-certified.yaml"));
        var id = System.Text.RegularExpressions.Regex.Match(import.Out, "organization ([0-9a-f-]{36})").Groups[1].Value;
        var folder = Directory.CreateTempSubdirectory("harmonia-registers-").FullName;
        try
        {
            var none = await CliRun.OnAsync(database, "soa", "export", "--org", id, "--framework", "iso27001-2022", "--out", Path.Combine(folder, "soa.xlsx"));
            Assert.Equal(1, none.ExitCode);
            Assert.Contains("no saved Statement of Applicability for iso27001-2022 yet", none.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "soa.xlsx")));

            await using (var scope = database.Scope())
            {
                scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(Guid.Parse(id));
                var proposal = await scope.ServiceProvider.GetRequiredService<ProposeSoaHandler>().HandleAsync(Guid.Parse(id), "iso27001-2022");
                await scope.ServiceProvider.GetRequiredService<SaveSoaVersionHandler>().HandleAsync(Guid.Parse(id), "iso27001-2022", new(
                    proposal.Where(r => !r.Included).Select(r => new SoaDecisionInput(r.RequirementId, false, null, "No such activity at Acme.")).ToArray(), null));
            }

            var xlsx = await CliRun.OnAsync(database, "soa", "export", "--org", id, "--framework", "iso27001-2022", "--out", Path.Combine(folder, "soa.xlsx"));
            Assert.Equal(0, xlsx.ExitCode);
            using (var book = SpreadsheetDocument.Open(Path.Combine(folder, "soa.xlsx"), false))
            {
                Assert.Empty(new OpenXmlValidator().Validate(book));
            }

            var plan = await CliRun.OnAsync(database, "risks", "export", "--org", id, "--format", "docx", "--out", Path.Combine(folder, "plan.docx"));
            Assert.Equal(0, plan.ExitCode);
            using (var word = WordprocessingDocument.Open(Path.Combine(folder, "plan.docx"), false))
            {
                Assert.Contains("Risk treatment plan", word.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
            }

            var unknown = await CliRun.OnAsync(database, "risks", "export", "--org", Guid.NewGuid().ToString(), "--out", Path.Combine(folder, "x.xlsx"));
            Assert.Equal((1, true), (unknown.ExitCode, unknown.Error.Contains("There is no organization", StringComparison.Ordinal)));
            var format = await CliRun.OnAsync(database, "risks", "export", "--org", id, "--format", "exe", "--out", Path.Combine(folder, "x.exe"));
            Assert.NotEqual(0, format.ExitCode);
            Assert.False(File.Exists(Path.Combine(folder, "x.exe")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
