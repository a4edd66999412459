using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.Domain.Consistency;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Consistency;

/// <summary>
/// The contradictions between what the organization says (questionnaire answers) and what it has (AI inventory,
/// evidence), each with the generated documents that state the contradicted fact and whether it is acknowledged for
/// the current facts.
/// </summary>
public sealed class GetConsistencyHandler(HarmoniaDbContext db, ConsistencyFacts facts, LoadedContent content, TenantScope tenant, OrganizationResultCache cache, TimeProvider time)
{
    /// <summary>Kept until the organization changes or the day turns (<see cref="OrganizationResultCache"/>): the dashboard and every publication ask.</summary>
    public Task<ConsistencyReport> HandleAsync(CancellationToken cancellationToken = default) =>
        tenant.OrganizationId is { } organizationId
            ? cache.GetOrComputeAsync(db, organizationId, "consistency", content.Version + "|" + DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).DayNumber, () => ComputeAsync(cancellationToken), cancellationToken)
            : ComputeAsync(cancellationToken);

    private async Task<ConsistencyReport> ComputeAsync(CancellationToken cancellationToken)
    {
        var loaded = await facts.LoadAsync(cancellationToken);
        var findings = ConsistencyRules.Evaluate(loaded.Input);
        var ids = findings.Select(f => f.Id).ToArray();
        var acknowledgements = (await db.ConsistencyAcknowledgements.AsNoTracking().Where(a => ids.Contains(a.FindingId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.FindingId, StringComparer.Ordinal);
        var rows = findings.Select(f =>
        {
            var given = acknowledgements[f.Id].OrderByDescending(a => a.AcknowledgedUtc).ToArray();
            var current = given.FirstOrDefault(a => a.Fingerprint == f.Fingerprint);
            var earlier = current is null ? given.FirstOrDefault() : null;
            return new ConsistencyFindingDto(
                f.Id, f.Rule, f.Title, f.Message, f.Fingerprint,
                AffectedDocuments(f),
                f.FixAt.Select(x => new ConsistencyFixDto(x.Kind, x.Id, x.Kind switch
                {
                    ConsistencyFixKind.AiSystem => loaded.AiSystemIds.TryGetValue(x.Id, out var system) ? system : null,
                    ConsistencyFixKind.Control => loaded.ControlIds.TryGetValue(x.Id, out var control) ? control : null,
                    _ => null,
                })).ToArray(),
                current is null ? null : Dto(current),
                earlier is null ? null : Dto(earlier));
        }).ToArray();
        return new ConsistencyReport(rows.Count(r => r.Open), rows.Count(r => !r.Open), rows);
    }

    /// <summary>The templates that state one of the contested answers, so blocking is exactly as wide as the contradiction.</summary>
    private AffectedDocumentDto[] AffectedDocuments(ConsistencyFinding finding) =>
        content.Documents.Templates.Where(t => t.Requires.Intersect(finding.ContestedAnswers, StringComparer.Ordinal).Any())
            .Select(t => new AffectedDocumentDto(t.Id, t.Title)).ToArray();

    private static ConsistencyAcknowledgementDto Dto(ConsistencyAcknowledgementRecord a) => new(a.Reason, a.AcknowledgedBy, a.AcknowledgedUtc);
}
