using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Search;

public sealed record SearchHit(SearchKind Kind, Guid RecordId, string? Key, string Title, string Snippet, Guid? ParentId, int? Number);

/// <param name="More">Whether more records match than were returned: the person should add a word.</param>
/// <param name="Complete">False while the index is still reading the organization's history (the first search after an
/// upgrade or import of a large organization): records not read yet are missing, and searching again continues.</param>
public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Items, bool More, bool Complete);

/// <summary>
/// Every record of the organization whose words start with each word searched for, best match first: SQLite's FTS5
/// or PostgreSQL's full-text search behind this one use case (ADR 0030), over the same stored words.
/// </summary>
public sealed class SearchRecordsHandler(HarmoniaDbContext db, SearchIndex index, TenantScope tenant)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public async Task<SearchResults> HandleAsync(string? query, int? limit = null, CancellationToken cancellationToken = default)
    {
        var words = SearchText.Query(query);
        var take = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        var complete = await index.RefreshAsync(cancellationToken);

        var organizationId = tenant.OrganizationId!.Value;
        var fetch = take + 1;
        var ranked = db.Database.IsSqlite()
            ? await db.Database.SqlQuery<long>($"""
                SELECT e."Id" AS "Value" FROM "SearchEntriesFts" f JOIN "SearchEntries" e ON e."Id" = f."rowid"
                WHERE "SearchEntriesFts" MATCH {SearchText.Fts5Match(words)} AND e."OrganizationId" = {organizationId}
                ORDER BY bm25("SearchEntriesFts") LIMIT {fetch}
                """).ToListAsync(cancellationToken)
            : await db.Database.SqlQuery<long>($"""
                SELECT e."Id" AS "Value" FROM "SearchEntries" e
                WHERE e."OrganizationId" = {organizationId} AND to_tsvector('simple', e."Terms") @@ to_tsquery('simple', {SearchText.TsQuery(words)})
                ORDER BY ts_rank(to_tsvector('simple', e."Terms"), to_tsquery('simple', {SearchText.TsQuery(words)})) DESC, e."Title" LIMIT {fetch}
                """).ToListAsync(cancellationToken);

        // Read through the model as well, so the tenant filter stands behind the explicit organization in the SQL.
        var page = ranked.Take(take).ToArray();
        var entries = (await db.SearchEntries.AsNoTracking().Where(e => page.Contains(e.Id)).ToListAsync(cancellationToken)).ToDictionary(e => e.Id);
        var hits = page.Where(entries.ContainsKey).Select(id => entries[id])
            .Select(e => new SearchHit(e.Kind, e.RecordId, e.Key, e.Title, SearchText.Snippet(e.Body, words), e.ParentId, e.Number))
            .ToArray();
        return new SearchResults(string.Join(' ', words), hits, ranked.Count > take, complete);
    }
}
