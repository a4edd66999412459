using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Accounts;

/// <param name="DisabledUtc">Set while the account is disabled.</param>
public sealed record MemberDto(Guid UserId, string Email, string? DisplayName, string Role, DateTime? DisabledUtc = null);

public sealed class ListMembersHandler(HarmoniaDbContext db)
{
    public async Task<Page<MemberDto>> HandleAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = db.Memberships.Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u });
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(x => x.u.Email).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Page<MemberDto>(rows.Select(x => new MemberDto(x.u.Id, x.u.Email!, x.u.DisplayName, x.m.Role.ToString(), x.u.DisabledUtc)).ToArray(), page.PageNumber, page.PageSize, total);
    }
}
