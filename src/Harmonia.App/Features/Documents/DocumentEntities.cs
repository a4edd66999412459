using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Documents;

/// <summary>One version of an organization's questionnaire answers; a change saves a new version, never an edit.</summary>
public sealed class AnswerSetRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public int Version { get; set; }

    /// <summary>The answers as a JSON object of question key to value.</summary>
    public required string Json { get; set; }

    public DateTime CreatedUtc { get; set; }

    public required string CreatedBy { get; set; }
}

/// <summary>A controlled document of the organization, generated from a template; its content lives in revisions.</summary>
public sealed class ControlledDocumentRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string TemplateId { get; set; }

    public required string Title { get; set; }

    public List<DocumentRevisionRecord> Revisions { get; set; } = [];
}

/// <summary>
/// A revision of a controlled document. Draft, in review and approved revisions may move on; a published revision
/// is immutable (content hash, rendered files in the content-addressed store) until it is retired.
/// </summary>
public sealed class DocumentRevisionRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid DocumentId { get; set; }

    /// <summary>1, 2, 3 ... in the order revisions were generated.</summary>
    public int Number { get; set; }

    /// <summary>"1.0", "1.1", "2.0": the major part moves on a material change, the minor part on a minor one.</summary>
    public required string Label { get; set; }

    /// <summary>draft, in_review, approved, published, retired (see <see cref="DocumentStatuses"/>).</summary>
    public required string Status { get; set; }

    /// <summary>material or minor; decides whether people must acknowledge again.</summary>
    public required string Change { get; set; }

    public int AnswerSetVersion { get; set; }

    public required string ContentVersion { get; set; }

    /// <summary>The document as Markdown: what diffs compare and what the hash covers.</summary>
    public required string Markdown { get; set; }

    public required string ContentSha256 { get; set; }

    /// <summary>Required answers missing when it was generated, comma-separated; non-empty blocks publication.</summary>
    public string MissingAnswers { get; set; } = string.Empty;

    public required string Author { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTime? ApprovedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public DateOnly? NextReview { get; set; }

    public string? DocxSha256 { get; set; }

    public string? PdfSha256 { get; set; }
}

/// <summary>A person confirmed they read a published revision.</summary>
public sealed class DocumentAcknowledgmentRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid RevisionId { get; set; }

    public Guid UserId { get; set; }

    public required string UserName { get; set; }

    public DateTime AcknowledgedUtc { get; set; }
}

public static class TailoringStatuses
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Refused = "refused";
}

public static class DocumentStatuses
{
    public const string Draft = "draft";
    public const string InReview = "in_review";
    public const string Approved = "approved";
    public const string Published = "published";
    public const string Retired = "retired";
}

/// <summary>
/// A model's rewrite of one statement, kept apart from the document until a person approves it. Approved rewrites
/// replace the deterministic text in later drafts while that text is unchanged; a refused one records why.
/// </summary>
public sealed class TailoringProposalRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid DocumentId { get; set; }

    public required string StatementId { get; set; }

    public required string Original { get; set; }

    public string? Proposed { get; set; }

    /// <summary>pending, approved, rejected or refused (by the guardrails).</summary>
    public required string Status { get; set; }

    public string? Refusal { get; set; }

    public required string RequestedBy { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedUtc { get; set; }
}

/// <summary>
/// A policy the organization already had, uploaded as it is and mapped to the requirements it addresses. It counts
/// as a published document in the gap analysis; its file sits in the content-addressed store.
/// </summary>
public sealed class RegisteredDocumentRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Title { get; set; }

    public required string Version { get; set; }

    public string? Owner { get; set; }

    /// <summary>Requirement ids, comma-separated, checked against the catalogs.</summary>
    public required string RequirementIds { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required string Sha256 { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    public required string RegisteredBy { get; set; }

    public DateTime RegisteredUtc { get; set; }
}

/// <summary>One member's approval of a revision in review; a revision is approved once enough members approved it.</summary>
public sealed class DocumentApprovalRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid RevisionId { get; set; }

    public required string Approver { get; set; }

    /// <summary>
    /// The top-management member (name and position, as at the time) the approver was when approving, if any: the
    /// policies are top management's to establish (5.2 of both standards).
    /// </summary>
    public string? TopManagementApprover { get; set; }

    public DateTime ApprovedUtc { get; set; }
}
