using Harmonia.Domain.Suppliers;

namespace Harmonia.App.Features.Suppliers;

/// <summary>
/// What a client sends to create or replace a supplier. Choices are plain text so a wrong value gets a field error:
/// kind cloud|software|data-provider|model-provider|outsourced-process|other, status proposed|active|offboarding|ended,
/// tier one of the organization's tier keys. Links name records by key (AI systems, risks, controls, other suppliers)
/// or, for evidence, by id. Reviews are recorded on their own (POST .../reviews) and are not replaced here.
/// </summary>
public sealed record SupplierInput(
    string? Name,
    string? Services,
    string? Kind,
    string? Tier,
    string? DataProcessed,
    string? Status,
    IReadOnlyList<SupplierContactInput>? Contacts = null,
    IReadOnlyList<SupplierCertificationInput>? Certifications = null,
    IReadOnlyList<SupplierContractInput>? Contracts = null,
    SupplierOffboardingInput? Offboarding = null,
    IReadOnlyList<SupplierAiSystemInput>? AiSystems = null,
    IReadOnlyList<string>? Risks = null,
    IReadOnlyList<string>? Controls = null,
    IReadOnlyList<Guid>? Evidence = null,
    IReadOnlyList<string>? SubProcessors = null);

public sealed record SupplierContactInput(string? Name, string? Role, string? Email);

/// <param name="Scheme">iso27001, iso42001, soc2 or other (then Name says which).</param>
public sealed record SupplierCertificationInput(string? Scheme, string? Name, DateOnly? Expires, string? EvidenceUrl);

/// <param name="Clauses">security, confidentiality, ai-use-of-customer-data, model-change-notice, incident-notification, audit-rights, sub-processors.</param>
public sealed record SupplierContractInput(string? Title, DateOnly? Starts, DateOnly? Ends, DateOnly? RenewalOn, IReadOnlyList<string>? Clauses);

public sealed record SupplierOffboardingInput(DateOnly? AccessRemovedOn, DateOnly? DataReturnedOn, DateOnly? DataDeletedOn);

/// <param name="Role">The supplier's ISO/IEC 22989 role towards the system: ai-producer, ai-developer, data-provider, ai-platform-provider, ai-product-provider or ai-system-integrator.</param>
public sealed record SupplierAiSystemInput(string? AiSystem, string? Role);

/// <param name="Outcome">satisfactory, conditional or unsatisfactory.</param>
public sealed record SupplierReviewInput(DateOnly? On, string? Reviewer, string? Outcome, string? Notes);

public sealed record SupplierAiSystemDto(Guid Id, string Key, string Name, string Role);

public sealed record SupplierEvidenceDto(Guid Id, string Title);

public sealed record SupplierDto(
    Guid Id,
    string Key,
    string Name,
    string? Services,
    SupplierKind Kind,
    SupplierTier Tier,
    string? DataProcessed,
    SupplierStatus Status,
    IReadOnlyList<SupplierContact> Contacts,
    IReadOnlyList<SupplierCertification> Certifications,
    IReadOnlyList<SupplierContract> Contracts,
    IReadOnlyList<SupplierReview> Reviews,
    OffboardingChecklist Offboarding,
    IReadOnlyList<SupplierAiSystemDto> AiSystems,
    IReadOnlyList<string> Risks,
    IReadOnlyList<string> Controls,
    IReadOnlyList<SupplierEvidenceDto> Evidence,
    IReadOnlyList<string> SubProcessors,
    IReadOnlyList<string> SubProcessorOf,
    SupplierStanding Standing,
    int Version)
{
    /// <summary>The questionnaires a reviewer accepted, with the requirements their answers passed and failed.</summary>
    public IReadOnlyList<AcceptedQuestionnaire> AcceptedQuestionnaires { get; init; } = [];

    public SupplierFacts Facts() => new(Key, Name, Kind, Status, Tier, Certifications, Contracts, Reviews, AiSystems.Count > 0, AcceptedQuestionnaires);
}

public sealed record SupplierTiersDto(IReadOnlyList<SupplierTier> Tiers, bool IsDefault, int Version);
