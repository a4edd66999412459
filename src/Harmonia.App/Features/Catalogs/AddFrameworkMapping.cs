using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Mapping;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Catalogs;

public sealed record AddFrameworkMappingRequest(Guid OrganizationId, string SourceId, string TargetId, string Relationship, int Strength, string? Rationale);

/// <summary>
/// A mapping written in the product: from any requirement of the organization's catalog to another, at least one of
/// them in its own frameworks (the shipped crosswalks are curated content). It serves the gap analysis at once.
/// </summary>
public sealed class AddFrameworkMappingHandler(HarmoniaDbContext db, OrganizationCatalogs catalogs)
{
    public async Task HandleAsync(AddFrameworkMappingRequest request, CancellationToken cancellationToken = default)
    {
        var organization = await catalogs.ForAsync(request.OrganizationId, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var source = request.SourceId.Trim();
        var target = request.TargetId.Trim();
        if (organization.Catalog.FindRequirement(source) is null)
        {
            errors["sourceId"] = [$"'{source}' is no requirement of the organization's catalog."];
        }

        if (organization.Catalog.FindRequirement(target) is null)
        {
            errors["targetId"] = [$"'{target}' is no requirement of the organization's catalog."];
        }

        if (!RelationshipExtensions.TryParse(request.Relationship, out var relationship))
        {
            errors["relationship"] = ["Choose equal, superset, subset, intersect or not_related."];
        }

        if (request.Strength is < 1 or > 10)
        {
            errors["strength"] = ["The strength is a whole number from 1 to 10."];
        }

        if (request.Rationale is { Length: > 2000 })
        {
            errors["rationale"] = ["The rationale is limited to 2,000 characters."];
        }

        var owner = organization.Own.FirstOrDefault(f => target.StartsWith(f.FrameworkId + ":", StringComparison.Ordinal))
            ?? organization.Own.FirstOrDefault(f => source.StartsWith(f.FrameworkId + ":", StringComparison.Ordinal));
        if (errors.Count == 0 && owner is null)
        {
            errors["targetId"] = ["One side must be a requirement of the organization's own frameworks; the shipped crosswalks are curated content."];
        }

        if (errors.Count == 0 && source == target)
        {
            errors["targetId"] = ["A requirement cannot be mapped to itself."];
        }

        if (errors.Count == 0 && organization.Catalog.Mappings.Any(m => m.SourceId == source && m.TargetId == target))
        {
            throw new DuplicateException($"The catalog already maps {source} -> {target}.", "targetId");
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        db.OwnMappings.Add(new OwnMappingRecord
        {
            Id = Guid.CreateVersion7(),
            OwnFrameworkId = owner!.Id,
            SourceId = source,
            TargetId = target,
            Relationship = relationship.ToToken(),
            Strength = request.Strength,
            Rationale = string.IsNullOrWhiteSpace(request.Rationale) ? "Written in the product." : request.Rationale.Trim(),
        });
        var tracked = await db.OwnFrameworks.SingleAsync(f => f.Id == owner.Id, cancellationToken);
        tracked.Revision = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
    }
}
