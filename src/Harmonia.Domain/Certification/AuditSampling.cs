using System.Security.Cryptography;
using System.Text;

namespace Harmonia.Domain.Certification;

/// <summary>One record of a population an auditor samples from: its id and what people call it.</summary>
public sealed record SampleCandidate(string Id, string Label);

/// <summary>The records drawn, with what is needed to draw them again and to see the population did not change.</summary>
public sealed record DrawnSample(IReadOnlyList<SampleCandidate> Selected, int PopulationSize, string PopulationFingerprint, string Method);

/// <summary>
/// A simple random sample without replacement that anyone can redraw: every record is ranked by SHA-256 of the seed and
/// its id, and the lowest ranks are taken. The order in which the records arrive does not matter, and no random number
/// generator of a particular runtime is involved, so the same seed over the same population gives the same sample
/// years later on another machine.
/// </summary>
public static class AuditSampling
{
    public const string MethodDescription = "Simple random sample without replacement: each record is ranked by SHA-256 of \"seed:record id\" and the lowest ranks are taken.";

    public static DrawnSample Draw(IReadOnlyCollection<SampleCandidate> population, int size, long seed)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var distinct = population.DistinctBy(c => c.Id, StringComparer.Ordinal).ToArray();
        var selected = distinct
            .OrderBy(c => Rank(seed, c.Id), StringComparer.Ordinal)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(size)
            .ToArray();
        return new DrawnSample(selected, distinct.Length, Fingerprint(distinct.Select(c => c.Id)), MethodDescription);
    }

    /// <summary>SHA-256 over the sorted ids: two populations with the same fingerprint hold the same records.</summary>
    public static string Fingerprint(IEnumerable<string> ids) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', ids.Order(StringComparer.Ordinal)))));

    private static string Rank(long seed, string id) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{seed}:{id}"))));
}
