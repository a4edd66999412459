using Harmonia.App.Persistence;
using Harmonia.Domain.Suppliers;

namespace Harmonia.App.Features.Suppliers;

/// <summary>
/// A third party the organization relies on. Contacts, certifications, contracts and reviews are kept as JSON of the
/// domain records: they are read and written with their supplier, never queried on their own.
/// </summary>
public sealed class SupplierRecord : ISequentialKey
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>SUP-1, SUP-2, ... within the organization, numbered when saved; never reused.</summary>
    public required string Key { get; set; }

    public string KeyPrefix => "SUP-";

    public required string Name { get; set; }

    public string? Services { get; set; }

    public SupplierKind Kind { get; set; }

    /// <summary>The key of one of the organization's tiers (SupplierTiersRecord, or the default set).</summary>
    public required string Tier { get; set; }

    public string? DataProcessed { get; set; }

    public SupplierStatus Status { get; set; }

    public string ContactsJson { get; set; } = "[]";

    public string CertificationsJson { get; set; } = "[]";

    public string ContractsJson { get; set; } = "[]";

    public string ReviewsJson { get; set; } = "[]";

    public DateOnly? AccessRemovedOn { get; set; }

    public DateOnly? DataReturnedOn { get; set; }

    public DateOnly? DataDeletedOn { get; set; }

    public List<SupplierAiSystemLink> AiSystemLinks { get; set; } = [];

    public List<SupplierRiskLink> RiskLinks { get; set; } = [];

    public List<SupplierControlLink> ControlLinks { get; set; } = [];

    public List<SupplierEvidenceLink> EvidenceLinks { get; set; } = [];

    /// <summary>The suppliers this one relies on in turn (its sub-processors), by id.</summary>
    public List<SupplierSubProcessorLink> SubProcessorLinks { get; set; } = [];

    /// <summary>Incremented on every change; the ETag and the concurrency token.</summary>
    public int Version { get; set; } = 1;

    public void AssignKey(string key) => Key = key;
}

/// <summary>An AI system the supplier serves, with its ISO/IEC 22989 role towards it (model, data or service provider).</summary>
public sealed class SupplierAiSystemLink : IOrganizationScoped
{
    public Guid OrganizationId { get; set; }

    public Guid SupplierId { get; set; }

    public Guid AiSystemId { get; set; }

    public required string Role { get; set; }
}

public sealed class SupplierRiskLink : IOrganizationScoped
{
    public Guid OrganizationId { get; set; }

    public Guid SupplierId { get; set; }

    public Guid RiskId { get; set; }
}

public sealed class SupplierControlLink : IOrganizationScoped
{
    public Guid OrganizationId { get; set; }

    public Guid SupplierId { get; set; }

    public Guid ControlId { get; set; }
}

public sealed class SupplierEvidenceLink : IOrganizationScoped
{
    public Guid OrganizationId { get; set; }

    public Guid SupplierId { get; set; }

    public Guid EvidenceId { get; set; }
}

public sealed class SupplierSubProcessorLink : IOrganizationScoped
{
    public Guid OrganizationId { get; set; }

    public Guid SupplierId { get; set; }

    public Guid SubProcessorId { get; set; }
}

/// <summary>The organization's own criticality tiers (JSON list of SupplierTier); absent until it changes the defaults.</summary>
public sealed class SupplierTiersRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Json { get; set; }

    public int Version { get; set; } = 1;
}
