using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Pickers;

/// <summary>The kinds of record a form lets a person choose instead of typing its key.</summary>
public enum PickerSource
{
    Requirements,
    Controls,
    AiSystems,
    Risks,
    Suppliers,

    /// <summary>Active members, posted as their e-mail address.</summary>
    Members,

    /// <summary>Active members, posted as their account id.</summary>
    MemberIds,
}

/// <summary>One choice: the value the form posts (a key, a qualified requirement id, an e-mail) and the words shown.</summary>
public sealed record PickerChoice(string Value, string Label, string? Group);

/// <summary>
/// The choices of one picker in the current organization, in the order a person scans them: requirements by framework
/// and catalog order, records by key, people by name.
/// </summary>
public sealed class ListPickerChoicesHandler(HarmoniaDbContext db, Work.ListDueWorkHandler work)
{
    /// <summary>Past this many choices a picker offers its list as suggestions to a typed entry instead of boxes to tick.</summary>
    public const int CheckListLimit = 600;

    public async Task<IReadOnlyList<PickerChoice>> HandleAsync(PickerSource source, IReadOnlyCollection<string>? frameworks = null, CancellationToken cancellationToken = default) => source switch
    {
        PickerSource.Requirements => await RequirementsAsync(frameworks, cancellationToken),
        PickerSource.Controls => Keyed(await db.Controls.AsNoTracking().Select(c => new { c.Key, Label = c.Name }).ToListAsync(cancellationToken), c => c.Key, c => c.Label),
        PickerSource.AiSystems => Keyed(await db.AiSystems.AsNoTracking().Select(a => new { a.Key, Label = a.Name }).ToListAsync(cancellationToken), a => a.Key, a => a.Label),
        PickerSource.Risks => Keyed(await db.Risks.AsNoTracking().Select(r => new { r.Key, Label = r.Title }).ToListAsync(cancellationToken), r => r.Key, r => r.Label),
        PickerSource.Suppliers => Keyed(await db.Suppliers.AsNoTracking().Select(s => new { s.Key, Label = s.Name }).ToListAsync(cancellationToken), s => s.Key, s => s.Label),
        PickerSource.Members or PickerSource.MemberIds => (await work.MembersAsync(cancellationToken))
            .OrderBy(m => m.DisplayName ?? m.Email, StringComparer.OrdinalIgnoreCase)
            .Select(m => new PickerChoice(source == PickerSource.Members ? m.Email : m.Id.ToString(), m.DisplayName is { Length: > 0 } name ? $"{name} ({m.Email})" : m.Email, null))
            .ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "No picker lists this kind of record."),
    };

    private static PickerChoice[] Keyed<T>(IEnumerable<T> rows, Func<T, string> key, Func<T, string> label) =>
        rows.OrderBy(key, KeyOrder.Instance).Select(r => new PickerChoice(key(r), $"{key(r)} {label(r)}", null)).ToArray();

    private async Task<IReadOnlyList<PickerChoice>> RequirementsAsync(IReadOnlyCollection<string>? frameworks, CancellationToken ct)
    {
        var names = await db.CatalogFrameworks.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var query = db.CatalogRequirements.AsNoTracking();
        if (frameworks is { Count: > 0 })
        {
            query = query.Where(r => frameworks.Contains(r.FrameworkId));
        }

        var rows = await query.Select(r => new { r.Id, r.FrameworkId, r.Ref, r.Title, r.Kind, r.SortOrder }).ToListAsync(ct);
        var order = (frameworks ?? []).ToList();
        return rows
            .OrderBy(r => order.IndexOf(r.FrameworkId) is >= 0 and var at ? at : int.MaxValue).ThenBy(r => r.FrameworkId, StringComparer.Ordinal)
            .ThenBy(r => r.Kind == "clause" ? 0 : 1).ThenBy(r => r.SortOrder)
            .Select(r => new PickerChoice(r.Id, $"{r.Ref} {r.Title}", $"{names.GetValueOrDefault(r.FrameworkId, r.FrameworkId)}, {(r.Kind == "clause" ? "clauses" : "controls")}"))
            .ToArray();
    }

    /// <summary>Keys in the order people number them: R-2 before R-10.</summary>
    private sealed class KeyOrder : IComparer<string>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var (px, nx) = Split(x ?? string.Empty);
            var (py, ny) = Split(y ?? string.Empty);
            var prefix = StringComparer.OrdinalIgnoreCase.Compare(px, py);
            return prefix != 0 ? prefix : nx != ny ? nx.CompareTo(ny) : StringComparer.Ordinal.Compare(x, y);
        }

        private static (string Prefix, long Number) Split(string key)
        {
            var end = key.Length;
            while (end > 0 && char.IsAsciiDigit(key[end - 1]))
            {
                end--;
            }

            return end < key.Length && key.Length - end <= 18 ? (key[..end], long.Parse(key[end..], System.Globalization.CultureInfo.InvariantCulture)) : (key, -1);
        }
    }
}
