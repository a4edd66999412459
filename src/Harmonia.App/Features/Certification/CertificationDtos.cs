using Harmonia.Domain.Certification;

namespace Harmonia.App.Features.Certification;

/// <summary>
/// What a client sends to set the audit-time overrides; a null (or empty) field goes back to the value derived from
/// the data. Complexities are low|medium|high; aiRole is producer|single-other-role|multiple-roles.
/// </summary>
public sealed record AuditTimeInputsInput(int? PersonsInScope, int? IdenticalLowRiskPersons, int? Sites, string? BusinessComplexity, string? ItComplexity, int? AiPersons, string? AiRole, string? Note);

/// <summary>The overrides as stored; version 0 while none was ever saved.</summary>
public sealed record AuditTimeOverrides(int? PersonsInScope, int? IdenticalLowRiskPersons, int? Sites, string? BusinessComplexity, string? ItComplexity, int? AiPersons, string? AiRole, string? Note, int Version)
{
    public static readonly AuditTimeOverrides None = new(null, null, null, null, null, null, null, null, 0);

    internal static AuditTimeOverrides From(AuditTimeInputsRecord? r) => r is null
        ? None
        : new(r.PersonsInScope, r.IdenticalLowRiskPersons, r.Sites, r.BusinessComplexity, r.ItComplexity, r.AiPersons, r.AiRole, r.Note, r.Version);
}

/// <summary>The estimate with the inputs it used, or what is missing to compute it.</summary>
public sealed record AuditTimeView(AuditTimeOverrides Overrides, AuditTimeInputs? Inputs, AuditTimeEstimate? Estimate, string? Missing);

/// <summary>A certificate as a client sends it.</summary>
public sealed record CertificateInput(string? FrameworkId, string? Number, string? Body, string? Scope, DateOnly? IssuedOn, DateOnly? ExpiresOn);

public sealed record BodyFindingDto(Guid Id, string Audit, Guid NonconformityId, string NonconformityKey, string Grade, string State, string Text, string? BodyReference, DateOnly? RespondBy, DateOnly CloseBy, bool Overdue);

/// <summary>A certificate with its derived cycle and the body's findings.</summary>
public sealed record CertificateDto(
    Guid Id,
    string FrameworkId,
    string Number,
    string Body,
    string Scope,
    DateOnly IssuedOn,
    DateOnly ExpiresOn,
    int DaysToExpiry,
    int Version,
    IReadOnlyList<CycleAudit> Cycle,
    IReadOnlyList<BodyFindingDto> Findings);

/// <summary>A finding the body raised, recorded as a nonconformity. grade: major|minor; audit: initial|surveillance-1|surveillance-2|recertification.</summary>
public sealed record BodyFindingInput(string? Audit, string? Grade, string? Text, string[]? RequirementIds, string? BodyReference, DateOnly? RespondBy, DateOnly? CloseBy);

/// <summary>A candidate body's checklist and quote as a client sends it. standard: iso27001-2022|iso42001-2023|integrated.</summary>
public sealed record CandidateBodyInput(
    string? Name,
    string? Standard,
    string? AccreditationBody,
    bool? IafMlaSignatory,
    bool? Accredited,
    bool? AiCompetentAuditors,
    bool? IntegratedAuditOffered,
    string? Languages,
    bool? CoversAllSites,
    double? QuotedInitialDays,
    double? QuotedSurveillanceDays,
    double? QuotedRecertificationDays,
    int? QuotedPrice,
    string? Currency,
    string? Note);

/// <summary>One line of the checklist: answered yes, no, or not yet, with why it matters.</summary>
public sealed record ChecklistItem(string Question, bool? Answer, string Why);

public sealed record CandidateBodyDto(
    Guid Id,
    string Name,
    string Standard,
    string? AccreditationBody,
    string? Languages,
    IReadOnlyList<ChecklistItem> Checklist,
    double? QuotedInitialDays,
    double? QuotedSurveillanceDays,
    double? QuotedRecertificationDays,
    int? QuotedPrice,
    string? Currency,
    string? Note,
    CycleDays? Estimate,
    QuoteComparison? Comparison,
    int Version);
