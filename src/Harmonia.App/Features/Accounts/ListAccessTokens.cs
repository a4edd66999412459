using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Accounts;

public sealed record AccessTokenDto(Guid Id, Guid UserId, string Name, string Prefix, DateTime CreatedUtc, DateTime ExpiresUtc, DateTime? RevokedUtc);

/// <summary>The organization's tokens (never the secrets): all of them for those who manage members, else the caller's own.</summary>
public sealed class ListAccessTokensHandler(HarmoniaDbContext db)
{
    public async Task<Page<AccessTokenDto>> HandleAsync(PageRequest page, Guid? onlyUser, CancellationToken cancellationToken = default)
    {
        var query = db.AccessTokens.AsNoTracking();
        if (onlyUser is { } user)
        {
            query = query.Where(t => t.UserId == user);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(t => t.CreatedUtc).Skip(page.Skip).Take(page.PageSize)
            .Select(t => new AccessTokenDto(t.Id, t.UserId, t.Name, t.Prefix, t.CreatedUtc, t.ExpiresUtc, t.RevokedUtc))
            .ToListAsync(cancellationToken);
        return new Page<AccessTokenDto>(items, page.PageNumber, page.PageSize, total);
    }
}
