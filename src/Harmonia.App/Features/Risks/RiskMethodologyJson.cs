using System.Text.Json;
using Harmonia.Domain.Risks;

namespace Harmonia.App.Features.Risks;

internal static class RiskMethodologyJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(RiskMethodology methodology) => JsonSerializer.Serialize(methodology, Options);

    public static RiskMethodology Read(string json) => JsonSerializer.Deserialize<RiskMethodology>(json, Options)!;
}
