using BenchmarkDotNet.Attributes;
using Harmonia.App.Content;
using Harmonia.App.Features.Organizations;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Mapping;

namespace Harmonia.Benchmarks;

/// <summary>
/// The gap analysis alone (content and organization already loaded, mapping graph built once per catalog as the
/// hosts do), for the acme sample on the shipped catalogs and for the synthetic content set.
/// </summary>
[MemoryDiagnoser]
public class GapAnalysisBenchmarks
{
    private GapAnalyzer _shipped = null!;
    private OrganizationState _acme = null!;
    private GapAnalyzer _synthetic = null!;
    private OrganizationState _syntheticState = null!;
    private Domain.Catalogs.Catalog _syntheticCatalog = null!;

    [GlobalSetup]
    public void Setup()
    {
        var content = LoadedContent.Shipped;
        var root = FindRoot();
        var file = Path.Combine(root, "examples", "acme-iso27001-certified.yaml");
        _acme = OrganizationFileReader.Read(file, File.ReadAllText(file), content.Catalog).ToState(DateOnly.FromDateTime(DateTime.UtcNow));
        _shipped = new GapAnalyzer(new MappingEngine(content.Catalog));
        (_syntheticCatalog, _syntheticState) = SyntheticContent.Build();
        _synthetic = new GapAnalyzer(new MappingEngine(_syntheticCatalog));
    }

    [Benchmark(Description = "acme -> iso42001-2023 (shipped catalogs)")]
    public GapReport Acme() => _shipped.Analyze(_acme, "iso42001-2023", new GapOptions("iso27001-2022"));

    [Benchmark(Description = "synthetic: 2,000 reqs, 20,000 mappings, 5,000 controls")]
    public GapReport Synthetic() => _synthetic.Analyze(_syntheticState, "fw0", new GapOptions("fw1"));

    [Benchmark(Description = "synthetic: build the mapping graph")]
    public MappingEngine SyntheticGraph() => new(_syntheticCatalog);

    internal static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Harmonia.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
