using System.Buffers.Text;
using Harmonia.App.Features.Accounts;

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
}
