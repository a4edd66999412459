using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Evidence;

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

/// <summary>
/// When a stored file lost a row naming it (its evidence deleted, with its control or by an import). The store is
/// shared by content, so the file may still be named elsewhere; the sweep decides. Files released this way are kept for
/// Evidence:RetainDeletedFor after their latest release, whereas files no row ever named go after Evidence:OrphanSweepAfter.
/// Not an organization's record: the deletion itself is in the organization's audit trail.
/// </summary>
public sealed class ReleasedEvidenceFile
{
    public Guid Id { get; set; }

    /// <summary>Lower-case hex SHA-256: the file's address in the store.</summary>
    public required string Sha256 { get; set; }

    public DateTime ReleasedUtc { get; set; }
}
