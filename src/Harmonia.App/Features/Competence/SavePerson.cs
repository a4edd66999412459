using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Competence;

/// <summary>Adds a person with the roles they hold, or replaces one when the caller's version still matches.</summary>
public sealed class SavePersonHandler(HarmoniaDbContext db)
{
    public async Task<PersonDto> CreateAsync(PersonInput input, CancellationToken cancellationToken = default)
    {
        var (name, email, roles) = await ValidateAsync(input, cancellationToken);
        var person = new PersonRecord { Name = name, Email = email };
        LinkKeys.Sync(person.RoleLinks, roles.Select(r => r.Id).ToArray(), l => l.RoleId, id => new PersonRoleLink { PersonId = person.Id, RoleId = id });
        db.People.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return new PersonDto(person.Id, person.Name, person.Email, roles.Select(r => r.Name).ToArray(), person.Version, []);
    }

    /// <summary>Throws NotFoundException when the organization has no such person.</summary>
    public async Task<PersonDto> UpdateAsync(Guid personId, int expectedVersion, PersonInput input, CancellationToken cancellationToken = default)
    {
        var person = await db.People.Include(p => p.RoleLinks).SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            throw new NotFoundException("person");
        }

        if (person.Version != expectedVersion)
        {
            throw new VersionConflictException(person.Version, "person record");
        }

        var (name, email, roles) = await ValidateAsync(input, cancellationToken);
        (person.Name, person.Email) = (name, email);
        LinkKeys.Sync(person.RoleLinks, roles.Select(r => r.Id).ToArray(), l => l.RoleId, id => new PersonRoleLink { PersonId = person.Id, RoleId = id });
        person.Version++;
        await db.SaveChangesAsync(cancellationToken);
        var evidence = await db.CompetenceEvidence.AsNoTracking().Where(e => e.PersonId == person.Id).OrderByDescending(e => e.ObtainedOn).ToListAsync(cancellationToken);
        return new PersonDto(person.Id, person.Name, person.Email, roles.Select(r => r.Name).ToArray(), person.Version, evidence.Select(CompetenceEvidenceDto.From).ToArray());
    }

    private async Task<(string Name, string? Email, (Guid Id, string Name)[] Roles)> ValidateAsync(PersonInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = input.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 200)
        {
            errors["name"] = ["A name of 1 to 200 characters is required."];
        }

        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        if (email is not null && (email.Length > 320 || email.IndexOf('@', StringComparison.Ordinal) is <= 0 || email.EndsWith('@') || email.Any(char.IsWhiteSpace)))
        {
            errors["email"] = [$"'{email}' is not an e-mail address; leave it empty if there is none."];
        }

        // Linked by id and shown with the role's own spelling, so a role typed in another case still matches it.
        var roles = await db.CompetenceRoles.Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var held = new List<(Guid Id, string Name)>();
        foreach (var wanted in CompetenceLists.Clean(input.Roles))
        {
            if (roles.FirstOrDefault(r => string.Equals(r.Name, wanted, StringComparison.OrdinalIgnoreCase)) is { } role)
            {
                if (!held.Contains((role.Id, role.Name)))
                {
                    held.Add((role.Id, role.Name));
                }
            }
            else
            {
                errors["roles"] = [$"The organization has no role '{wanted}'; define it first."];
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return (name, email, held.ToArray());
    }
}
