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

    public string? Owner { get; set; }

    public DateOnly? DueOn { get; set; }

    public DateOnly? ReviewOn { get; set; }

    /// <summary>Who accepted the residual risk (never its owner); cleared when the residual rating changes.</summary>
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
