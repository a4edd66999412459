using System.Text.Json;
using CsCheck;
using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Harmonia.Tests.Hardening.Fuzz;

/// <summary>
/// Issue 20, item 1: thousands of mutated sample files and generated documents through every importer, in process
/// (the same reading the API, the import page and the CLI do: bounded UTF-8 text, then the guarded reader, then the
/// use case). No case may crash, hang past its deadline or leave the heap grown beyond a generous bound.
/// </summary>
[Collection(FuzzRunsAlone.Name)]
public sealed class ImporterFuzzTests(ITestOutputHelper output)
{
    private const int ReaderCases = 3000;
    private const int ImportCases = 300;
    private const int AiEvidenceCases = 1200;

    internal static readonly string[] OrganizationSamples = Directory.GetFiles(RepositoryPaths.Examples, "*.yaml")
        .Where(f => !f.EndsWith("-answers.yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    internal static readonly string[] AnswerSamples =
    [
        File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "acme-answers.yaml")),
        JsonSerializer.Serialize(JsonDocument.Parse(Documents.DocumentControlTests.AcmeAnswersJson()).RootElement, IndentedJson),
    ];

    internal static readonly string[] AiEvidenceSamples =
    [
        "aiSystem,kind,metric,subject,value,threshold,comparison,dataSet,measuredOn,tool,controls\n"
            + "AI-02,bias,Demographic parity difference,firm age < 3y,0.04,0.1,max,holdout-2026Q1,2026-04-30,fairlearn 0.12,C-01\n"
            + "AI-01,validation,Answer accuracy,,0.93,0.9,min,support-sample,2026-05-02,internal eval,\n"
            + "AI-02,data-quality,Missing values share,,0.01,0.05,max,training-2026,2026-03-31,great expectations,\"C-01;C-02\"\n",
        """
        [
          {
            "aiSystem": "AI-02",
            "kind": "bias",
            "metric": "Demographic parity difference",
            "subject": "firm age < 3y",
            "value": 0.04,
            "threshold": 0.1,
            "comparison": "max",
            "dataSet": "holdout-2026Q1",
            "measuredOn": "2026-04-30",
            "tool": "fairlearn 0.12",
            "controls": ["C-01"]
          },
          {
            "aiSystem": "AI-01",
            "kind": "validation",
            "metric": "Answer accuracy",
            "value": 0.93,
            "threshold": 0.9,
            "comparison": "min",
            "measuredOn": "2026-05-02"
          }
        ]
        """,
    ];

    internal static Gen<byte[]> OrganizationFiles { get; } = Gen.Frequency(
        (3, FuzzInputs.Mutations(OrganizationSamples)),
        (1, FuzzInputs.Generated(FuzzInputs.Keys, null)),
        (1, FuzzInputs.Generated(FuzzInputs.Keys, "organization")));

    internal static Gen<byte[]> AnswerFiles { get; } = Gen.Frequency(
        (3, FuzzInputs.Mutations(AnswerSamples)),
        (1, FuzzInputs.Generated(FuzzInputs.Keys, "answers")),
        (1, FuzzInputs.Generated(LoadedContent.Shipped.Documents.Questionnaire.Questions.Select(q => q.Key).Concat(FuzzInputs.Keys).ToArray(), "answers")));

    internal static Gen<byte[]> AiEvidenceFiles { get; } = Gen.Frequency(
        (4, FuzzInputs.Mutations(AiEvidenceSamples)),
        (1, FuzzInputs.Generated(["aiSystem", "kind", "metric", "value", "threshold", "measuredOn", "controls", "passed", "comparison"], null)));

    [Fact]
    public async Task Organization_files_mutated_or_generated_never_crash_or_stall_the_reader()
    {
        var catalog = LoadedContent.Shipped.Catalog;
        var run = new FuzzRun("organization file, reader", output);
        try
        {
            await OrganizationFiles.SampleAsync(
                bytes => run.CaseAsync(
                    async ct =>
                    {
                        var text = await BoundedText.ReadAsync(new MemoryStream(bytes), InputLimits.Default.MaxTextBytes, "The organization file", ct);
                        OrganizationFileReader.Read("fuzz.yaml", text, catalog, InputLimits.Default, ct);
                        return FuzzOutcome.Accepted;
                    },
                    () => FuzzRun.Show(bytes)),
                seed: FuzzRun.Seed,
                iter: ReaderCases,
                print: FuzzRun.Show);
        }
        finally
        {
            run.Finish();
        }

        Assert.Equal(ReaderCases, run.Cases);
    }

