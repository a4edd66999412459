using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Readiness;

/// <summary>
/// The organization's key for signing audit packs: ECDSA P-256. The private key is kept encrypted with the
/// application's data-protection keys; the public key is what a certification body is given to check a pack.
/// </summary>
public sealed class SigningKeyRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>SubjectPublicKeyInfo, base64.</summary>
    public required string PublicKey { get; set; }

    /// <summary>PKCS#8 private key, protected by IDataProtector("Harmonia.AuditPack.SigningKey"), base64.</summary>
    public required string ProtectedPrivateKey { get; set; }

    public DateTime CreatedUtc { get; set; }
}
