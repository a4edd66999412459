namespace Harmonia.Domain.Work;

/// <summary>A member of the organization as the owner matcher sees them.</summary>
public sealed record MemberName(Guid Id, string Email, string? DisplayName);

/// <summary>
/// Resolves the free-text owner of a record ("CISO", "dana@acme.example", "Dana Weber") to a member of the
/// organization, only when exactly one member's e-mail or display name equals the text (case and surrounding or
/// repeated spaces ignored). Anything else stays unresolved and keeps its text, so nothing is assigned by a guess:
/// "CISO" is a function, not a person, and two members called "Alex" are two people. Build it once per
/// organization and ask it for every record: the look-up is a dictionary read.
/// </summary>
public sealed class OwnerMatcher
{
    private readonly Dictionary<string, Guid?> _byName = new(StringComparer.OrdinalIgnoreCase);

    public OwnerMatcher(IEnumerable<MemberName> members)
    {
        foreach (var member in members)
        {
            // One person may be written by e-mail or by name; both point at the same id, which is not ambiguous.
            foreach (var key in new[] { Normalize(member.Email), Normalize(member.DisplayName) }.Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                _byName[key] = _byName.TryGetValue(key, out var existing) && existing != member.Id ? null : member.Id;
            }
        }
    }

    /// <summary>The member the text names unambiguously, or null.</summary>
    public Guid? Resolve(string? ownerText)
    {
        var key = Normalize(ownerText);
        return key.Length > 0 && _byName.TryGetValue(key, out var id) ? id : null;
    }

    private static string Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
