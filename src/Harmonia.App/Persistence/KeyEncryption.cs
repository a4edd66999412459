using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Harmonia.App.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Harmonia.App.Persistence;

/// <summary>
/// How the data-protection keys (cookies, antiforgery, the audit-pack signing key, 2FA secrets) are encrypted before
/// they are stored in the database: with a certificate kept outside the database, so a copy of the database alone
/// (a dump, a stolen backup of the database server) does not give the keys away.
/// </summary>
/// <param name="CertificatePath">A PKCS #12 file with the private key; null = the one generated in the user's profile.</param>
/// <param name="AllowUnprotected">Stores the keys unencrypted; only when a deployment says so explicitly.</param>
public sealed record KeyEncryptionSettings(string? CertificatePath, string? CertificatePassword, bool AllowUnprotected)
{
    /// <summary>Generated on first use when no certificate is configured: outside the data folder, readable by this user only.</summary>
    public static string DefaultCertificatePath => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify), ".harmonia", "keyring", "key-encryption.pfx");

    public static KeyEncryptionSettings From(string? certificatePath, string? certificatePassword, string? allowUnprotected) => new(
        string.IsNullOrWhiteSpace(certificatePath) ? null : certificatePath,
        string.IsNullOrEmpty(certificatePassword) ? null : certificatePassword,
        bool.TryParse(allowUnprotected, out var allow) && allow);

    public static KeyEncryptionSettings FromEnvironment() => From(
        Environment.GetEnvironmentVariable("DataProtection__CertificatePath"),
        Environment.GetEnvironmentVariable("DataProtection__CertificatePassword"),
        Environment.GetEnvironmentVariable("DataProtection__AllowUnprotectedKeys"));

    /// <summary>The certificate the keys are encrypted with, generated at the default place when none is configured.</summary>
    public X509Certificate2 LoadCertificate()
    {
        var path = CertificatePath ?? DefaultCertificatePath;
        if (!File.Exists(path))
        {
            if (CertificatePath is not null)
            {
                // A configured certificate that is missing is a deployment fault: new keys under a new certificate
                // would orphan every stored key, the audit-pack signing key among them.
                throw new InvalidInputException($"The key-encryption certificate '{path}' (DataProtection:CertificatePath) does not exist.");
            }

            Generate(path);
        }

        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.HasPrivateKey ? certificate
                : throw new InvalidInputException($"The key-encryption certificate '{path}' has no private key.");
        }
        catch (CryptographicException ex)
        {
            throw new InvalidInputException($"The key-encryption certificate '{path}' cannot be read ({ex.Message.TrimEnd('.')}); check the file and DataProtection:CertificatePassword.");
        }
    }

    private static void Generate(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Harmonia key encryption", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temporary, certificate.Export(X509ContentType.Pkcs12));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            // Two processes starting at once: the first file placed wins and both use it.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}

public static class KeyEncryption
{
    public static IDataProtectionBuilder ProtectKeys(this IDataProtectionBuilder builder, KeyEncryptionSettings settings)
    {
        if (settings.AllowUnprotected)
        {
            return builder;
        }

        var certificate = settings.LoadCertificate();

        // Linux has no machine store to find the certificate by thumbprint in, so it is also given for decryption.
        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    /// <summary>
    /// Reads every stored key once at start: keys encrypted under another certificate cannot be read, and starting
    /// anyway would silently make new keys, signing everybody out and orphaning the audit-pack signing key.
    /// </summary>
    public static void EnsureKeysReadable(IServiceProvider services)
    {
        var keys = services.GetService(typeof(IKeyManager)) as IKeyManager ?? throw new InvalidOperationException("Data protection is not configured.");
        foreach (var key in keys.GetAllKeys())
        {
            try
            {
                _ = key.Descriptor;
            }
            catch (Exception ex) when (ex is CryptographicException or InvalidOperationException)
            {
                throw new InvalidInputException(
                    $"The data-protection key {key.KeyId} in the database cannot be decrypted with the key-encryption certificate ({ex.Message.TrimEnd('.')}). " +
                    "Restore the certificate this database was used with (DataProtection:CertificatePath), or the sessions, 2FA secrets and the audit-pack signing key are lost.");
            }
        }
    }
}
