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
    public async Task<Page<SupplierDto>> HandleAsync(SupplierFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var all = await MatchingAsync(filter, cancellationToken);
        return new Page<SupplierDto>(all.Skip(page.Skip).Take(page.PageSize).ToArray(), page.PageNumber, page.PageSize, all.Count);
    }

    /// <summary>Every supplier the filter lets through, in key order; throws InvalidInputException for a filter value that names nothing.</summary>
    public async Task<IReadOnlyList<SupplierDto>> MatchingAsync(SupplierFilter filter, CancellationToken cancellationToken = default)
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

        return (await register.AllAsync(cancellationToken))
            .Where(s => kind is null || s.Kind == kind)
            .Where(s => status is null || s.Status == status)
            .Where(s => string.IsNullOrWhiteSpace(filter.Tier) || s.Tier.Key == filter.Tier.Trim())
            .Where(s => !filter.DueOnly || s.Standing.Due.Count > 0)
            .ToArray();
    }
}

public sealed class GetSupplierHandler(SupplierRegister register)
{
    /// <summary>Throws NotFoundException when the organization has no such supplier.</summary>
    public Task<SupplierDto> HandleAsync(Guid supplierId, CancellationToken cancellationToken = default) => register.OneAsync(supplierId, cancellationToken);
}
