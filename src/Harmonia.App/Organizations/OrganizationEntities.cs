using Harmonia.App.Persistence;

namespace Harmonia.App.Organizations;

public sealed class Organization
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public string? Sector { get; set; }

    public int? Employees { get; set; }

    /// <summary>Locations, one per line.</summary>
    public string Locations { get; set; } = string.Empty;

    /// <summary>Team capacity in hundredths of a full-time equivalent (integers sort and compare on every provider).</summary>
    public int TeamCapacityHundredths { get; set; } = 100;

    public DateTime CreatedUtc { get; set; }

    /// <summary>How many different members must approve a document revision before it can be published (1 to 3).</summary>
    public int RequiredDocumentApprovals { get; set; } = 1;
}

public sealed class ControlRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The organization's own identifier, e.g. "C-12"; unique within the organization.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public string? Owner { get; set; }

    public required string Status { get; set; }

    /// <summary>Incremented on every change; the ETag of the control and the concurrency token.</summary>
    public int Version { get; set; } = 1;

    public List<ControlRequirementLink> Requirements { get; set; } = [];

    public List<EvidenceRecord> Evidence { get; set; } = [];
}

public sealed class ControlRequirementLink : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid ControlId { get; set; }

    public required string RequirementId { get; set; }
}

/// <summary>
/// One piece of evidence for a control: a stored file, a link, or a record kept elsewhere. What it says lives in
/// its versions, which are never changed once written; a newer version supersedes the older ones.
/// </summary>
public sealed class EvidenceRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid ControlId { get; set; }

    public required string Title { get; set; }

    /// <summary>The number of the newest version.</summary>
    public int CurrentVersion { get; set; } = 1;

    public List<EvidenceVersion> Versions { get; set; } = [];
}

/// <summary>An immutable version of a piece of evidence (the audit trail writer refuses to update one).</summary>
public sealed class EvidenceVersion : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid EvidenceId { get; set; }

    public int Number { get; set; }

    /// <summary>file, link or record (see <see cref="EvidenceKinds"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>The uploaded file's name, sanitised; null unless Kind is file.</summary>
    public string? FileName { get; set; }

    /// <summary>The media type sniffed from the content, never the one the client claimed.</summary>
    public string? ContentType { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content; also its address in the evidence store.</summary>
    public string? Sha256 { get; set; }

    public long? SizeBytes { get; set; }

    public string? Url { get; set; }

    public string? Note { get; set; }

    /// <summary>From when the evidence shows the control working (e.g. the date of the review it records).</summary>
    public DateOnly? EffectiveOn { get; set; }

    /// <summary>After this date the evidence no longer counts; null when it does not expire.</summary>
    public DateOnly? ExpiresOn { get; set; }

    public DateTime CreatedUtc { get; set; }

    public required string CreatedBy { get; set; }
}

public static class EvidenceKinds
{
    public const string File = "file";
    public const string Link = "link";
    public const string Record = "record";
}

public sealed class RequirementResultRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string RequirementId { get; set; }

    public required string Result { get; set; }

    public string? Reason { get; set; }
}

/// <summary>A certificate the organization holds (e.g. ISO 27001 since 2023, by which certification body).</summary>
public sealed class CertificationRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string FrameworkId { get; set; }

    public DateOnly? Since { get; set; }

    public string? CertificationBody { get; set; }
}

public sealed class AiSystemRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Key { get; set; }

    public required string Name { get; set; }

    public string? Purpose { get; set; }

    public required string Role { get; set; }

    public string? LifecycleStage { get; set; }

    public string? Supplier { get; set; }

    public string? ModelType { get; set; }

    /// <summary>JSON array of data sources with provenance, quality measures and preparation steps (42001 A.7).</summary>
    public string DataSourcesJson { get; set; } = "[]";

    /// <summary>human-in-the-loop, human-on-the-loop, human-in-command or none.</summary>
    public string? HumanOversight { get; set; }

    /// <summary>assistive, partial or full.</summary>
    public string? Autonomy { get; set; }

    public string? AffectedPeople { get; set; }

    public string? IntendedUse { get; set; }

    public string? ForeseeableMisuse { get; set; }

    /// <summary>Optional EU AI Act class: prohibited, high-risk, limited, minimal, gpai.</summary>
    public string? EuAiActClass { get; set; }

    /// <summary>Keys of the organization's controls that govern it, comma-separated.</summary>
    public string Controls { get; set; } = string.Empty;

    /// <summary>Whether it is in the AI management system's scope (retired systems are not).</summary>
    public bool InScope { get; set; } = true;

    public int Version { get; set; } = 1;
}
