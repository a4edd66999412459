using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Audits;

/// <summary>An internal audit of the programme: scope, criteria, dates, auditors, and whether it is completed.</summary>
public sealed class AuditRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The organization's own id, e.g. IA-2026-01; unique within the organization.</summary>
    public required string Key { get; set; }

    public required string Title { get; set; }

    /// <summary>JSON of the domain AuditScope (requirement ids, processes, AI systems, sites).</summary>
    public required string ScopeJson { get; set; }

    public string? Criteria { get; set; }

    public DateOnly PlannedStart { get; set; }

    public DateOnly PlannedEnd { get; set; }

    /// <summary>Auditor names, comma-separated; checked for independence against control owners.</summary>
    public required string Auditors { get; set; }

    /// <summary>planned, in-progress or completed.</summary>
    public required string Status { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public int Version { get; set; } = 1;
}

/// <summary>The result of one checklist item of an audit.</summary>
public sealed class AuditResultRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid AuditId { get; set; }

    /// <summary>The checklist item key (a requirement id, or clause:9.2.2 for an integrated clause).</summary>
    public required string ItemKey { get; set; }

    /// <summary>Requirement ids the item covers, comma-separated.</summary>
    public required string RequirementIds { get; set; }

    /// <summary>The FindingGrade name.</summary>
    public required string Grade { get; set; }

    public string? Note { get; set; }

    /// <summary>What was sampled (evidence titles, record numbers).</summary>
    public string? Sampled { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedUtc { get; set; }
}

/// <summary>A nonconformity and its corrective action, stored as the domain record (JSON) plus columns to query by.</summary>
public sealed class NonconformityRecord : ISequentialKey
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>NC-1, NC-2, ... within the organization; numbered when saved (the domain record's Id repeats it).</summary>
    public required string Key { get; set; }

    public string KeyPrefix => "NC-";

    public Guid? AuditId { get; set; }

    public required string Grade { get; set; }

    public required string State { get; set; }

    /// <summary>Requirement ids, comma-separated.</summary>
    public required string RequirementIds { get; set; }

    /// <summary>JSON of the domain Nonconformity.</summary>
    public required string Json { get; set; }

    public int Version { get; set; } = 1;

    public void AssignKey(string key) => (Key, Json) = (key, NonconformityJson.Write(NonconformityJson.Read(Json) with { Id = key }));
}
