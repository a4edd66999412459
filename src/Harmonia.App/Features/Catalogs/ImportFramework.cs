using System.Security.Cryptography;
using System.Text;
using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Mapping;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Catalogs;

/// <param name="Format">Null: guessed from the file (JSON is OSCAL; YAML with <c>objects</c> is a GRC library; other YAML is ours).</param>
/// <param name="FrameworkId">The id to give the framework; null takes the file's own id (our YAML) or one made from the file name.</param>
/// <param name="CatalogText">The catalog an OSCAL profile imports, resolved against it.</param>
public sealed record ImportFrameworkRequest(
    Guid OrganizationId,
    string FileName,
    string Text,
    FrameworkSourceFormat? Format = null,
    string? FrameworkId = null,
    string? CatalogFileName = null,
    string? CatalogText = null);

/// <param name="FrameworkId">The framework imported; null when the file held mappings only.</param>
public sealed record ImportFrameworkResult(string? FrameworkId, string Name, int Requirements, int Headings, int Mappings);

/// <summary>
/// Brings an organization's own framework, its mappings, or both, into its catalog (ADR 0036). The file is read whole
/// and checked before anything is stored: limits, unknown fields, ids that would shadow a shipped or existing framework,
/// mappings naming requirements nobody has. One refusal lists every problem found; nothing is stored then.
/// </summary>
public sealed class ImportFrameworkHandler(HarmoniaDbContext db, OrganizationCatalogs catalogs, TimeProvider time)
{
    public async Task<ImportFrameworkResult> HandleAsync(ImportFrameworkRequest request, CancellationToken cancellationToken = default)
    {
        if (Encoding.UTF8.GetByteCount(request.Text) + Encoding.UTF8.GetByteCount(request.CatalogText ?? string.Empty) > FrameworkImportLimits.MaxBytes)
        {
            throw new InputTooLargeException("The framework file", FrameworkImportLimits.MaxBytes);
        }

        var organization = await catalogs.ForAsync(request.OrganizationId, cancellationToken);
        var errors = new List<string>();
        var format = request.Format ?? Guess(request.FileName, request.Text);
        if (format != FrameworkSourceFormat.Oscal && request.CatalogText is not null)
        {
            Refuse("A second file (the catalog) goes only with an OSCAL profile.");
        }

        var file = format switch
        {
            FrameworkSourceFormat.Oscal => OscalFrameworkReader.Read(request.FileName, request.Text, request.CatalogFileName, request.CatalogText, errors),
            FrameworkSourceFormat.Grc => GrcLibraryReader.Read(request.FileName, request.Text, errors),
            _ => YamlFrameworkImportReader.Read(request.FileName, request.Text, organization.Catalog, errors),
        };
        if (file is null || errors.Count > 0)
        {
            Refuse(errors.Count > 0 ? errors : ["The file holds nothing to import."]);
        }

        OwnFrameworkRecord? framework = null;
        if (file!.HasFramework)
        {
            framework = NewFramework(request, file, organization, errors);
        }
        else if (request.FrameworkId is not null)
        {
            errors.Add("The file holds mappings only; a framework id is given only with a framework.");
        }

        var mappings = await ResolveMappingsAsync(file, framework, organization, errors, cancellationToken);
        if (!file.HasFramework && mappings.Count == 0 && errors.Count == 0)
        {
            errors.Add("The file holds neither a framework nor mappings.");
        }

        if (errors.Count > 0)
        {
            Refuse(errors);
        }

        if (framework is not null)
        {
            db.OwnFrameworks.Add(framework);
        }

        var touched = mappings.Select(m => m.OwnFrameworkId).Where(id => id != framework?.Id).Distinct().ToArray();
        foreach (var other in await db.OwnFrameworks.Where(f => touched.Contains(f.Id)).ToListAsync(cancellationToken))
        {
            other.Revision = Guid.NewGuid();
        }

        db.OwnMappings.AddRange(mappings);
        await db.SaveChangesAsync(cancellationToken);
        return new ImportFrameworkResult(
            framework?.FrameworkId, framework?.Name ?? file.Source, framework?.Requirements.Count(r => r.Assessable) ?? 0,
            framework?.Requirements.Count(r => !r.Assessable) ?? 0, mappings.Count);
    }

    private static FrameworkSourceFormat Guess(string fileName, string text)
    {
        if (fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith('{'))
        {
            return FrameworkSourceFormat.Oscal;
        }

        // A GRC library names itself by URN and holds its content under objects:.
        return text.Contains("\nobjects:", StringComparison.Ordinal) || text.StartsWith("objects:", StringComparison.Ordinal)
            ? FrameworkSourceFormat.Grc
            : FrameworkSourceFormat.Yaml;
    }

