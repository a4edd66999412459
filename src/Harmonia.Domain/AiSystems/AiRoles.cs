namespace Harmonia.Domain.AiSystems;

/// <summary>
/// A stakeholder role an organization can hold towards an AI system, in the vocabulary of ISO/IEC 22989 that
/// ISO/IEC 42001 4.1 asks the organization to determine. <paramref name="Group"/> is the main role a finer role
/// belongs to (an AI developer is an AI producer); null for a main role.
/// </summary>
public sealed record AiRole(string Token, string Name, string? Group);

/// <summary>An operator role of the EU AI Act; recorded separately because it is a legal status, not a 22989 role.</summary>
public sealed record EuAiActRole(string Token, string Name);

/// <summary>What a value of the old single role field (developer, provider, deployer, user) means today.</summary>
public sealed record LegacyAiRole(IReadOnlyList<string> Roles, string EuAiActRole);

public static class AiRoles
{
    public static IReadOnlyList<AiRole> All { get; } =
    [
        new("ai-provider", "AI provider", null),
        new("ai-platform-provider", "AI platform provider", "ai-provider"),
        new("ai-product-provider", "AI product or service provider", "ai-provider"),
        new("ai-producer", "AI producer", null),
        new("ai-developer", "AI developer", "ai-producer"),
        new("ai-customer", "AI customer", null),
        new("ai-user", "AI user", "ai-customer"),
        new("ai-partner", "AI partner", null),
        new("ai-system-integrator", "AI system integrator", "ai-partner"),
        new("data-provider", "data provider", "ai-partner"),
        new("ai-subject", "AI subject", null),
        new("data-subject", "data subject", "ai-subject"),
        new("relevant-authority", "relevant authority", null),
        new("policymaker", "policymaker", "relevant-authority"),
        new("regulator", "regulator", "relevant-authority"),
    ];

    public static IReadOnlyList<EuAiActRole> EuAiAct { get; } =
    [
        new("provider", "provider"),
        new("deployer", "deployer"),
        new("importer", "importer"),
        new("distributor", "distributor"),
        new("authorised-representative", "authorised representative"),
        new("product-manufacturer", "product manufacturer"),
    ];

    /// <summary>
    /// The old single role was the EU AI Act's operator vocabulary. Each value becomes the 22989 role that does the
    /// same work plus the Act role it implied: a developer builds the system and puts it into service under its own
    /// name (Act: provider); an organization offering AI to others is an AI product or service provider (Act: provider);
    /// a deployer and a user both use a system under their own authority, which 22989 calls an AI user (part of AI
    /// customer) and the final Act calls a deployer ("user" was the proposal's word for the same role).
    /// </summary>
    public static IReadOnlyDictionary<string, LegacyAiRole> Legacy { get; } = new Dictionary<string, LegacyAiRole>(StringComparer.Ordinal)
    {
        ["developer"] = new(["ai-developer"], "provider"),
        ["provider"] = new(["ai-product-provider"], "provider"),
        ["deployer"] = new(["ai-user"], "deployer"),
        ["user"] = new(["ai-user"], "deployer"),
    };

    public static IEnumerable<string> Tokens => All.Select(r => r.Token);

    public static IEnumerable<string> EuAiActTokens => EuAiAct.Select(r => r.Token);

    public static AiRole? Find(string? token) => All.FirstOrDefault(r => string.Equals(r.Token, token, StringComparison.Ordinal));

    public static AiRole? FindByName(string? name) => All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    public static EuAiActRole? FindEuAiAct(string? token) => EuAiAct.FirstOrDefault(r => string.Equals(r.Token, token, StringComparison.Ordinal));

    /// <summary>Known roles, trimmed, without duplicates, in the order of <see cref="All"/> (so stored sets compare).</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string?> tokens)
    {
        var given = tokens.Select(t => t?.Trim()).ToHashSet(StringComparer.Ordinal);
        return All.Where(r => given.Contains(r.Token)).Select(r => r.Token).ToArray();
    }

    /// <summary>Why a role set cannot be stored, or null: at least one role, and only known ones.</summary>
    public static string? Problem(IReadOnlyList<string?>? tokens)
    {
        var given = (tokens ?? []).Select(t => t?.Trim() ?? string.Empty).ToArray();
        if (given.Length == 0)
        {
            return $"At least one AI role is required (ISO/IEC 22989): {string.Join(", ", Tokens)}.";
        }

        return given.FirstOrDefault(t => Find(t) is null) is { } unknown
            ? $"'{unknown}' is not an AI role; allowed: {string.Join(", ", Tokens)}."
            : null;
    }

    /// <summary>Why an EU AI Act role cannot be stored, or null; no role at all is allowed (the field is optional).</summary>
    public static string? EuAiActProblem(string? token) =>
        string.IsNullOrWhiteSpace(token) || FindEuAiAct(token.Trim()) is not null
            ? null
            : $"'{token.Trim()}' is not an EU AI Act role; allowed: {string.Join(", ", EuAiActTokens)}.";

    /// <summary>The main roles a set amounts to: a finer role counts for its group.</summary>
    public static IReadOnlyList<AiRole> Groups(IEnumerable<string> tokens)
    {
        var main = tokens.Select(Find).OfType<AiRole>().Select(r => r.Group ?? r.Token).ToHashSet(StringComparer.Ordinal);
        return All.Where(r => r.Group is null && main.Contains(r.Token)).ToArray();
    }

    /// <summary>Whether the set holds the main role <paramref name="group"/> itself or one of its finer roles.</summary>
    public static bool Holds(IEnumerable<string> tokens, string group) => Groups(tokens).Any(r => r.Token == group);

    /// <summary>How a compliance manager reads a role: a finer role names its group, "AI developer (AI producer)".</summary>
    public static string Describe(string token) => Find(token) switch
    {
        null => token,
        { Group: null } role => role.Name,
        var role => $"{role.Name} ({Find(role.Group)!.Name})",
    };

    public static string Describe(IEnumerable<string> tokens) => string.Join(", ", Normalize(tokens).Select(Describe));

    public static string DescribeEuAiAct(string? token) => FindEuAiAct(token)?.Name ?? token ?? string.Empty;

    /// <summary>
    /// The questionnaire's "roles towards AI" answer names roles by their 22989 names; an answer written with the old
    /// words (developer, provider, deployer, user) is read as the names those words map to.
    /// </summary>
    public static IReadOnlyList<string> UpgradeAnswer(IEnumerable<string> items)
    {
        var names = items.SelectMany(i => Legacy.TryGetValue(i, out var legacy) ? legacy.Roles.Select(t => Find(t)!.Name) : [i]);
        return names.Distinct(StringComparer.Ordinal).ToArray();
    }
}
