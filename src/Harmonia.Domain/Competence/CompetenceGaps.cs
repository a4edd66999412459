using System.Text.Json.Serialization;

namespace Harmonia.Domain.Competence;

[JsonConverter(typeof(JsonStringEnumConverter<CoverageState>))]
public enum CoverageState
{
    Covered,
    Missing,
    Expired,
}

public sealed record CompetenceRole(string Name, IReadOnlyList<string> RequiredCompetences);

public sealed record CompetencePerson(Guid Id, string Name, IReadOnlyList<string> Roles);

public sealed record CompetenceProof(Guid PersonId, string CompetenceKey, string Title, DateOnly ObtainedOn, DateOnly? ExpiresOn);

/// <summary>One person and one competence one of their roles requires.</summary>
/// <param name="Evidence">The evidence that covers it, or the latest expired one; null when missing.</param>
public sealed record CoverageCell(Guid PersonId, string Person, string CompetenceKey, IReadOnlyList<string> RequiredBy, CoverageState State, string? Evidence);

public sealed record RoleCoverage(string Role, int People, int Required, int Covered, int Missing, int Expired);

public sealed record CompetenceGapReport(IReadOnlyList<CoverageCell> Cells, IReadOnlyList<RoleCoverage> Roles, int Covered, int Missing, int Expired)
{
    public int Gaps => Missing + Expired;

    [JsonIgnore]
    public IEnumerable<CoverageCell> GapCells => Cells.Where(c => c.State != CoverageState.Covered);
}

/// <summary>
/// Who lacks what their roles need: for each person and each competence any of their roles requires, whether
/// current evidence covers it, only expired evidence exists, or nothing at all. Evidence dated in the future does
/// not count yet.
/// </summary>
public static class CompetenceGapAnalyzer
{
    public static CompetenceGapReport Analyze(IReadOnlyList<CompetenceRole> roles, IReadOnlyList<CompetencePerson> people, IReadOnlyList<CompetenceProof> evidence, DateOnly today)
    {
        var byName = roles.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        var cells = new List<CoverageCell>();
        foreach (var person in people.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id))
        {
            var held = person.Roles.Where(byName.ContainsKey).Select(r => byName[r]).ToArray();
            var required = held.SelectMany(r => r.RequiredCompetences.Select(c => (Competence: c, Role: r.Name)))
                .GroupBy(x => x.Competence, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
            var own = evidence.Where(e => e.PersonId == person.Id && e.ObtainedOn <= today).ToArray();
            foreach (var competence in required)
            {
                var proofs = own.Where(e => e.CompetenceKey == competence.Key).ToArray();
                var current = proofs.Where(e => e.ExpiresOn is null || e.ExpiresOn >= today).OrderByDescending(e => e.ObtainedOn).FirstOrDefault();
                var expired = proofs.OrderByDescending(e => e.ExpiresOn).FirstOrDefault();
                var (state, title) = current is not null ? (CoverageState.Covered, current.Title)
                    : expired is not null ? (CoverageState.Expired, expired.Title)
                    : (CoverageState.Missing, (string?)null);
                cells.Add(new(person.Id, person.Name, competence.Key, competence.Select(x => x.Role).Distinct().ToArray(), state, title));
            }
        }

        var summaries = roles.OrderBy(r => r.Name, StringComparer.Ordinal).Select(role =>
        {
            var holders = people.Where(p => p.Roles.Contains(role.Name, StringComparer.OrdinalIgnoreCase)).Select(p => p.Id).ToHashSet();
            var mine = cells.Where(c => holders.Contains(c.PersonId) && role.RequiredCompetences.Contains(c.CompetenceKey)).ToArray();
            return new RoleCoverage(role.Name, holders.Count, role.RequiredCompetences.Count, mine.Count(c => c.State == CoverageState.Covered),
                mine.Count(c => c.State == CoverageState.Missing), mine.Count(c => c.State == CoverageState.Expired));
        }).ToArray();

        return new(cells, summaries, cells.Count(c => c.State == CoverageState.Covered), cells.Count(c => c.State == CoverageState.Missing), cells.Count(c => c.State == CoverageState.Expired));
    }
}
