using Harmonia.App.Common;
using Microsoft.AspNetCore.Identity;

namespace Harmonia.App.Features.Accounts;

public sealed record CreateUserRequest(string Email, string Password, string? DisplayName = null);

/// <summary>Creates a local account; the password policy and unique e-mail come from Identity's options.</summary>
public sealed class CreateUserHandler(UserManager<HarmoniaUser> users, TimeProvider time)
{
    public async Task<HarmoniaUser> HandleAsync(CreateUserRequest request)
    {
        var user = new HarmoniaUser
        {
            Id = Guid.CreateVersion7(),
            UserName = request.Email.Trim(),
            Email = request.Email.Trim(),
            DisplayName = request.DisplayName,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, request.Password);
        if (!result.Succeeded)
        {
            throw new InvalidInputException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return user;
    }
}
