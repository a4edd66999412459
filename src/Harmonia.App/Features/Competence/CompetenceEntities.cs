using Harmonia.App.Persistence;
using Harmonia.Domain.Competence;

namespace Harmonia.App.Features.Competence;

/// <summary>A role in the management systems and the competences whoever holds it needs (7.2).</summary>
public sealed class CompetenceRoleRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>Unique within the organization (ignoring case); people name their roles by it.</summary>
    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>Competence keys, comma-separated (built-in or the organization's own).</summary>
    public required string RequiredCompetences { get; set; }

    public int Version { get; set; } = 1;
}

/// <summary>A person doing work under the organization's control, with the roles they hold.</summary>
public sealed class PersonRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Name { get; set; }

    public string? Email { get; set; }

    /// <summary>The roles they hold (by id; the roles' current names are shown).</summary>
    public List<PersonRoleLink> RoleLinks { get; set; } = [];

    public int Version { get; set; } = 1;
}

/// <summary>Proof that a person has a competence: a training record, a qualification, experience or an assessment.</summary>
public sealed class CompetenceEvidenceRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid PersonId { get; set; }

    public CompetenceEvidenceKind Kind { get; set; }

    public required string CompetenceKey { get; set; }

    public required string Title { get; set; }

    public DateOnly ObtainedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    /// <summary>Where the proof is kept: a certificate number, a file name, a link.</summary>
    public string? Reference { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedUtc { get; set; }
}

/// <summary>A competence the organization adds to the built-in catalogue.</summary>
public sealed class CustomCompetenceRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Key { get; set; }

    public required string Name { get; set; }

    public CompetenceArea Area { get; set; }

    public string? Description { get; set; }
}

/// <summary>A role a person holds. By id, so renaming the role keeps the link.</summary>
public sealed class PersonRoleLink : IOrganizationScoped
{
    public Guid OrganizationId { get; set; }

    public Guid PersonId { get; set; }

    public Guid RoleId { get; set; }
}
