using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Suppliers;

/// <summary>Where a questionnaire sent to a supplier stands. "Expired" is not stored: an open one past its expiry reads as expired.</summary>
public enum QuestionnaireStatus
{
    /// <summary>Sent; the supplier may not have opened it yet, or keeps a draft.</summary>
    Sent,

    /// <summary>The supplier submitted its answers; the link shows them read-only until a reviewer asks for more.</summary>
    Submitted,

    /// <summary>A reviewer asked for clarification; the link opens for answers again.</summary>
    ClarificationRequested,

    /// <summary>A reviewer accepted the answers; what they pass now counts in the gap analysis.</summary>
    Accepted,

    /// <summary>Withdrawn by the organization; the link is dead.</summary>
    Revoked,
}

/// <summary>
/// A due diligence questionnaire sent to one supplier: a copy of the template as sent (so later edits to a template never
/// change what the supplier answered), the current answers, the reviewer's marks and comments, and the link. Only the
/// SHA-256 of the link's secret is stored; the audit trail never records a column ending in "Hash".
/// </summary>
public sealed class SupplierQuestionnaireRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid SupplierId { get; set; }

    public required string TemplateKey { get; set; }

    public required string Title { get; set; }

    /// <summary>The QuestionnaireTemplate as sent, as JSON.</summary>
    public required string TemplateJson { get; set; }

    /// <summary>The supplier's contact the link was given to.</summary>
    public required string SentTo { get; set; }

    public required string SentBy { get; set; }

    public DateTime SentUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public required string TokenHash { get; set; }

    public QuestionnaireStatus Status { get; set; }

    /// <summary>The answers as last saved by the supplier (JSON list of QuestionnaireAnswer); every save is also kept as a version.</summary>
    public string AnswersJson { get; set; } = "[]";

    /// <summary>The reviewer's marks (JSON list of AnswerMark); a later mark of a question replaces an earlier one.</summary>
    public string MarksJson { get; set; } = "[]";

    /// <summary>Comments and clarification requests, oldest first (JSON list of QuestionnaireComment).</summary>
    public string CommentsJson { get; set; } = "[]";

    public int AnswerVersions { get; set; }

    public DateTime? SubmittedUtc { get; set; }

    public int? Score { get; set; }

    public DateOnly? AcceptedOn { get; set; }

    public string? AcceptedBy { get; set; }

    /// <summary>Incremented on every change; the concurrency token, so a supplier's save and a reviewer's action never cross.</summary>
    public int Version { get; set; } = 1;
}

/// <summary>
/// One save of the supplier's answers (a draft or the submission), never changed afterwards: the answers as JSON with
/// their SHA-256, like an evidence version. Attached files live in the evidence file store under their own SHA-256.
/// </summary>
public sealed class SupplierAnswerVersionRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid QuestionnaireId { get; set; }

    public int Number { get; set; }

    public bool Submitted { get; set; }

    public required string AnswersJson { get; set; }

    /// <summary>SHA-256 of AnswersJson as stored; named so it is recorded in the audit trail (it is no secret).</summary>
    public required string Sha256 { get; set; }

    public DateTime SavedUtc { get; set; }
}

/// <summary>A questionnaire template the organization wrote itself, kept as the YAML it uploaded and read like ours.</summary>
public sealed class SupplierQuestionnaireTemplateRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Key { get; set; }

    public required string Title { get; set; }

    public required string Yaml { get; set; }

    public int Version { get; set; } = 1;
}
