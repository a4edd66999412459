using Harmonia.App.Persistence;
using Harmonia.Domain.Competence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Competence;

/// <summary>The catalogue (built-in and own competences), roles, people with their evidence, and the gaps as of today.</summary>
public sealed class GetCompetenceOverviewHandler(HarmoniaDbContext db, TimeProvider time)
{
    public async Task<CompetenceOverview> HandleAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var catalogue = await CatalogueAsync(cancellationToken);
        var roles = (await db.CompetenceRoles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken)).Select(RoleDto.From).ToArray();
        var roleNames = roles.ToDictionary(r => r.Id, r => r.Name);
        var people = await db.People.AsNoTracking().Include(p => p.RoleLinks).OrderBy(p => p.Name).AsSplitQuery().ToListAsync(cancellationToken);
        var evidence = (await db.CompetenceEvidence.AsNoTracking().ToListAsync(cancellationToken))
            .OrderByDescending(e => e.ObtainedOn).ThenBy(e => e.Title, StringComparer.Ordinal).ToArray();
        var byPerson = evidence.ToLookup(e => e.PersonId);
        var peopleDtos = people.Select(p => new PersonDto(p.Id, p.Name, p.Email, roleNames.KeysOf(p.RoleLinks.Select(l => l.RoleId)), p.Version, byPerson[p.Id].Select(CompetenceEvidenceDto.From).ToArray())).ToArray();
        var gaps = CompetenceGapAnalyzer.Analyze(
            roles.Select(r => new CompetenceRole(r.Name, r.RequiredCompetences)).ToArray(),
            peopleDtos.Select(p => new CompetencePerson(p.Id, p.Name, p.Roles)).ToArray(),
            evidence.Select(e => new CompetenceProof(e.PersonId, e.CompetenceKey, e.Title, e.ObtainedOn, e.ExpiresOn)).ToArray(),
            today);
        return new CompetenceOverview(catalogue, roles, peopleDtos, gaps);
    }

    public async Task<IReadOnlyList<CompetenceDefinition>> CatalogueAsync(CancellationToken cancellationToken = default)
    {
        var custom = await db.CustomCompetences.AsNoTracking().OrderBy(c => c.Key).ToListAsync(cancellationToken);
        return [.. CompetenceCatalog.BuiltIn, .. custom.Select(c => new CompetenceDefinition(c.Key, c.Name, c.Area, c.Description ?? string.Empty, BuiltIn: false))];
    }
}
