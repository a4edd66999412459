using System.Security.Cryptography;
using Harmonia.App.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Readiness;

/// <summary>The organization's pack-signing key, created on first use; the private key never leaves this class unprotected.</summary>
public sealed class AuditPackSigningKey(HarmoniaDbContext db, IDataProtectionProvider protection, TimeProvider time)
{
    private IDataProtector Protector => protection.CreateProtector("Harmonia.AuditPack.SigningKey");

    public async Task<(byte[] PublicKey, string Fingerprint)> PublicAsync(CancellationToken cancellationToken = default)
    {
        var record = await GetOrCreateAsync(cancellationToken);
        var publicKey = Convert.FromBase64String(record.PublicKey);
        return (publicKey, PackManifest.Fingerprint(publicKey));
    }

    public async Task<byte[]> SignAsync(byte[] data, CancellationToken cancellationToken = default)
    {
        var record = await GetOrCreateAsync(cancellationToken);
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Protector.Unprotect(Convert.FromBase64String(record.ProtectedPrivateKey)), out _);
        return key.SignData(data, HashAlgorithmName.SHA256);
    }

    private async Task<SigningKeyRecord> GetOrCreateAsync(CancellationToken cancellationToken)
    {
        if (await db.SigningKeys.AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var record = new SigningKeyRecord
        {
            PublicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
            ProtectedPrivateKey = Convert.ToBase64String(Protector.Protect(key.ExportPkcs8PrivateKey())),
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.SigningKeys.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }
}
