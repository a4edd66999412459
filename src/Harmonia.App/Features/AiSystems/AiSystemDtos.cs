using System.Text.Json;
using Harmonia.App.Persistence;
using Harmonia.Domain.AiSystems;

namespace Harmonia.App.Features.AiSystems;

/// <summary>Where an AI system's data comes from and how it is kept fit for use (42001 A.7).</summary>
public sealed record DataSourceDto(string Name, string? Provenance, string? QualityMeasures, string? Preparation);

public sealed record AiSystemDto(
    Guid Id,
    string Key,
    string Name,
    string? Purpose,
    IReadOnlyList<string> Roles,
    string? EuAiActRole,
    string? LifecycleStage,
    string? ModelType,
    string? Supplier,
    IReadOnlyList<DataSourceDto> DataSources,
    string? HumanOversight,
    string? Autonomy,
    string? AffectedPeople,
    string? IntendedUse,
    string? ForeseeableMisuse,
    string? EuAiActClass,
    IReadOnlyList<string> Controls,
    bool InScope,
    AssessmentStanding Assessment,
    int Version,
    string? PeriodOfUse = null)
{
    /// <param name="controlKeys">Control id -> current key; the system's control links must be loaded.</param>
    internal static AiSystemDto From(AiSystemRecord a, AssessmentStanding standing, IReadOnlyDictionary<Guid, string> controlKeys) => new(
        a.Id, a.Key, a.Name, a.Purpose, AiSystemFacts.Roles(a), a.EuAiActRole, a.LifecycleStage, a.ModelType, a.Supplier, AiSystemFacts.DataSources(a), a.HumanOversight, a.Autonomy,
        a.AffectedPeople, a.IntendedUse, a.ForeseeableMisuse, a.EuAiActClass, controlKeys.KeysOf(a.ControlLinks.Select(l => l.ControlId)), a.InScope, standing, a.Version, a.PeriodOfUse);
}

/// <summary>What a client sends to register or change an AI system.</summary>
/// <param name="Roles">The ISO/IEC 22989 roles (tokens of <see cref="AiRoles"/>), one or more.</param>
/// <param name="EuAiActRole">Optional EU AI Act operator role.</param>
/// <param name="Role">
/// The old single role (developer, provider, deployer, user), still accepted from clients written before the 22989
/// roles and read as <see cref="AiRoles.Legacy"/> maps it; never together with <paramref name="Roles"/>.
/// </param>
/// <param name="PeriodOfUse">When and how often the system is used, e.g. "continuously, every working day since 2025".</param>
public sealed record AiSystemInput(
    string? Key,
    string? Name,
    string? Purpose,
    IReadOnlyList<string>? Roles,
    string? EuAiActRole,
    string? LifecycleStage,
    string? ModelType,
    string? Supplier,
    IReadOnlyList<DataSourceDto>? DataSources,
    string? HumanOversight,
    string? Autonomy,
    string? AffectedPeople,
    string? IntendedUse,
    string? ForeseeableMisuse,
    string? EuAiActClass,
    IReadOnlyList<string>? Controls,
    bool? InScope,
    string? Role = null,
    string? PeriodOfUse = null);

public static class AiSystemFacts
{
    public static readonly string[] Stages = ["inception", "design", "development", "verification", "deployment", "operation", "retirement"];
    public static readonly string[] OversightModes = ["human-in-the-loop", "human-on-the-loop", "human-in-command", "none"];
    public static readonly string[] AutonomyLevels = ["assistive", "partial", "full"];
    public static readonly string[] EuAiActClasses = [.. Harmonia.Domain.AiSystems.EuAiActClasses.Tokens];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<string> Roles(AiSystemRecord system) => SplitRoles(system.AiRoles);

    public static IReadOnlyList<string> SplitRoles(string stored) => stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal static string JoinRoles(IEnumerable<string?> roles) => string.Join(',', AiRoles.Normalize(roles));

    public static IReadOnlyList<DataSourceDto> DataSources(AiSystemRecord system) =>
        JsonSerializer.Deserialize<DataSourceDto[]>(system.DataSourcesJson, Json) ?? [];

    internal static string DataSourcesJson(IReadOnlyList<DataSourceDto> sources) => JsonSerializer.Serialize(sources, Json);

    /// <summary>The facts whose change makes a new impact assessment due.</summary>
    public static SignificantFacts Significant(AiSystemRecord system) => new(
        system.Purpose ?? string.Empty,
        system.ModelType ?? string.Empty,
        string.Join("; ", DataSources(system).Select(d => d.Name + (string.IsNullOrWhiteSpace(d.Provenance) ? string.Empty : " from " + d.Provenance))),
        system.AffectedPeople ?? string.Empty);

    internal static string Serialize(SignificantFacts facts) => JsonSerializer.Serialize(facts, Json);

    internal static SignificantFacts? Deserialize(string? json) => json is null ? null : JsonSerializer.Deserialize<SignificantFacts>(json, Json);
}
