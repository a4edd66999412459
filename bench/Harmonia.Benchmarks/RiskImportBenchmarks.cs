using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Harmonia.App.Features.Interop;
using Harmonia.App.Features.Risks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Benchmarks;

/// <summary>
/// The risk register's spreadsheet import (ADR 0022) with 500 rows written by another tool: reading the file alone,
/// the preview (dry run) into an empty register, the committed import of 500 new risks, and an import of the
/// register's own XLSX export that changes nothing. Rows per second is 500 divided by the mean.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(warmupCount: 1, iterationCount: 8, invocationCount: 1)]
public class RiskImportBenchmarks
{
    private const int Rows = 500;

    private static readonly string[] Categories = ["Confidentiality", "Integrity", "Availability", "Fairness and bias", "Privacy"];

    private static readonly string[] Responses = ["accept", "avoid", "transfer"];

    private SqliteBenchDatabase _database = null!;
    private byte[] _csv = [];
    private byte[] _xlsx = [];

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [IterationSetup(Targets = [nameof(Preview), nameof(Commit)])]
    public void EmptyRegister() => _database.InScopeAsync((db, _) => db.Risks.ExecuteDeleteAsync()).GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(Unchanged))]
    public void FullRegister()
    {
        EmptyRegister();
        ImportAsync(_csv, dryRun: false).GetAwaiter().GetResult();
    }

    [Benchmark(Description = "read 500 rows from CSV (no database)")]
    public int ReadCsv() => SpreadsheetReader.Read(_csv, "risks.csv").Rows.Count;

    [Benchmark(Description = "read 500 rows from the register's XLSX (no database)")]
    public int ReadXlsx() => SpreadsheetReader.Read(_xlsx, "risks.xlsx").Rows.Count;

    [Benchmark(Description = "preview (dry run): 500 new risks from CSV")]
    public Task<int> Preview() => ImportAsync(_csv, dryRun: true);

    [Benchmark(Description = "import: 500 new risks from CSV, committed with their audit events")]
    public Task<int> Commit() => ImportAsync(_csv, dryRun: false);

    [Benchmark(Description = "import: the register's own XLSX of 500 risks, nothing changed")]
    public Task<int> Unchanged() => ImportAsync(_xlsx, dryRun: false);

    private Task<int> ImportAsync(byte[] file, bool dryRun) => _database.InScopeAsync(async (_, s) =>
    {
        var preview = await s.GetRequiredService<ImportRiskRegisterHandler>().HandleAsync(SpreadsheetReader.Read(file, file == _csv ? "risks.csv" : "risks.xlsx"), null, new ImportOptions(dryRun));
        return preview.Errors > 0 ? throw new InvalidOperationException(string.Join('\n', preview.ErrorLines.Take(5))) : preview.Rows.Count;
    });

    private async Task SetupAsync()
    {
        (_database, _) = await SqliteBenchDatabase.CreateAsync("risk-import", "Import Bench GmbH", 1);
        _csv = Encoding.UTF8.GetBytes(OtherToolsCsv());
        await ImportAsync(_csv, dryRun: false);
        _xlsx = await _database.InScopeAsync(async (_, s) => (await s.GetRequiredService<ExportRiskTreatmentPlanHandler>().HandleAsync("xlsx")).Content);
    }

    /// <summary>The register as another tool writes it: its own headers, which the import matches by alias.</summary>
    private static string OtherToolsCsv()
    {
        var csv = new StringBuilder("Risk ID,Risk Name,Risk Category,Probability,Consequence,Response,Residual Likelihood,Residual Impact,Risk Owner,Target Date,Affected Assets\n");
        for (var i = 1; i <= Rows; i++)
        {
            var (likelihood, impact) = ((i % 5) + 1, ((i * 3) % 5) + 1);
            csv.Append(CultureInfo.InvariantCulture, $"RSK-{i:D4},\"Risk {i}: supplier outage, team {i % 17}\",{Categories[i % Categories.Length]},{likelihood},{impact},{Responses[i % Responses.Length]},")
                .Append(CultureInfo.InvariantCulture, $"{Math.Max(1, likelihood - 1)},{Math.Max(1, impact - 1)},Owner {i % 9},{new DateOnly(2027, 1, 1).AddDays(i):yyyy-MM-dd},Asset {i % 23}\n");
        }

        return csv.ToString();
    }
}
