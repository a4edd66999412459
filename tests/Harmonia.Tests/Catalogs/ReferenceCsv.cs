using System.Globalization;
using CsvHelper;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Catalogs;

/// <summary>Reads the reference CSVs in tests/Harmonia.Tests/reference as rows of column name -> value.</summary>
internal static class ReferenceCsv
{
    public static IReadOnlyList<Dictionary<string, string>> Read(string fileName)
    {
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Reference, fileName));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<Dictionary<string, string>>();
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? string.Empty));
        }

        return rows;
    }
}
