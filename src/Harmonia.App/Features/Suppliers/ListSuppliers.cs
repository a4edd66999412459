using System.Linq.Expressions;
using Harmonia.App.Common;
using Harmonia.Domain.Suppliers;

namespace Harmonia.App.Features.Suppliers;

/// <summary>
/// The register's filters: kind, tier, status, and due (only suppliers with a review, certificate or contract date
/// falling due or overdue). A filter value that names nothing known is a field error, not an empty list.
/// </summary>
public sealed record SupplierFilter(string? Kind = null, string? Tier = null, string? Status = null, bool DueOnly = false);

public sealed class ListSuppliersHandler(SupplierRegister register)
{
    public static readonly SortOrder DefaultSort = new("key", false);

    /// <summary>
    /// The columns the register sorts by, taken in memory like the filters (the standing is worked out, not stored).
    /// Keys by number (SUP-2 before SUP-10), text in lower case, tiers by their name, "next" and "due" by date, nothing planned or due last.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Expression<Func<SupplierDto, object?>>> SortKeys = new Dictionary<string, Expression<Func<SupplierDto, object?>>>(StringComparer.Ordinal)
    {
        ["key"] = s => Tuple.Create(s.Key.Length, s.Key),
        ["name"] = s => s.Name.ToLowerInvariant(),
        ["kind"] = s => s.Kind,
        ["tier"] = s => s.Tier.Name.ToLowerInvariant(),
        ["status"] = s => s.Status,
        ["next"] = s => s.Standing.NextReviewDue ?? DateOnly.MaxValue,
        ["due"] = s => s.Standing.Due.Count == 0 ? DateOnly.MaxValue : s.Standing.Due.Min(d => d.On),
    };

    public async Task<Page<SupplierDto>> HandleAsync(SupplierFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        await HandleAsync(filter, page, null, cancellationToken);

    public async Task<Page<SupplierDto>> HandleAsync(SupplierFilter filter, PageRequest page, SortOrder? sort, CancellationToken cancellationToken = default)
    {
        var all = await MatchingAsync(filter, sort, cancellationToken);
        return new Page<SupplierDto>(all.Skip(page.Skip).Take(page.PageSize).ToArray(), page.PageNumber, page.PageSize, all.Count);
    }

    /// <summary>Every supplier the filter lets through, in key order; throws InvalidInputException for a filter value that names nothing.</summary>
    public Task<IReadOnlyList<SupplierDto>> MatchingAsync(SupplierFilter filter, CancellationToken cancellationToken = default) => MatchingAsync(filter, null, cancellationToken);

    /// <summary>Every supplier the filter lets through, in the order asked for (the export of a view reads the same).</summary>
    public async Task<IReadOnlyList<SupplierDto>> MatchingAsync(SupplierFilter filter, SortOrder? sort, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var kind = string.IsNullOrWhiteSpace(filter.Kind) ? null : SupplierVocabulary.Kind(filter.Kind);
        if (!string.IsNullOrWhiteSpace(filter.Kind) && kind is null)
        {
            errors["kind"] = ["kind is one of: cloud, software, data-provider, model-provider, outsourced-process, other."];
        }

        var status = string.IsNullOrWhiteSpace(filter.Status) ? null : SupplierVocabulary.Status(filter.Status);
        if (!string.IsNullOrWhiteSpace(filter.Status) && status is null)
        {
            errors["status"] = ["status is one of: proposed, active, offboarding, ended."];
        }

        var tiers = await register.TiersAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(filter.Tier) && !tiers.Any(t => t.Key == filter.Tier.Trim()))
        {
            errors["tier"] = [$"tier is one of the organization's tiers: {string.Join(", ", tiers.Select(t => t.Key))}."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var matching = (await register.AllAsync(cancellationToken))
            .Where(s => kind is null || s.Kind == kind)
            .Where(s => status is null || s.Status == status)
            .Where(s => string.IsNullOrWhiteSpace(filter.Tier) || s.Tier.Key == filter.Tier.Trim())
            .Where(s => !filter.DueOnly || s.Standing.Due.Count > 0);
        return (sort ?? DefaultSort).Apply(matching.AsQueryable(), SortKeys, s => Tuple.Create(s.Key.Length, s.Key)).ToArray();
    }
}

public sealed class GetSupplierHandler(SupplierRegister register)
{
    /// <summary>Throws NotFoundException when the organization has no such supplier.</summary>
    public Task<SupplierDto> HandleAsync(Guid supplierId, CancellationToken cancellationToken = default) => register.OneAsync(supplierId, cancellationToken);
}
