using System.Text.Json;
using Harmonia.Domain.AiSystems;

namespace Harmonia.App.Features.AiSystems;

public sealed record ImpactAssessmentDto(
    Guid AiSystemId,
    string AiSystemKey,
    string AiSystemName,
    int Number,
    string Status,
    IReadOnlyList<ImpactEntry> Entries,
    string? Summary,
    string? ResidualAssessment,
    string? Decision,
    DateOnly? NextReviewOn,
    string CreatedBy,
    DateTime CreatedUtc,
    string? ApprovedBy,
    DateTime? ApprovedUtc,
    int Version)
{
    internal static ImpactAssessmentDto From(ImpactAssessmentRecord a, string key, string name) => new(
        a.AiSystemId, key, name, a.Number, a.Status, ImpactAssessmentJson.Entries(a.EntriesJson), a.Summary, a.ResidualAssessment, a.Decision,
        a.NextReviewOn, a.CreatedBy, a.CreatedUtc, a.ApprovedBy, a.ApprovedUtc, a.Version);
}

/// <summary>What a client sends to fill in a draft assessment.</summary>
public sealed record ImpactAssessmentInput(
    IReadOnlyList<ImpactEntry>? Entries,
    string? Summary,
    string? ResidualAssessment,
    string? Decision,
    DateOnly? NextReviewOn);

public static class ImpactAssessmentJson
{
    public static readonly string[] Decisions = ["proceed", "proceed-with-conditions", "stop"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<ImpactEntry> Entries(string json) => JsonSerializer.Deserialize<ImpactEntry[]>(json, Json) ?? [];

    internal static string Serialize(IReadOnlyList<ImpactEntry> entries) => JsonSerializer.Serialize(entries, Json);
}
