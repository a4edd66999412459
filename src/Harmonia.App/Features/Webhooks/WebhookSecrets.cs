using Microsoft.AspNetCore.DataProtection;

namespace Harmonia.App.Features.Webhooks;

/// <summary>Keeps webhook secrets encrypted at rest with the server's data-protection keys, which every node shares.</summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    private IDataProtector Protector => protection.CreateProtector("Harmonia.Webhooks.Secret");

    public string Protect(string secret) => Protector.Protect(secret);

    public string Unprotect(string protectedSecret) => Protector.Unprotect(protectedSecret);
}