    private OwnFrameworkRecord? NewFramework(ImportFrameworkRequest request, ImportedFile file, OrganizationCatalog organization, List<string> errors)
    {
        var id = request.FrameworkId?.Trim() ?? file.Id ?? FrameworkImportLimits.IdFromFileName(request.FileName);
        if (!FrameworkImportLimits.IsValidId(id))
        {
            errors.Add($"'{id}' cannot be used: {FrameworkImportLimits.IdRule}.");
            return null;
        }

        if (organization.Catalog.FindFramework(id) is { } existing)
        {
            throw new DuplicateException(
                organization.IsOwn(id)
                    ? $"The organization already has a framework '{id}' ({existing.Name}); remove it first or import under another id."
                    : $"'{id}' is a framework shipped with Harmonia ({existing.Name}); an imported framework never replaces it. Import under another id.",
                "frameworkId");
        }

        if (file.Nodes.Count > FrameworkImportLimits.MaxNodes)
        {
            errors.Add($"The framework has {file.Nodes.Count:N0} requirements and headings; the limit is {FrameworkImportLimits.MaxNodes:N0}.");
            return null;
        }

        var byRef = new Dictionary<string, ImportedNode>(StringComparer.Ordinal);
        foreach (var node in file.Nodes)
        {
            if (!byRef.TryAdd(node.Ref, node))
            {
                errors.Add($"Two nodes share the id '{node.Ref}'.");
            }
        }

        foreach (var node in file.Nodes)
        {
            var depth = 0;
            for (var parent = node.ParentRef; parent is not null; parent = byRef.TryGetValue(parent, out var up) ? up.ParentRef : null)
            {
                if (!byRef.ContainsKey(parent))
                {
                    errors.Add($"'{node.Ref}' names a parent '{parent}' the file does not have.");
                    break;
                }

                if (++depth > FrameworkImportLimits.MaxNodeDepth)
                {
                    errors.Add($"'{node.Ref}' is nested deeper than {FrameworkImportLimits.MaxNodeDepth} levels (or its parents form a loop).");
                    break;
                }
            }
        }

        var record = new OwnFrameworkRecord
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = request.OrganizationId,
            FrameworkId = id,
            Name = file.Name.Length > 0 ? file.Name : id,
            Title = file.Title.Length > 0 ? file.Title : id,
            Publisher = file.Publisher,
            SourceFormat = file.Format,
            Source = file.Source.Length > 500 ? file.Source[..500] : file.Source,
            Licence = file.Licence is { Length: > 2000 } licence ? licence[..2000] : file.Licence,
            Version = file.Version is { Length: > 100 } version ? version[..100] : file.Version,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Text + (request.CatalogText ?? string.Empty)))),
            ImportedUtc = time.GetUtcNow().UtcDateTime,
            Revision = Guid.NewGuid(),
        };
        record.Requirements = file.Nodes.Select((n, i) => new OwnRequirementRecord
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = request.OrganizationId,
            OwnFrameworkId = record.Id,
            Ref = n.Ref,
            SourceId = n.SourceId,
            ParentRef = n.ParentRef,
            Title = n.Title,
            Description = n.Description,
            Assessable = n.Assessable,
            Position = i,
        }).ToList();
        if (file.Nodes.All(n => !n.Assessable))
        {
            errors.Add("The framework has no assessable requirement.");
        }

        return record;
    }

    /// <summary>
    /// Turns each mapping's ends into requirement ids: a requirement id as it is, a node of the file by its source id,
    /// a node of an earlier import by its source id, or a GRC URN ending in "framework:ref" of a framework the catalog has.
    /// </summary>
    private async Task<List<OwnMappingRecord>> ResolveMappingsAsync(
        ImportedFile file, OwnFrameworkRecord? framework, OrganizationCatalog organization, List<string> errors, CancellationToken cancellationToken)
    {
        var result = new List<OwnMappingRecord>();
        if (file.Mappings.Count == 0)
        {
            return result;
        }

        if (file.Mappings.Count > FrameworkImportLimits.MaxMappings)
        {
            errors.Add($"The file has {file.Mappings.Count:N0} mappings; the limit is {FrameworkImportLimits.MaxMappings:N0}.");
            return result;
        }

        var local = new Dictionary<string, string>(StringComparer.Ordinal);
        var localAssessable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in framework?.Requirements ?? [])
        {
            var id = Requirement.QualifiedId(framework!.FrameworkId, node.Ref);
            local.TryAdd(id, id);
            if (node.SourceId is not null)
            {
                local.TryAdd(node.SourceId, id);
            }

            if (node.Assessable)
            {
                localAssessable.Add(id);
            }
        }

        var ends = file.Mappings.SelectMany(m => new[] { m.Source, m.Target }).Distinct(StringComparer.Ordinal).ToArray();
        var earlier = (await db.OwnRequirements.AsNoTracking().Where(r => r.SourceId != null && ends.Contains(r.SourceId))
                .Join(db.OwnFrameworks, r => r.OwnFrameworkId, f => f.Id, (r, f) => new { r.SourceId, f.FrameworkId, r.Ref }).ToListAsync(cancellationToken))
            .GroupBy(r => r.SourceId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Requirement.QualifiedId(g.First().FrameworkId, g.First().Ref), StringComparer.Ordinal);
        var ownFrameworks = organization.Own.ToDictionary(f => f.FrameworkId, StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var mapping in file.Mappings)
        {
            var source = Resolve(mapping.Source, local, localAssessable, earlier, organization.Catalog);
            var target = Resolve(mapping.Target, local, localAssessable, earlier, organization.Catalog);
            if (source is null || target is null)
            {
                foreach (var missing in new[] { (mapping.Source, source), (mapping.Target, target) }.Where(e => e.Item2 is null))
                {
                    errors.Add($"A mapping names '{missing.Item1}', which is no requirement of this file or of the organization's catalog.");
                }

                continue;
            }

            if (source == target)
            {
                errors.Add($"A mapping links {source} to itself.");
                continue;
            }

            Guid? owner = framework is not null && (local.ContainsKey(source) || local.ContainsKey(target))
                ? framework.Id
                : ownFrameworks.GetValueOrDefault(FrameworkOf(target))?.Id ?? ownFrameworks.GetValueOrDefault(FrameworkOf(source))?.Id;
            if (owner is null)
            {
                errors.Add($"The mapping {source} -> {target} links two shipped frameworks; those mappings are curated content. An imported mapping needs one side in the organization's own frameworks.");
                continue;
            }

            if (!seen.Add((source, target)))
            {
                errors.Add($"The mapping {source} -> {target} appears twice.");
                continue;
            }

            result.Add(new OwnMappingRecord
            {
                Id = Guid.CreateVersion7(),
                OwnFrameworkId = owner.Value,
                SourceId = source,
                TargetId = target,
                Relationship = mapping.Relationship.ToToken(),
                Strength = Math.Clamp(mapping.Strength, 1, 10),
                Rationale = mapping.Rationale,
            });
        }

        var pairs = result.Select(m => m.SourceId + "\n" + m.TargetId).ToArray();
        var existing = organization.Catalog.Mappings.Where(m => pairs.Contains(m.SourceId + "\n" + m.TargetId)).ToArray();
        foreach (var duplicate in existing)
        {
            errors.Add($"The organization's catalog already maps {duplicate.SourceId} -> {duplicate.TargetId}.");
        }

        return result;
    }

    private static string? Resolve(string end, Dictionary<string, string> local, HashSet<string> localAssessable, Dictionary<string, string> earlier, Catalog catalog)
    {
        if (local.TryGetValue(end, out var id))
        {
            return localAssessable.Contains(id) ? id : null;
        }

        if (catalog.FindRequirement(end) is not null)
        {
            return end;
        }

        if (earlier.TryGetValue(end, out var found) && catalog.FindRequirement(found) is not null)
        {
            return found;
        }

        // A GRC URN such as urn:...:req_node:iso27001-2022:a.5.1 names a shipped framework and the requirement's number.
        var parts = end.Split(':');
        if (parts.Length >= 3 && catalog.FindFramework(parts[^2]) is { } framework)
        {
            return framework.Requirements.FirstOrDefault(r => string.Equals(r.Ref, parts[^1], StringComparison.OrdinalIgnoreCase))?.Id;
        }

        return null;
    }

    private static string FrameworkOf(string requirementId) => requirementId[..Math.Max(0, requirementId.IndexOf(':', StringComparison.Ordinal))];

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Refuse(params List<string> errors) =>
        throw new InvalidInputException(new Dictionary<string, string[]> { ["file"] = errors.Take(50).Concat(errors.Count > 50 ? [$"... and {errors.Count - 50} more problems."] : []).ToArray() });
}
