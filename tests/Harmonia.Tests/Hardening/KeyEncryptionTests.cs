using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Harmonia.App;
using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Hardening;

/// <summary>The data-protection keys are stored encrypted with a certificate kept outside the database.</summary>
public sealed class KeyEncryptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("harmonia-keyring-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Certificate(string name)
    {
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "pfx-pass"));
        return path;
    }

    private static ServiceProvider Services(TestDatabase database, KeyEncryptionSettings keys) =>
        new ServiceCollection().AddLogging().AddHarmonia(database.Settings, keys).BuildServiceProvider();

    private static async Task<string> StoredKeysAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var xml = await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        return string.Join("\n", xml);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Keys_are_stored_encrypted_and_a_start_with_another_certificate_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = KeyEncryptionSettings.From(Certificate("first"), "pfx-pass", null);
        string secret;
        await using (var services = Services(database, first))
        {
            secret = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("the signing key");
            var stored = await StoredKeysAsync(services);
            Assert.Contains("encryptedSecret", stored, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", stored, StringComparison.Ordinal);
            KeyEncryption.EnsureKeysReadable(services);
        }

        // The same certificate again reads what was protected.
        await using (var services = Services(database, first))
        {
            KeyEncryption.EnsureKeysReadable(services);
            Assert.Equal("the signing key", services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret));
        }

        // Another certificate cannot read the stored keys: the start is refused, naming what to restore.
        await using (var services = Services(database, KeyEncryptionSettings.From(Certificate("other"), "pfx-pass", null)))
        {
            var refused = Assert.Throws<InvalidInputException>(() => KeyEncryption.EnsureKeysReadable(services));
            Assert.Contains("cannot be decrypted", refused.Message, StringComparison.Ordinal);
            Assert.Contains("DataProtection:CertificatePath", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_configured_certificate_that_is_missing_or_unreadable_stops_the_start_and_unprotected_keys_need_an_explicit_setting()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var missing = Path.Combine(_folder, "nowhere.pfx");
        var absent = Assert.Throws<InvalidInputException>(() => Services(database, KeyEncryptionSettings.From(missing, null, null)));
        Assert.Contains(missing, absent.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));

        var wrongPassword = Assert.Throws<InvalidInputException>(() => Services(database, KeyEncryptionSettings.From(Certificate("locked"), "not-the-pass", null)));
        Assert.Contains("cannot be read", wrongPassword.Message, StringComparison.Ordinal);

        await using var services = Services(database, KeyEncryptionSettings.From(null, null, "true"));
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x");
        Assert.Contains("<masterKey", await StoredKeysAsync(services), StringComparison.Ordinal);
    }
}
