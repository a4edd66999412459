using Harmonia.Domain.Competence;

namespace Harmonia.App.Features.Competence;

public sealed record RoleInput(string? Name, string? Description, IReadOnlyList<string>? RequiredCompetences);

public sealed record PersonInput(string? Name, string? Email, IReadOnlyList<string>? Roles);

/// <param name="Kind">training, qualification, experience or assessment.</param>
public sealed record CompetenceEvidenceInput(string? Kind, string? Competence, string? Title, DateOnly? ObtainedOn, DateOnly? ExpiresOn, string? Reference);

/// <param name="Area">ai, security or management-system.</param>
public sealed record CustomCompetenceInput(string? Key, string? Name, string? Area, string? Description);

public sealed record RoleDto(Guid Id, string Name, string? Description, IReadOnlyList<string> RequiredCompetences, int Version)
{
    internal static RoleDto From(CompetenceRoleRecord r) => new(r.Id, r.Name, r.Description, CompetenceLists.Split(r.RequiredCompetences), r.Version);
}

public sealed record CompetenceEvidenceDto(Guid Id, Guid PersonId, CompetenceEvidenceKind Kind, string Competence, string Title, DateOnly ObtainedOn, DateOnly? ExpiresOn, string? Reference, string RecordedBy)
{
    internal static CompetenceEvidenceDto From(CompetenceEvidenceRecord e) => new(e.Id, e.PersonId, e.Kind, e.CompetenceKey, e.Title, e.ObtainedOn, e.ExpiresOn, e.Reference, e.RecordedBy);
}

public sealed record PersonDto(Guid Id, string Name, string? Email, IReadOnlyList<string> Roles, int Version, IReadOnlyList<CompetenceEvidenceDto> Evidence);

/// <summary>Everything the competence page and the gap credit need: catalogue, roles, people with evidence and the gaps.</summary>
public sealed record CompetenceOverview(IReadOnlyList<CompetenceDefinition> Catalogue, IReadOnlyList<RoleDto> Roles, IReadOnlyList<PersonDto> People, CompetenceGapReport Gaps)
{
    public string NameOf(string key) => Catalogue.FirstOrDefault(c => c.Key == key)?.Name ?? key;
}

internal static class CompetenceLists
{
    public static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string[] Clean(IEnumerable<string?>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
}
