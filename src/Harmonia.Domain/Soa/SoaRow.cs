using System.Text.Json.Serialization;

namespace Harmonia.Domain.Soa;

/// <summary>Why an Annex A control is included (an exclusion carries a justification instead).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SoaReason>))]
public enum SoaReason
{
    /// <summary>A risk of the register is treated with it.</summary>
    RiskTreatment,

    /// <summary>An AI system impact assessment names it as a mitigation.</summary>
    ImpactAssessment,

    /// <summary>A law or regulation requires it.</summary>
    LegalOrRegulatory,

    /// <summary>A contract or customer commitment requires it.</summary>
    Contractual,

    /// <summary>The organization runs it for its own business reasons (a control implements it).</summary>
    BusinessNeed,
}

[JsonConverter(typeof(JsonStringEnumConverter<SoaImplementation>))]
public enum SoaImplementation
{
    NotStarted,
    Planned,
    InProgress,
    Implemented,
}

/// <summary>One Annex A control of a Statement of Applicability.</summary>
/// <param name="Risks">Register risks whose treatment uses it.</param>
/// <param name="Assessments">Impact assessments that name it as a mitigation ("CV screening v2").</param>
/// <param name="Controls">The organization's controls that implement it (names).</param>
/// <param name="Evidence">Titles of the current evidence on those controls.</param>
/// <param name="Undecided">
/// Nobody has decided yet whether it applies: the proposal had no basis for it (no risk, impact assessment, supplier,
/// control or published document calls for it), or a person left it open. Not an exclusion.
/// </param>
/// <param name="Documents">Published or registered documents that address it ("AI policy v1.0"); null in versions saved before they were shown.</param>
public sealed record SoaRow(
    string RequirementId,
    string Ref,
    string Title,
    bool Included,
    IReadOnlyList<SoaReason> Reasons,
    string Justification,
    SoaImplementation Implementation,
    IReadOnlyList<string> Risks,
    IReadOnlyList<string> Assessments,
    IReadOnlyList<string> Controls,
    IReadOnlyList<string> Evidence,
    bool Undecided = false,
    IReadOnlyList<string>? Documents = null)
{
    /// <summary>Included, excluded or not decided, in a compliance manager's words.</summary>
    public string Applicability => Undecided ? "Not decided" : Included ? "Yes" : "No";
}

/// <summary>What a person decided for one control; the rest of the row comes from the data.</summary>
/// <param name="Included">Null when the control is left undecided.</param>
public sealed record SoaDecision(string RequirementId, bool? Included, IReadOnlyList<SoaReason> Reasons, string? Justification)
{
    /// <summary>The decision a saved row holds, so that saving it again keeps it.</summary>
    public static SoaDecision Of(SoaRow row) => new(row.RequirementId, row.Undecided ? null : row.Included, row.Reasons, row.Justification);
}

public static class SoaReasonText
{
    public static string Label(SoaReason reason) => reason switch
    {
        SoaReason.RiskTreatment => "Risk treatment",
        SoaReason.ImpactAssessment => "Impact assessment",
        SoaReason.LegalOrRegulatory => "Legal or regulatory",
        SoaReason.Contractual => "Contractual",
        _ => "Business need",
    };

    public static string Code(SoaReason reason) => reason switch
    {
        SoaReason.RiskTreatment => "risk",
        SoaReason.ImpactAssessment => "impact",
        SoaReason.LegalOrRegulatory => "legal",
        SoaReason.Contractual => "contract",
        _ => "business",
    };

    public static SoaReason? Parse(string code) => code.Trim().ToLowerInvariant() switch
    {
        "risk" or "risk-treatment" or "risktreatment" => SoaReason.RiskTreatment,
        "impact" or "impact-assessment" or "impactassessment" => SoaReason.ImpactAssessment,
        "legal" or "legal-or-regulatory" or "legalorregulatory" => SoaReason.LegalOrRegulatory,
        "contract" or "contractual" => SoaReason.Contractual,
        "business" or "business-need" or "businessneed" => SoaReason.BusinessNeed,
        _ => null,
    };

    public static string Label(SoaImplementation implementation) => implementation switch
    {
        SoaImplementation.Implemented => "Implemented",
        SoaImplementation.InProgress => "In progress",
        SoaImplementation.Planned => "Planned",
        _ => "Not started",
    };
}
