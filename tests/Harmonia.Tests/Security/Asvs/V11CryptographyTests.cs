using System.Buffers.Text;
using System.Text.RegularExpressions;
using Harmonia.App.Features.Accounts;
using Harmonia.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Security.Asvs;

/// <summary>OWASP ASVS 5.0 chapter V11, cryptography: secrets people hold are random enough.</summary>
public sealed class V11CryptographyTests
{
    [Fact]
    public void V11_5_1_access_tokens_carry_256_random_bits_and_are_stored_as_sha256()
    {
        var tokens = Enumerable.Range(0, 2000).Select(_ => AccessTokenFormat.NewToken()).ToList();

        Assert.All(tokens, t =>
        {
            Assert.StartsWith(AccessTokenFormat.Prefix, t, StringComparison.Ordinal);
            Assert.Equal(32, Base64Url.DecodeFromChars(t.AsSpan(AccessTokenFormat.Prefix.Length)).Length);
            Assert.Equal(64, AccessTokenFormat.Hash(t).Length);
        });
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());

        // Every bit position takes both values across the sample: no fixed or predictable part after the prefix.
        var bytes = tokens.Select(t => Base64Url.DecodeFromChars(t.AsSpan(AccessTokenFormat.Prefix.Length))).ToList();
        for (var bit = 0; bit < 256; bit++)
        {
            var ones = bytes.Count(b => (b[bit / 8] >> (bit % 8) & 1) == 1);
            Assert.InRange(ones, 800, 1200);
        }
    }

    /// <summary>Files allowed a weak hash because it names rather than protects, with the reason.</summary>
    private static readonly Dictionary<string, string> NamingOnly = new(StringComparer.Ordinal)
    {
        ["src/Harmonia.App/Features/Interop/OscalIds.cs"] = "RFC 4122 defines name-based (version 5) UUIDs with SHA-1; OSCAL documents need stable UUIDs, not secrecy",
    };

    [Fact]
    public async Task V11_4_2_passphrases_are_hashed_with_pbkdf2_at_current_guidance()
    {
        await using var host = await ApiHost.StartAsync(App.Persistence.DatabaseProvider.Sqlite);
        var hashes = await host.WithScopeAsync(async s =>
            await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                s.GetRequiredService<App.Persistence.HarmoniaDbContext>().Users.Where(u => u.PasswordHash != null).Select(u => u.PasswordHash!)));
        Assert.NotEmpty(hashes);
        foreach (var hash in hashes)
        {
            // Identity v3 format: marker 0x01, PRF (1 = HMAC-SHA256, 2 = HMAC-SHA512), iteration count, big-endian.
            var bytes = Convert.FromBase64String(hash);
            Assert.Equal(0x01, bytes[0]);
            Assert.Equal(2u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)));
            Assert.Equal((uint)AccountsModule.PassphraseIterations, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)));
        }

        Assert.True(AccountsModule.PassphraseIterations >= 210_000);
    }

    [Fact]
    public void V11_4_1_no_source_file_uses_a_disallowed_hash_or_cipher()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(sources);
        var disallowed = new Regex(@"\b(MD5|SHA1|HMACMD5|HMACSHA1|DES|TripleDES|RC2|CipherMode\.ECB|RSAEncryptionPadding\.Pkcs1)\b");
        var hits = sources.SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(RepositoryPaths.Root, f), Line: i + 1, Text: line)))
            .Where(l => disallowed.IsMatch(l.Text) && !NamingOnly.ContainsKey(l.File.Replace('\\', '/')))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.Empty(hits);
    }
}
