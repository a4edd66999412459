using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Certification;

/// <summary>
/// A time-boxed engagement with one external auditor (ADR 0019): what the audit covers, the auditor's address, and the
/// dates between which the auditor's account may open the workspace. Outside them, or once closed, it opens nothing.
/// </summary>
public sealed class EngagementRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Title { get; set; }

    public required string AuditorEmail { get; set; }

    public required string NormalizedAuditorEmail { get; set; }

    /// <summary>The invitation that brought the auditor in (ADR 0016).</summary>
    public Guid? InvitationId { get; set; }

    /// <summary>Framework ids, comma-separated.</summary>
    public required string Standards { get; set; }

    /// <summary>Requirement ids the audit concentrates on, comma-separated; empty means the whole of the standards.</summary>
    public string RequirementIds { get; set; } = string.Empty;

    /// <summary>The period of records under audit.</summary>
    public DateOnly PeriodFrom { get; set; }

    public DateOnly PeriodTo { get; set; }

    /// <summary>First day the auditor has access.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>Last day the auditor has access; from the day after, access ends by itself.</summary>
    public DateOnly EndsOn { get; set; }

    public DateTime? ClosedUtc { get; set; }

    public int Version { get; set; } = 1;
}

/// <summary>An item the external auditor asked to see, assigned to a member, answered with evidence and then judged.</summary>
public sealed class EvidenceRequestRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid EngagementId { get; set; }

    /// <summary>1, 2, 3, ... within the engagement.</summary>
    public int Number { get; set; }

    public required string Text { get; set; }

    public DateOnly DueOn { get; set; }

    public Guid? AssigneeUserId { get; set; }

    /// <summary>open, answered, accepted or returned.</summary>
    public required string State { get; set; }

    /// <summary>The evidence given in answer.</summary>
    public Guid? EvidenceId { get; set; }

    public string? Answer { get; set; }

    /// <summary>The auditor's comment when accepting or returning the answer.</summary>
    public string? Comment { get; set; }

    public int Version { get; set; } = 1;
}

/// <summary>A sample the external auditor drew, stored with its seed so anyone can draw it again.</summary>
public sealed class EngagementSampleRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid EngagementId { get; set; }

    /// <summary>evidence, risks, nonconformities or audit-results.</summary>
    public required string Population { get; set; }

    public int PopulationSize { get; set; }

    public required string PopulationFingerprint { get; set; }

    public int Size { get; set; }

    public long Seed { get; set; }

    public required string Method { get; set; }

    /// <summary>The drawn records as JSON (id and label).</summary>
    public required string SelectedJson { get; set; }

    public DateTime DrawnUtc { get; set; }
}

/// <summary>A finding the external auditor raised; on closing the engagement it becomes the organization's nonconformity (NC-n).</summary>
public sealed class EngagementFindingRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid EngagementId { get; set; }

    /// <summary>MinorNonconformity, MajorNonconformity or Observation.</summary>
    public required string Grade { get; set; }

    public required string Text { get; set; }

    /// <summary>Requirement ids, comma-separated.</summary>
    public required string RequirementIds { get; set; }

    public DateOnly RaisedOn { get; set; }

    /// <summary>The nonconformity it became when the engagement closed.</summary>
    public Guid? NonconformityId { get; set; }
}

/// <summary>
/// A read by the external auditor (the audit pack, a piece of evidence): reads change nothing, so each is written as a
/// row of its own to reach the audit trail with the engagement.
/// </summary>
public sealed class EngagementAccessRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid EngagementId { get; set; }

    /// <summary>What was read, e.g. "audit pack".</summary>
    public required string What { get; set; }

    public DateTime AtUtc { get; set; }
}
