using System.Text.Json;
using System.Text.Json.Serialization;
using Harmonia.Domain.Audits;

namespace Harmonia.App.Features.Audits;

public static class AuditStatuses
{
    public const string Planned = "planned";
    public const string InProgress = "in-progress";
    public const string Completed = "completed";
}

/// <summary>What a client sends to plan an audit. Scope: whole frameworks, single requirements, or both.</summary>
public sealed record AuditInput(
    string? Key,
    string? Title,
    IReadOnlyList<string>? Frameworks,
    IReadOnlyList<string>? RequirementIds,
    IReadOnlyList<string>? Processes,
    IReadOnlyList<string>? AiSystems,
    IReadOnlyList<string>? Sites,
    string? Criteria,
    DateOnly? PlannedStart,
    DateOnly? PlannedEnd,
    IReadOnlyList<string>? Auditors);

public sealed record AuditDto(
    Guid Id,
    string Key,
    string Title,
    AuditScope Scope,
    string? Criteria,
    DateOnly PlannedStart,
    DateOnly PlannedEnd,
    IReadOnlyList<string> Auditors,
    string Status,
    DateOnly? CompletedOn,
    int Version)
{
    internal static AuditDto From(AuditRecord a) => new(
        a.Id, a.Key, a.Title, AuditJson.Scope(a.ScopeJson), a.Criteria, a.PlannedStart, a.PlannedEnd,
        a.Auditors.Split(',', StringSplitOptions.RemoveEmptyEntries), a.Status, a.CompletedOn, a.Version);
}

public sealed record ChecklistResult(string Grade, string? Note, string? Sampled, string RecordedBy, DateTime RecordedUtc);

public sealed record ChecklistRow(ChecklistItem Item, ChecklistResult? Result);

public sealed record AuditDetail(AuditDto Audit, IReadOnlyList<ChecklistRow> Checklist, IReadOnlyList<string> IndependenceConflicts, IReadOnlyList<NonconformityDto> Nonconformities);

public sealed record NonconformityDto(Guid Id, string Key, Guid? AuditId, Nonconformity Nonconformity, string StateLabel, int Version)
{
    internal static NonconformityDto From(NonconformityRecord n)
    {
        var nc = NonconformityJson.Read(n.Json);
        return new(n.Id, n.Key, n.AuditId, nc, NonconformityLifecycle.Label(nc.State), n.Version);
    }
}

public static class AuditJson
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static AuditScope Scope(string json) => JsonSerializer.Deserialize<AuditScope>(json, Options)!;

    internal static string Write(AuditScope scope) => JsonSerializer.Serialize(scope, Options);
}

public static class NonconformityJson
{
    public static Nonconformity Read(string json) => JsonSerializer.Deserialize<Nonconformity>(json, AuditJson.Options)!;

    internal static string Write(Nonconformity nonconformity) => JsonSerializer.Serialize(nonconformity, AuditJson.Options);
}
