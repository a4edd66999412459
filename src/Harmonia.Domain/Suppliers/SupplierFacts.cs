using System.Text.Json.Serialization;

namespace Harmonia.Domain.Suppliers;

/// <summary>What a supplier provides; the kind decides which supplier controls of the two annexes look at it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SupplierKind>))]
public enum SupplierKind
{
    Cloud,
    Software,
    DataProvider,
    ModelProvider,
    OutsourcedProcess,
    Other,
}

[JsonConverter(typeof(JsonStringEnumConverter<SupplierStatus>))]
public enum SupplierStatus
{
    Proposed,
    Active,
    Offboarding,
    Ended,
}

/// <summary>A clause a supplier contract may contain; the gap credits ask for the ones each control needs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContractClause>))]
public enum ContractClause
{
    Security,
    Confidentiality,
    AiUseOfCustomerData,
    ModelChangeNotice,
    IncidentNotification,
    AuditRights,
    SubProcessors,
}

[JsonConverter(typeof(JsonStringEnumConverter<CertificationScheme>))]
public enum CertificationScheme
{
    Iso27001,
    Iso42001,
    Soc2,
    Other,
}

[JsonConverter(typeof(JsonStringEnumConverter<ReviewOutcome>))]
public enum ReviewOutcome
{
    /// <summary>The supplier meets what the organization requires.</summary>
    Satisfactory,

    /// <summary>Acceptable for now, with follow-up agreed.</summary>
    Conditional,

    /// <summary>The supplier does not meet the requirements; the relationship needs a decision.</summary>
    Unsatisfactory,
}

/// <summary>One criticality tier the organization defines: what puts a supplier in it and how often it is reviewed.</summary>
public sealed record SupplierTier(string Key, string Name, string Criteria, int ReviewMonths);

public sealed record SupplierContact(string Name, string? Role, string? Email);

public sealed record SupplierCertification(CertificationScheme Scheme, string? Name, DateOnly? Expires, string? EvidenceUrl);

public sealed record SupplierContract(string Title, DateOnly? Starts, DateOnly? Ends, DateOnly? RenewalOn, IReadOnlyList<ContractClause> Clauses);

public sealed record SupplierReview(DateOnly On, string Reviewer, ReviewOutcome Outcome, string? Notes);

/// <summary>The offboarding checklist: the dates on which each step was done.</summary>
public sealed record OffboardingChecklist(DateOnly? AccessRemovedOn, DateOnly? DataReturnedOn, DateOnly? DataDeletedOn)
{
    public static OffboardingChecklist None { get; } = new(null, null, null);

    /// <summary>Access is gone and the data is either back with the organization or destroyed.</summary>
    public bool Complete => AccessRemovedOn is not null && (DataReturnedOn is not null || DataDeletedOn is not null);
}

public static class SupplierVocabulary
{
    /// <summary>
    /// The default tiers an organization starts with. Critical suppliers (those the service cannot run without, or
    /// that hold customer or training data) are looked at every year; the rest less often.
    /// </summary>
    public static IReadOnlyList<SupplierTier> DefaultTiers { get; } =
    [
        new("critical", "Critical", "The service stops without it, or it processes customer data, personal data or training data.", 12),
        new("important", "Important", "Its failure degrades the service or internal work noticeably, and it handles internal data.", 24),
        new("low", "Low", "Easily replaced and handles no confidential data.", 36),
    ];

    /// <summary>The ISO/IEC 22989 roles a supplier can hold towards one of the organization's AI systems (see AiRoles).</summary>
    public static IReadOnlyList<string> AiSystemRoles { get; } =
        ["ai-producer", "ai-developer", "data-provider", "ai-platform-provider", "ai-product-provider", "ai-system-integrator"];

