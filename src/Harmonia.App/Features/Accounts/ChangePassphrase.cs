using Harmonia.App.Common;
using Microsoft.AspNetCore.Identity;

namespace Harmonia.App.Features.Accounts;

public sealed record ChangePassphraseRequest(Guid UserId, string? Current, string? New, string? Address = null);

/// <summary>
/// A new passphrase for one's own account, the current one required and the sign-up policy applied. Identity changes
/// the security stamp, which ends every other cookie session; the caller renews the session it runs in.
/// </summary>
public sealed class ChangePassphraseHandler(UserManager<HarmoniaUser> users, SecurityLog log)
{
    public async Task<HarmoniaUser> HandleAsync(ChangePassphraseRequest request)
    {
        var user = await users.FindByIdAsync(request.UserId.ToString()) ?? throw new NotFoundException("account", request.UserId, "No such account.");
        if (string.IsNullOrEmpty(request.Current) || string.IsNullOrEmpty(request.New))
        {
            throw new InvalidInputException("Give your current passphrase and the new one.");
        }

        if (!await users.CheckPasswordAsync(user, request.Current))
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["current"] = ["That is not your current passphrase; nothing was changed."] });
        }

        var result = await users.ChangePasswordAsync(user, request.Current, request.New);
        if (!result.Succeeded)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["new"] = result.Errors.Select(e => e.Description).ToArray() });
        }

        log.Add(user.Id, SecurityEventKinds.PassphraseChanged, address: request.Address);
        await users.UpdateAsync(user);
        return user;
    }
}
