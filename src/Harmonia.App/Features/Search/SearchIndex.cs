using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Search;

/// <summary>
/// Keeps an organization's search index as new as its audit trail (ADR 0030). Every change to a record appends an audit
/// event in the same save, so the events after the index's mark name exactly the records whose words may have changed:
/// a refresh reads those records again, rewrites their entries, drops the entries of records that are gone and moves
/// the mark. Writers never wait for the index; a search pays for what changed since the last one.
/// </summary>
public sealed class SearchIndex(HarmoniaDbContext db, TenantScope tenant)
{
    // Events read per step: bounds memory on the first search of a large organization.
    private const int EventsPerStep = 2000;

    // Steps per refresh: bounds the time one search spends catching up (about a second per 10,000 records here); the
    // next search goes on from the mark, and until then the answer says the index is still being built.
    private const int StepsPerRefresh = 5;

    private const int RecordsPerQuery = 500;

    /// <summary>Reads the audit trail since the mark; false while events remain (the index is still being built).</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var organizationId = tenant.OrganizationId ?? throw new InvalidOperationException("Search needs the organization from the route.");
        var last = await db.AuditEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        for (var (lostRaces, steps) = (0, 0); lostRaces < 3; steps++)
        {
            var state = await db.SearchIndexStates.SingleOrDefaultAsync(cancellationToken);
            var from = state?.IndexedSequence ?? 0;
            if (from >= last)
            {
                return true;
            }

            if (steps == StepsPerRefresh)
            {
                return false;
            }

            var to = Math.Min(last, from + EventsPerStep);
            await IndexAsync(organizationId, from, to, cancellationToken);
            if (state is null)
            {
                db.SearchIndexStates.Add(new SearchIndexStateRecord { Id = Guid.CreateVersion7(), OrganizationId = organizationId, IndexedSequence = to });
            }
            else
            {
                state.IndexedSequence = to;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another request indexed the same events first (the mark moved or the entries exist): its index is as
                // new as this one would have been, so read the mark again. Should that keep failing, the search runs on
                // the index as it stands rather than not at all.
                lostRaces++;
            }

            db.ChangeTracker.Clear();
        }

        return false;
    }

    private async Task IndexAsync(Guid organizationId, long from, long to, CancellationToken cancellationToken)
    {
        var types = SearchSources.ByEntityType.Keys.ToArray();
        var touched = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Sequence > from && e.Sequence <= to && types.Contains(e.EntityType))
            .Select(e => new { e.EntityType, e.EntityId })
            .Distinct()
            .ToListAsync(cancellationToken);

        var byKind = new Dictionary<SearchKind, HashSet<Guid>>();
        foreach (var type in touched.GroupBy(t => t.EntityType, StringComparer.Ordinal))
        {
            var ids = type.Select(t => Guid.TryParse(t.EntityId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToArray();
            var kind = SearchSources.ByEntityType[type.Key];
            foreach (var chunk in ids.Chunk(RecordsPerQuery))
            {
                var records = await SearchSources.RecordIdsAsync(db, type.Key, chunk, cancellationToken);
                (byKind.TryGetValue(kind, out var set) ? set : byKind[kind] = []).UnionWith(records);
            }
        }

        // An impact assessment is titled with its AI system's key and name: a renamed system re-titles its assessments.
        if (byKind.TryGetValue(SearchKind.AiSystem, out var systems))
        {
            foreach (var chunk in systems.Chunk(RecordsPerQuery))
            {
                var assessments = await db.ImpactAssessments.AsNoTracking().Where(i => chunk.Contains(i.AiSystemId)).Select(i => i.Id).ToListAsync(cancellationToken);
                (byKind.TryGetValue(SearchKind.ImpactAssessment, out var set) ? set : byKind[SearchKind.ImpactAssessment] = []).UnionWith(assessments);
            }
        }

        foreach (var (kind, ids) in byKind)
        {
            foreach (var chunk in ids.Chunk(RecordsPerQuery))
            {
                var documents = (await SearchSources.LoadAsync(db, kind, chunk, cancellationToken)).ToDictionary(d => d.RecordId);
                var entries = (await db.SearchEntries.Where(s => s.Kind == kind && chunk.Contains(s.RecordId)).ToListAsync(cancellationToken))
                    .ToDictionary(s => s.RecordId);
                foreach (var id in chunk)
                {
                    var found = documents.GetValueOrDefault(id);
                    var entry = entries.GetValueOrDefault(id);
                    if (found is null)
                    {
                        if (entry is not null)
                        {
                            db.SearchEntries.Remove(entry);
                        }

                        continue;
                    }

                    if (entry is null)
                    {
                        entry = new SearchEntryRecord { OrganizationId = organizationId, Kind = kind, RecordId = id, Title = found.Title, Body = found.Body, Terms = found.Terms };
                        db.SearchEntries.Add(entry);
                    }

                    (entry.Key, entry.Title, entry.Body, entry.Terms, entry.ParentId, entry.Number) = (found.Key, found.Title, found.Body, found.Terms, found.ParentId, found.Number);
                }
            }
        }
    }
}