    public static string ToLabel(this SupplierKind kind) => kind switch
    {
        SupplierKind.Cloud => "Cloud service",
        SupplierKind.Software => "Software",
        SupplierKind.DataProvider => "Data provider",
        SupplierKind.ModelProvider => "Model or AI service provider",
        SupplierKind.OutsourcedProcess => "Outsourced process",
        _ => "Other",
    };

    public static string ToToken(this SupplierKind kind) => kind switch
    {
        SupplierKind.DataProvider => "data-provider",
        SupplierKind.ModelProvider => "model-provider",
        SupplierKind.OutsourcedProcess => "outsourced-process",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string ToLabel(this ContractClause clause) => clause switch
    {
        ContractClause.Security => "security requirements",
        ContractClause.Confidentiality => "confidentiality",
        ContractClause.AiUseOfCustomerData => "AI use of customer data",
        ContractClause.ModelChangeNotice => "model change notice",
        ContractClause.IncidentNotification => "incident notification",
        ContractClause.AuditRights => "audit rights",
        _ => "sub-processors",
    };

    public static string ToToken(this ContractClause clause) => clause switch
    {
        ContractClause.AiUseOfCustomerData => "ai-use-of-customer-data",
        ContractClause.ModelChangeNotice => "model-change-notice",
        ContractClause.IncidentNotification => "incident-notification",
        ContractClause.AuditRights => "audit-rights",
        ContractClause.SubProcessors => "sub-processors",
        _ => clause.ToString().ToLowerInvariant(),
    };

    public static string ToLabel(this CertificationScheme scheme) => scheme switch
    {
        CertificationScheme.Iso27001 => "ISO/IEC 27001",
        CertificationScheme.Iso42001 => "ISO/IEC 42001",
        CertificationScheme.Soc2 => "SOC 2",
        _ => "Other",
    };

    public static string ToToken(this CertificationScheme scheme) => scheme switch
    {
        CertificationScheme.Iso27001 => "iso27001",
        CertificationScheme.Iso42001 => "iso42001",
        CertificationScheme.Soc2 => "soc2",
        _ => "other",
    };

    public static string ToToken(this SupplierStatus status) => status.ToString().ToLowerInvariant();

    public static string ToToken(this ReviewOutcome outcome) => outcome.ToString().ToLowerInvariant();

    public static SupplierKind? Kind(string? text) => Normalize(text) switch
    {
        "cloud" => SupplierKind.Cloud,
        "software" => SupplierKind.Software,
        "dataprovider" or "data" => SupplierKind.DataProvider,
        "modelprovider" or "model" or "aiserviceprovider" => SupplierKind.ModelProvider,
        "outsourcedprocess" or "outsourced" => SupplierKind.OutsourcedProcess,
        "other" => SupplierKind.Other,
        _ => null,
    };

    public static SupplierStatus? Status(string? text) => Enum.GetValues<SupplierStatus>().Select(s => (SupplierStatus?)s).FirstOrDefault(s => Normalize(s.ToString()) == Normalize(text));

    public static ContractClause? Clause(string? text) => Enum.GetValues<ContractClause>().Select(c => (ContractClause?)c).FirstOrDefault(c => Normalize(c.ToString()) == Normalize(text));

    public static CertificationScheme? Scheme(string? text) => Normalize(text) switch
    {
        "iso27001" or "isoiec27001" => CertificationScheme.Iso27001,
        "iso42001" or "isoiec42001" => CertificationScheme.Iso42001,
        "soc2" => CertificationScheme.Soc2,
        "other" => CertificationScheme.Other,
        _ => null,
    };

    public static ReviewOutcome? Outcome(string? text) => Enum.GetValues<ReviewOutcome>().Select(o => (ReviewOutcome?)o).FirstOrDefault(o => Normalize(o.ToString()) == Normalize(text));

    /// <summary>Letters and digits only, lower case: "model-provider", "ModelProvider" and "model provider" are the same choice.</summary>
    private static string Normalize(string? text) =>
        new string((text ?? string.Empty).Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