    [Fact]
    public async Task Organization_files_that_read_are_imported_by_the_use_case_without_a_crash()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Guid organization;
        await using (var scope = database.Scope("fuzz"))
        {
            organization = (await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new(Persistence.PersistenceTests.Acme()))).OrganizationId;
        }

        var catalog = LoadedContent.Shipped.Catalog;
        var run = new FuzzRun("organization file, import use case (SQLite)", output);
        try
        {
            await FuzzInputs.Mutations(OrganizationSamples).SampleAsync(
                bytes => run.CaseAsync(
                    async ct =>
                    {
                        var text = await BoundedText.ReadAsync(new MemoryStream(bytes), InputLimits.Default.MaxTextBytes, "The organization file", ct);
                        var file = OrganizationFileReader.Read("fuzz.yaml", text, catalog, InputLimits.Default, ct);
                        await using var scope = database.Scope("fuzz");
                        await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new(file, organization), ct);
                        return FuzzOutcome.Accepted;
                    },
                    () => FuzzRun.Show(bytes)),
                seed: FuzzRun.Seed,
                iter: ImportCases,
                threads: 1,
                print: FuzzRun.Show);
        }
        finally
        {
            run.Finish();
        }

        await using (var scope = database.Scope("fuzz"))
        {
            var trail = await scope.ServiceProvider.GetRequiredService<Harmonia.App.Features.AuditTrail.VerifyAuditTrailHandler>().HandleAsync(new(organization));
            Assert.True(trail.Intact, trail.ToString());
        }
    }

    [Fact]
    public async Task Answers_mutated_or_generated_never_crash_the_reader_or_the_save()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Guid organization;
        await using (var scope = database.Scope("fuzz"))
        {
            organization = (await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new(Persistence.PersistenceTests.Acme()))).OrganizationId;
        }

        var questionnaire = LoadedContent.Shipped.Documents.Questionnaire;
        var run = new FuzzRun("answers, reader and save use case (SQLite)", output);
        try
        {
            await AnswerFiles.SampleAsync(
                bytes => run.CaseAsync(
                    async ct =>
                    {
                        var text = await BoundedText.ReadAsync(new MemoryStream(bytes), InputLimits.Default.MaxTextBytes, "The answers file", ct);
                        var answers = AnswersFileReader.Read("fuzz.yaml", text, questionnaire, InputLimits.Default, ct);
                        await using var scope = database.Scope("fuzz");
                        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization);
                        await scope.ServiceProvider.GetRequiredService<SaveAnswersHandler>().HandleAsync(answers, ct);
                        return FuzzOutcome.Accepted;
                    },
                    () => FuzzRun.Show(bytes)),
                seed: FuzzRun.Seed,
                iter: ReaderCases,
                print: FuzzRun.Show);
        }
        finally
        {
            run.Finish();
        }

        Assert.Equal(ReaderCases, run.Cases);
    }

    [Fact]
    public async Task Ai_evidence_csv_and_json_mutated_or_generated_never_crash_the_import()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Guid organization;
        await using (var scope = database.Scope("fuzz"))
        {
            organization = (await scope.ServiceProvider.GetRequiredService<ImportOrganizationHandler>().HandleAsync(new(Persistence.PersistenceTests.Acme()))).OrganizationId;
        }

        var run = new FuzzRun("AI evidence import, csv and json (SQLite)", output);
        try
        {
            await Gen.Select(AiEvidenceFiles, Gen.Bool).SampleAsync(
                (bytes, json) => run.CaseAsync(
                    async ct =>
                    {
                        await using var scope = database.Scope("fuzz");
                        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization);
                        await scope.ServiceProvider.GetRequiredService<ImportAiEvidenceHandler>().HandleAsync(new MemoryStream(bytes), json ? "json" : "csv", ct);
                        return FuzzOutcome.Accepted;
                    },
                    () => (json ? "json: " : "csv: ") + FuzzRun.Show(bytes)),
                seed: FuzzRun.Seed,
                iter: AiEvidenceCases,
                print: c => (c.Item2 ? "json: " : "csv: ") + FuzzRun.Show(c.Item1));
        }
        finally
        {
            run.Finish();
        }

        Assert.Equal(AiEvidenceCases, run.Cases);
    }
}
