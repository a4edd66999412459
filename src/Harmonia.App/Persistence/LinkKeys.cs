using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Persistence;

/// <summary>
/// Links between records are stored as ids; keys are display values that may be renamed. Handlers resolve the keys a
/// client sends to ids on write and show the records' current keys on read, from one id -> key map per record kind.
/// </summary>
internal static class LinkKeys
{
    /// <summary>Every control of the organization, id -> current key (one query).</summary>
    public static async Task<Dictionary<Guid, string>> ControlKeysAsync(this HarmoniaDbContext db, CancellationToken cancellationToken) =>
        await db.Controls.AsNoTracking().Select(c => new { c.Id, c.Key }).ToDictionaryAsync(c => c.Id, c => c.Key, cancellationToken);

    /// <summary>Every AI system of the organization, id -> current key (one query).</summary>
    public static async Task<Dictionary<Guid, string>> AiSystemKeysAsync(this HarmoniaDbContext db, CancellationToken cancellationToken) =>
        await db.AiSystems.AsNoTracking().Select(a => new { a.Id, a.Key }).ToDictionaryAsync(a => a.Id, a => a.Key, cancellationToken);

    /// <summary>The controls with these keys, key -> id; a key the organization lacks is simply absent.</summary>
    public static async Task<Dictionary<string, Guid>> ControlIdsAsync(this HarmoniaDbContext db, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        return wanted.Length == 0
            ? new Dictionary<string, Guid>(StringComparer.Ordinal)
            : await db.Controls.Where(c => wanted.Contains(c.Key)).Select(c => new { c.Id, c.Key }).ToDictionaryAsync(c => c.Key, c => c.Id, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The AI systems with these keys, key -> id; a key the organization lacks is simply absent.</summary>
    public static async Task<Dictionary<string, Guid>> AiSystemIdsAsync(this HarmoniaDbContext db, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        return wanted.Length == 0
            ? new Dictionary<string, Guid>(StringComparer.Ordinal)
            : await db.AiSystems.Where(a => wanted.Contains(a.Key)).Select(a => new { a.Id, a.Key }).ToDictionaryAsync(a => a.Key, a => a.Id, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The current keys of the linked records, in key order.</summary>
    public static string[] KeysOf(this IReadOnlyDictionary<Guid, string> keys, IEnumerable<Guid> ids) =>
        ids.Select(id => keys.GetValueOrDefault(id)).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    /// <summary>The cleaned, distinct keys a client sent, in its order.</summary>
    public static string[] Clean(IEnumerable<string>? keys) =>
        (keys ?? []).Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Brings a link collection in line with the wanted target ids: removes the rest, adds the missing.</summary>
    public static void Sync<TLink>(List<TLink> links, IReadOnlyCollection<Guid> wanted, Func<TLink, Guid> target, Func<Guid, TLink> create)
    {
        links.RemoveAll(l => !wanted.Contains(target(l)));
        foreach (var id in wanted.Where(id => !links.Any(l => target(l) == id)))
        {
            links.Add(create(id));
        }
    }
}
