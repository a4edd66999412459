using Harmonia.App.Persistence;

namespace Harmonia.App.Features.AiSystems;

/// <summary>One version of an AI system's impact assessment; approved versions are never changed again.</summary>
public sealed class ImpactAssessmentRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid AiSystemId { get; set; }

    /// <summary>1, 2, ... per AI system.</summary>
    public int Number { get; set; }

    /// <summary>draft, approved or superseded.</summary>
    public required string Status { get; set; }

    /// <summary>JSON array of ImpactEntry.</summary>
    public string EntriesJson { get; set; } = "[]";

    public string? Summary { get; set; }

    public string? ResidualAssessment { get; set; }

    /// <summary>proceed, proceed-with-conditions or stop.</summary>
    public string? Decision { get; set; }

    public DateOnly? NextReviewOn { get; set; }

    /// <summary>JSON of the SignificantFacts the assessment was made for, captured at approval.</summary>
    public string? AssessedFactsJson { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTime? ApprovedUtc { get; set; }

    /// <summary>Incremented on every edit of the draft; the ETag.</summary>
    public int Version { get; set; } = 1;
}

/// <summary>A measured result about an AI system: a bias test, a data-quality metric, a validation result, a transparency document.</summary>
public sealed class AiEvidenceRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The AI system it was measured on.</summary>
    public Guid AiSystemId { get; set; }

    /// <summary>bias, data-quality, validation or transparency.</summary>
    public required string Kind { get; set; }

    /// <summary>The metric (demographic parity difference, completeness, accuracy) or the document's title.</summary>
    public required string Metric { get; set; }

    /// <summary>The protected group for a bias test; the quality dimension for a data-quality metric.</summary>
    public string? Subject { get; set; }

    public double? Value { get; set; }

    public double? Threshold { get; set; }

    /// <summary>max: the value must not exceed the threshold; min: it must reach it.</summary>
    public string? Comparison { get; set; }

    public bool? Passed { get; set; }

    public string? DataSet { get; set; }

    public DateOnly MeasuredOn { get; set; }

    public string? Tool { get; set; }

    /// <summary>The organization's controls it is evidence for (by id; their keys are shown).</summary>
    public List<AiEvidenceControlLink> ControlLinks { get; set; } = [];

    public string? Location { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedUtc { get; set; }
}

/// <summary>A risk the register should probably hold, raised by a failing AI evidence result; a person accepts or dismisses it.</summary>
public sealed class RiskSuggestionRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The failed AI evidence behind the suggestion; null when a supplier questionnaire's failed answer opened it.</summary>
    public Guid? AiEvidenceId { get; set; }

    /// <summary>The accepted supplier questionnaire whose failed answer opened the suggestion, if that is where it came from.</summary>
    public Guid? SupplierQuestionnaireId { get; set; }

    public Guid AiSystemId { get; set; }

    public required string Title { get; set; }

    public required string Category { get; set; }

    public required string Detail { get; set; }

    /// <summary>open, accepted or dismissed.</summary>
    public required string Status { get; set; }

    /// <summary>The risk accepting it added to the register.</summary>
    public Guid? RiskId { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>
/// An AI incident or concern reported by anyone (staff, a customer, an affected person, a regulator): what happened or
/// is feared, about which AI system, how serious, and how it was dealt with. Feeds the management review (9.3.2).
/// </summary>
public sealed class AiConcernRecord : ISequentialKey
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>CON-1, CON-2, ... within the organization; never reused; numbered when saved, so two concerns reported at once get two numbers.</summary>
    public required string Key { get; set; }

    public string KeyPrefix => "CON-";

    public void AssignKey(string key) => Key = key;

    /// <summary>The AI system it is about, when one is named.</summary>
    public Guid? AiSystemId { get; set; }

    /// <summary>incident (harm happened) or concern (harm feared).</summary>
    public required string Kind { get; set; }

    /// <summary>low, medium or high.</summary>
    public required string Severity { get; set; }

    public required string Description { get; set; }

    /// <summary>Who raised it, in words (a person, a team, "customer", "regulator").</summary>
    public required string ReportedBy { get; set; }

    public DateOnly ReportedOn { get; set; }

    /// <summary>open or closed.</summary>
    public required string Status { get; set; }

    public string? Resolution { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public required string RecordedBy { get; set; }

    public int Version { get; set; } = 1;
}

/// <summary>A control a piece of AI evidence is evidence for. By id, so renaming the control keeps the link.</summary>
public sealed class AiEvidenceControlLink : IOrganizationScoped
{
    public Guid OrganizationId { get; set; }

    public Guid AiEvidenceId { get; set; }

    public Guid ControlId { get; set; }
}
