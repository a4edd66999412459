using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Risks;

/// <summary>One version of an organization's risk methodology (JSON); a change saves a new version.</summary>
public sealed class RiskMethodologyRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public int Version { get; set; }

    public required string Json { get; set; }

    public DateTime CreatedUtc { get; set; }

    public required string CreatedBy { get; set; }
}

/// <summary>A risk of the one register for information security and AI.</summary>
public sealed class RiskRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The organization's own identifier, e.g. R-12; unique within the organization.</summary>
    public required string Key { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>Category ids, comma-separated (see RiskCategories).</summary>
    public required string Categories { get; set; }

    /// <summary>42001 Annex C risk source ids, comma-separated (iso42001-2023:C.3.x).</summary>
    public string RiskSources { get; set; } = string.Empty;

    public string? Assets { get; set; }

    /// <summary>The AI systems of the inventory it concerns (by id; their keys are shown).</summary>
    public List<RiskAiSystemLink> AiSystemLinks { get; set; } = [];

    public int InherentLikelihood { get; set; }

    public int InherentImpact { get; set; }

    /// <summary>mitigate, accept, avoid or transfer.</summary>
    public required string Treatment { get; set; }

    /// <summary>The organization's controls that treat the risk (by id; their keys are shown).</summary>
    public List<RiskControlLink> ControlLinks { get; set; } = [];

    public int ResidualLikelihood { get; set; }

    public int ResidualImpact { get; set; }

    /// <summary>The risk owner's name as shown (free text: a person or a function).</summary>
    public string? Owner { get; set; }

    /// <summary>
    /// The risk owner's member account: the one person who may accept the residual risk and approve the treatment
    /// plan. Null while the owner has no account linked; then nobody can accept or approve (ADR 0011).
    /// </summary>
    public Guid? OwnerUserId { get; set; }

    /// <summary>An acceptance (and top management's approval of it) was given for a rating and an owner; a new one needs a new one.</summary>
    internal void WithdrawAcceptance()
    {
        (AcceptedBy, AcceptedUtc, AcceptanceExpiresOn) = (null, null, null);
        (TopManagementApprovedBy, TopManagementApprovedUtc) = (null, null);
    }

    /// <summary>The day the risk's last review was held (recorded by <see cref="RecordRiskReviewHandler"/>).</summary>
    public DateOnly? ReviewedOn { get; set; }

    public string? ReviewedBy { get; set; }

    /// <summary>Who rated the risk last (created it or changed a rating): they never alone accept a risk above the limit.</summary>
    public string? AssessedBy { get; set; }

    /// <summary>The risk owner who approved the treatment plan; cleared when the treatment, controls, residual rating or owner change.</summary>
    public string? TreatmentApprovedBy { get; set; }

    public DateTime? TreatmentApprovedUtc { get; set; }

    /// <summary>
    /// The top-management member (name and position, as at the time) who approved accepting a residual risk above
    /// the methodology's limit; cleared with the acceptance.
    /// </summary>
    public string? TopManagementApprovedBy { get; set; }

    public DateTime? TopManagementApprovedUtc { get; set; }

    public DateOnly? DueOn { get; set; }

    public DateOnly? ReviewOn { get; set; }

    /// <summary>The risk owner who accepted the residual risk; cleared when the residual rating or the owner changes.</summary>
    public string? AcceptedBy { get; set; }

    public DateTime? AcceptedUtc { get; set; }

    /// <summary>The acceptance lapses after this date and must be renewed.</summary>
    public DateOnly? AcceptanceExpiresOn { get; set; }

    /// <summary>Incremented on every change; the ETag and the concurrency token.</summary>
    public int Version { get; set; } = 1;
}

/// <summary>A control that treats a risk. By id, so renaming the control keeps the link.</summary>
public sealed class RiskControlLink : IOrganizationScoped
{
    public Guid OrganizationId { get; set; }

    public Guid RiskId { get; set; }

    public Guid ControlId { get; set; }
}

/// <summary>An AI system a risk concerns. By id, so renaming the AI system keeps the link.</summary>
public sealed class RiskAiSystemLink : IOrganizationScoped
{
    public Guid OrganizationId { get; set; }

    public Guid RiskId { get; set; }

    public Guid AiSystemId { get; set; }
}
