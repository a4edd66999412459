using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Competence;

/// <summary>Defines a role and the competences it requires, or replaces one when the caller's version still matches.</summary>
public sealed class SaveCompetenceRoleHandler(HarmoniaDbContext db, GetCompetenceOverviewHandler overview)
{
    public async Task<RoleDto> CreateAsync(RoleInput input, CancellationToken cancellationToken = default)
    {
        var (name, description, required) = await ValidateAsync(input, null, cancellationToken);
        var role = new CompetenceRoleRecord { Name = name, Description = description, RequiredCompetences = string.Join(',', required) };
        db.CompetenceRoles.Add(role);
        await db.SaveChangesAsync(cancellationToken);
        return RoleDto.From(role);
    }

    /// <summary>Throws NotFoundException when the organization has no such role.</summary>
    public async Task<RoleDto> UpdateAsync(Guid roleId, int expectedVersion, RoleInput input, CancellationToken cancellationToken = default)
    {
        var role = await db.CompetenceRoles.SingleOrDefaultAsync(r => r.Id == roleId, cancellationToken);
        if (role is null)
        {
            throw new NotFoundException("role");
        }

        if (role.Version != expectedVersion)
        {
            throw new VersionConflictException(role.Version, "role");
        }

        // People hold roles by id, so a rename needs nothing more: they show the new name.
        var (name, description, required) = await ValidateAsync(input, role, cancellationToken);
        (role.Name, role.Description, role.RequiredCompetences) = (name, description, string.Join(',', required));
        role.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return RoleDto.From(role);
    }

    private async Task<(string Name, string? Description, string[] Required)> ValidateAsync(RoleInput input, CompetenceRoleRecord? self, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = input.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 200 || name.Contains(','))
        {
            errors["name"] = ["A role name of 1 to 200 characters without commas is required, e.g. \"AI engineer\"."];
        }

        if (input.Description is { Length: > 2000 })
        {
            errors["description"] = ["description may have 2000 characters."];
        }

        var required = CompetenceLists.Clean(input.RequiredCompetences);
        var known = (await overview.CatalogueAsync(cancellationToken)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (required.Length == 0)
        {
            errors["requiredCompetences"] = ["Name at least one competence the role requires (keys from the catalogue, e.g. machine-learning)."];
        }
        else if (required.FirstOrDefault(r => !known.Contains(r)) is { } unknown)
        {
            errors["requiredCompetences"] = [$"The catalogue has no competence '{unknown}'; add it as the organization's own competence first."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var others = await db.CompetenceRoles.Where(r => r.Id != (self == null ? Guid.Empty : self.Id)).Select(r => r.Name).ToListAsync(cancellationToken);
        if (others.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new DuplicateException($"A role named '{name}' already exists.", "name");
        }

        return (name, string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(), required);
    }
}
