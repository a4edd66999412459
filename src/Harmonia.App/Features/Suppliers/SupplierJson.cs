using System.Text.Json;
using Harmonia.Domain.Suppliers;

namespace Harmonia.App.Features.Suppliers;

/// <summary>How a supplier's JSON columns are written and read: the domain records with web naming.</summary>
internal static class SupplierJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(IReadOnlyList<T> items) => JsonSerializer.Serialize(items, Options);

    public static IReadOnlyList<T> Read<T>(string json) => JsonSerializer.Deserialize<T[]>(json, Options) ?? [];

    public static IReadOnlyList<SupplierTier> Tiers(SupplierTiersRecord? record) =>
        record is null ? SupplierVocabulary.DefaultTiers : Read<SupplierTier>(record.Json);
}
