using Harmonia.App.Persistence;

namespace Harmonia.App.Features.AiSystems;

public sealed class AiSystemRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Key { get; set; }

    public required string Name { get; set; }

    public string? Purpose { get; set; }

    /// <summary>
    /// The organization's ISO/IEC 22989 roles towards the system, comma-separated tokens in catalog order (see
    /// <see cref="Harmonia.Domain.AiSystems.AiRoles"/>); several may apply, e.g. AI developer and data provider.
    /// </summary>
    public required string AiRoles { get; set; }

    /// <summary>Optional EU AI Act operator role (provider, deployer, importer ...), kept apart from the 22989 roles.</summary>
    public string? EuAiActRole { get; set; }

    public string? LifecycleStage { get; set; }

    public string? Supplier { get; set; }

    public string? ModelType { get; set; }

    /// <summary>JSON array of data sources with provenance, quality measures and preparation steps (42001 A.7).</summary>
    public string DataSourcesJson { get; set; } = "[]";

    /// <summary>human-in-the-loop, human-on-the-loop, human-in-command or none.</summary>
    public string? HumanOversight { get; set; }

    /// <summary>assistive, partial or full.</summary>
    public string? Autonomy { get; set; }

    public string? AffectedPeople { get; set; }

    /// <summary>When and how often the system is used (EU AI Act Art. 27(1)(b) asks it of a deployer's FRIA).</summary>
    public string? PeriodOfUse { get; set; }

    public string? IntendedUse { get; set; }

    public string? ForeseeableMisuse { get; set; }

    /// <summary>Optional EU AI Act class: prohibited, high-risk, limited, minimal, gpai.</summary>
    public string? EuAiActClass { get; set; }

    /// <summary>The organization's controls that govern it (by id; their keys are shown).</summary>
    public List<AiSystemControlLink> ControlLinks { get; set; } = [];

    /// <summary>Whether it is in the AI management system's scope (retired systems are not).</summary>
    public bool InScope { get; set; } = true;

    public int Version { get; set; } = 1;
}

/// <summary>A control that governs an AI system. By id, so renaming the control keeps the link.</summary>
public sealed class AiSystemControlLink : IOrganizationScoped
{
    public Guid OrganizationId { get; set; }

    public Guid AiSystemId { get; set; }

    public Guid ControlId { get; set; }
}
