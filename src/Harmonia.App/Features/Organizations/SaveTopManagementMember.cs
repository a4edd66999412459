using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Organizations;

/// <summary>
/// Names a top-management member or changes one when the caller's version still matches. A linked account must be a
/// member of this organization, and one account is at most one top-management member.
/// </summary>
public sealed class SaveTopManagementMemberHandler(HarmoniaDbContext db)
{
    public async Task<TopManagementMemberDto> CreateAsync(TopManagementMemberInput input, CancellationToken cancellationToken = default)
    {
        var member = new TopManagementMember { Name = string.Empty, Position = string.Empty };
        await ApplyAsync(member, input, cancellationToken);
        db.TopManagement.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return await DtoAsync(member, cancellationToken);
    }

    /// <summary>Throws NotFoundException when the organization has no such member.</summary>
    public async Task<TopManagementMemberDto> UpdateAsync(Guid memberId, int expectedVersion, TopManagementMemberInput input, CancellationToken cancellationToken = default)
    {
        var member = await db.TopManagement.SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken) ?? throw new NotFoundException("top-management member");
        if (member.Version != expectedVersion)
        {
            throw new VersionConflictException(member.Version, "top-management member");
        }

        await ApplyAsync(member, input, cancellationToken);
        member.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await DtoAsync(member, cancellationToken);
    }

    private async Task ApplyAsync(TopManagementMember member, TopManagementMemberInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = input.Name?.Trim() ?? string.Empty;
        var position = input.Position?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 200)
        {
            errors["name"] = ["The person's name is required (1 to 200 characters)."];
        }

        if (position.Length is 0 or > 200)
        {
            errors["position"] = ["Their title or position is required (1 to 200 characters), e.g. Chief Executive Officer."];
        }

        Guid? user = null;
        if (!string.IsNullOrWhiteSpace(input.MemberEmail))
        {
            var email = input.MemberEmail.Trim().ToUpperInvariant();
            user = await db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).Where(u => u.NormalizedEmail == email).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
            if (user is null)
            {
                errors["memberEmail"] = [$"'{input.MemberEmail.Trim()}' is not a member of this organization; add them as a member first or leave the account empty."];
            }
            else if (await db.TopManagement.AnyAsync(m => m.UserId == user && m.Id != member.Id, cancellationToken))
            {
                errors["memberEmail"] = ["This account is already linked to another top-management member."];
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        if (await db.TopManagement.AnyAsync(m => m.Name == name && m.Id != member.Id, cancellationToken))
        {
            throw new DuplicateException($"'{name}' is already named as top management.", "name");
        }

        (member.Name, member.Position, member.UserId) = (name, position, user);
    }

    private async Task<TopManagementMemberDto> DtoAsync(TopManagementMember member, CancellationToken cancellationToken) =>
        new(member.Id, member.Name, member.Position, member.UserId is { } u ? await db.Users.Where(x => x.Id == u).Select(x => x.Email).SingleAsync(cancellationToken) : null, member.Version);
}
