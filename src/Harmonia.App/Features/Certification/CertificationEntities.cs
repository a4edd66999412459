using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Certification;

/// <summary>
/// The audit-time inputs a person set instead of what Harmonia derives from the data (one row per organization);
/// a null field means "derive it". Each change is in the audit trail, so an estimate can always be traced.
/// </summary>
public sealed class AuditTimeInputsRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public int? PersonsInScope { get; set; }

    public int? IdenticalLowRiskPersons { get; set; }

    public int? Sites { get; set; }

    /// <summary>low, medium or high.</summary>
    public string? BusinessComplexity { get; set; }

    /// <summary>low, medium or high.</summary>
    public string? ItComplexity { get; set; }

    public int? AiPersons { get; set; }

    /// <summary>producer, single-other-role or multiple-roles.</summary>
    public string? AiRole { get; set; }

    /// <summary>Why the overrides were set (the body's guidance, a scope decision).</summary>
    public string? Note { get; set; }

    public int Version { get; set; } = 1;
}

/// <summary>A certificate a certification body issued to the organization for one standard.</summary>
public sealed class CertificateRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>iso27001-2022 or iso42001-2023.</summary>
    public required string FrameworkId { get; set; }

    /// <summary>The certificate number the body printed on it.</summary>
    public required string Number { get; set; }

    public required string Body { get; set; }

    /// <summary>The scope statement as printed on the certificate.</summary>
    public required string Scope { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateOnly ExpiresOn { get; set; }

    public int Version { get; set; } = 1;
}

/// <summary>
/// A document of the certified management system that is kept outside Harmonia (the intranet, a document management
/// system), listed with the certificate whose audits saw it: one per documented-information requirement. Readiness
/// counts it as a registered document, saying so, while the certificate is current and the document's date is recent.
/// </summary>
public sealed class HeldDocumentRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid CertificateId { get; set; }

    /// <summary>The documented-information requirement it provides (iso27001-2022:5.2).</summary>
    public required string RequirementId { get; set; }

    public required string Title { get; set; }

    /// <summary>Its identifier or version in the system that holds it ("ISMS-POL-01 v4.2").</summary>
    public string? Reference { get; set; }

    /// <summary>When its current version was approved or last reviewed.</summary>
    public DateOnly DatedOn { get; set; }

    /// <summary>Where an auditor finds it ("SharePoint › ISMS › Policies").</summary>
    public required string Location { get; set; }
}

/// <summary>
/// A finding the certification body raised in an audit of a certificate's cycle. The finding itself is a
/// nonconformity of the organization (NC-n, with correction, root cause and corrective action); this row adds which
/// certificate and audit it came from and the body's deadlines.
/// </summary>
public sealed class BodyFindingRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid CertificateId { get; set; }

    public Guid NonconformityId { get; set; }

    /// <summary>initial, surveillance-1, surveillance-2 or recertification.</summary>
    public required string Audit { get; set; }

    /// <summary>The body's own reference for the finding, if it gave one.</summary>
    public string? BodyReference { get; set; }

    /// <summary>By when the body wants the correction and corrective-action plan.</summary>
    public DateOnly? RespondBy { get; set; }

    /// <summary>By when the body wants the nonconformity closed (verified).</summary>
    public DateOnly CloseBy { get; set; }
}

/// <summary>
/// A certification body the organization considers for one standard (or the integrated audit): the checklist it
/// filled in and the body's quote, compared with the estimate.
/// </summary>
public sealed class CandidateBodyRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Name { get; set; }

    /// <summary>iso27001-2022, iso42001-2023 or integrated.</summary>
    public required string Standard { get; set; }

    /// <summary>The accreditation body that accredited it for this standard, e.g. DAkkS.</summary>
    public string? AccreditationBody { get; set; }

    /// <summary>Whether that accreditation body signs the IAF multilateral recognition arrangement for this scope.</summary>
    public bool? IafMlaSignatory { get; set; }

    /// <summary>Accredited for this standard (for ISO/IEC 42001: under ISO/IEC 42006).</summary>
    public bool? Accredited { get; set; }

    public bool? AiCompetentAuditors { get; set; }

    public bool? IntegratedAuditOffered { get; set; }

    /// <summary>Audit languages, comma-separated.</summary>
    public string? Languages { get; set; }

    /// <summary>Whether it can audit every site in scope.</summary>
    public bool? CoversAllSites { get; set; }

    public double? QuotedInitialDays { get; set; }

    public double? QuotedSurveillanceDays { get; set; }

    public double? QuotedRecertificationDays { get; set; }

    /// <summary>The quoted price for the whole cycle, in whole currency units.</summary>
    public int? QuotedPrice { get; set; }

    public string? Currency { get; set; }

    public string? Note { get; set; }

    public int Version { get; set; } = 1;
}
