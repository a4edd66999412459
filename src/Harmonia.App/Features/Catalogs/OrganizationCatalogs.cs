using System.Collections.Concurrent;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Mapping;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Catalogs;

/// <summary>
/// The catalog one organization sees: the shipped catalog plus its own frameworks and mappings (ADR 0036).
/// <see cref="Version"/> changes whenever one of its own frameworks or mappings does.
/// </summary>
public sealed record OrganizationCatalog(Catalog Catalog, MappingEngine Engine, string Version, IReadOnlyList<OwnFrameworkRecord> Own)
{
    public bool IsOwn(string frameworkId) => Own.Any(f => f.FrameworkId == frameworkId);
}

/// <summary>
/// Built catalogs by organization. An entry is used while its own frameworks' revisions are unchanged; it also
/// remembers the change token (the trail's last sequence) it was checked at, so while nothing changed the request
/// skips even the query for the revisions (the gap API asks for the catalog on every request).
/// </summary>
public sealed class OrganizationCatalogCache
{
    public const int MaxEntries = 64;

    private readonly ConcurrentDictionary<Guid, (long ChangeToken, OrganizationCatalog Catalog)> _catalogs = new();

    internal OrganizationCatalog? Get(Guid organizationId, string version) =>
        _catalogs.TryGetValue(organizationId, out var entry) && entry.Catalog.Version == version ? entry.Catalog : null;

    internal OrganizationCatalog? AtChangeToken(Guid organizationId, long changeToken) =>
        _catalogs.TryGetValue(organizationId, out var entry) && entry.ChangeToken == changeToken ? entry.Catalog : null;

    internal void Add(Guid organizationId, long changeToken, OrganizationCatalog catalog)
    {
        if (_catalogs.Count >= MaxEntries)
        {
            _catalogs.Clear();
        }

        _catalogs[organizationId] = (changeToken, catalog);
    }
}

public sealed class OrganizationCatalogs(HarmoniaDbContext db, TenantScope tenant, LoadedContent content, MappingEngine shipped, OrganizationCatalogCache cache)
{
    /// <summary>The group that holds requirements an imported file put under no heading.</summary>
    public const string TopGroupId = "*";

    public async Task<OrganizationCatalog> ForAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        tenant.Enter(organizationId);
        var changeToken = await db.ChangeTokenAsync(organizationId, cancellationToken);
        if (cache.AtChangeToken(organizationId, changeToken) is { } unchanged && (unchanged.Version == content.Version || unchanged.Version.StartsWith(content.Version + "|", StringComparison.Ordinal)))
        {
            return unchanged;
        }

        var own = await db.OwnFrameworks.AsNoTracking().OrderBy(f => f.FrameworkId).ToListAsync(cancellationToken);
        if (own.Count == 0)
        {
            var shippedOnly = new OrganizationCatalog(content.Catalog, shipped, content.Version, []);
            cache.Add(organizationId, changeToken, shippedOnly);
            return shippedOnly;
        }

        var version = content.Version + "|" + string.Join(",", own.Select(f => f.FrameworkId + "@" + f.Revision.ToString("N")));
        if (cache.Get(organizationId, version) is { } cached)
        {
            cache.Add(organizationId, changeToken, cached);
            return cached;
        }

        var requirements = (await db.OwnRequirements.AsNoTracking().OrderBy(r => r.Position).ToListAsync(cancellationToken)).ToLookup(r => r.OwnFrameworkId);
        var mappings = await db.OwnMappings.AsNoTracking().ToListAsync(cancellationToken);
        var frameworks = content.Catalog.Frameworks.Concat(own.Select(f => Build(f, requirements[f.Id].ToArray())));
        var catalog = new Catalog(
            frameworks,
            content.Catalog.Mappings.Concat(mappings.Select(ToDomain)),
            content.Catalog.Frameworks.SelectMany(f => f.Requirements).SelectMany(r => content.Catalog.NoEquivalentsFor(r.Id)));
        var built = new OrganizationCatalog(catalog, new MappingEngine(catalog), version, own);
        cache.Add(organizationId, changeToken, built);
        return built;
    }

    public static RequirementMapping ToDomain(OwnMappingRecord m)
    {
        // Stored through ToToken only; an unreadable value would carry nothing, like not_related.
        var relationship = RelationshipExtensions.TryParse(m.Relationship, out var parsed) ? parsed : Relationship.NotRelated;
        return new RequirementMapping(m.SourceId, m.TargetId, relationship, m.Strength, m.Rationale);
    }

    /// <summary>Headings become groups; each requirement rolls up into its nearest heading, or the framework's top group.</summary>
    public static Framework Build(OwnFrameworkRecord record, IReadOnlyList<OwnRequirementRecord> nodes)
    {
        var byRef = nodes.ToDictionary(n => n.Ref, StringComparer.Ordinal);
        string? HeadingOf(OwnRequirementRecord node)
        {
            for (var (parent, steps) = (node.ParentRef, 0); parent is not null && steps <= nodes.Count; steps++)
            {
                if (!byRef.TryGetValue(parent, out var found))
                {
                    return null;
                }

                if (!found.Assessable)
                {
                    return found.Ref;
                }

                parent = found.ParentRef;
            }

            return null;
        }

        var groups = nodes.Where(n => !n.Assessable).Select(n => new RequirementGroup(n.Ref, n.Title, GroupKind.Theme, HeadingOf(n), 1)).ToList();
        var requirements = nodes.Where(n => n.Assessable)
            .Select(n => new Requirement(Requirement.QualifiedId(record.FrameworkId, n.Ref), record.FrameworkId, n.Ref, n.Title, HeadingOf(n) ?? TopGroupId, RequirementKind.Control, n.Description, string.Empty, 1))
            .ToArray();
        if (requirements.Any(r => r.GroupId == TopGroupId))
        {
            groups.Insert(0, new RequirementGroup(TopGroupId, record.Name, GroupKind.Theme, null, 1));
        }

        return new Framework(record.FrameworkId, record.Name, record.Title, record.Publisher, groups, requirements, []);
    }
}
