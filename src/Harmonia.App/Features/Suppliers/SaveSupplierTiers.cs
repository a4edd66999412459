using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Suppliers;

public sealed record SupplierTierInput(string? Key, string? Name, string? Criteria, int? ReviewMonths);

/// <summary>
/// Replaces the organization's criticality tiers. A tier a supplier still uses cannot be removed: the supplier would
/// lose its review cadence.
/// </summary>
public sealed class SaveSupplierTiersHandler(HarmoniaDbContext db, GetSupplierTiersHandler get)
{
    public async Task<SupplierTiersDto> HandleAsync(int expectedVersion, IReadOnlyList<SupplierTierInput> input, CancellationToken cancellationToken = default)
    {
        var record = await db.SupplierTiers.SingleOrDefaultAsync(cancellationToken);
        if ((record?.Version ?? 0) != expectedVersion)
        {
            throw new VersionConflictException(record?.Version ?? 0, "supplier tiers");
        }

        var errors = new List<string>();
        var tiers = new List<SupplierTier>();
        foreach (var tier in input)
        {
            var key = tier.Key?.Trim() ?? string.Empty;
            if (key.Length is 0 or > 32 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                errors.Add($"'{key}' is not a tier key: 1 to 32 letters, digits or hyphens, e.g. critical.");
            }
            else if (string.IsNullOrWhiteSpace(tier.Name) || tier.Name.Trim().Length > 100 || tier.Criteria is { Length: > 1000 })
            {
                errors.Add($"Tier '{key}' needs a name (up to 100 characters); its criteria may have 1000.");
            }
            else if (tier.ReviewMonths is not (>= 1 and <= 60))
            {
                errors.Add($"Tier '{key}' is reviewed every 1 to 60 months.");
            }
            else if (tiers.Any(t => t.Key == key))
            {
                errors.Add($"Tier '{key}' is defined twice.");
            }
            else
            {
                tiers.Add(new SupplierTier(key, tier.Name.Trim(), tier.Criteria?.Trim() ?? string.Empty, tier.ReviewMonths.Value));
            }
        }

        if (input.Count == 0)
        {
            errors.Add("Define at least one tier.");
        }

        var used = await db.Suppliers.Select(s => s.Tier).Distinct().ToListAsync(cancellationToken);
        errors.AddRange(used.Where(u => tiers.Count > 0 && !tiers.Any(t => t.Key == u)).Order(StringComparer.Ordinal).Select(u => $"Tier '{u}' is still used by suppliers; move them to another tier first."));
        if (errors.Count > 0)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["tiers"] = errors.ToArray() });
        }

        if (record is null)
        {
            db.SupplierTiers.Add(new SupplierTiersRecord { Json = SupplierJson.Write(tiers) });
        }
        else
        {
            record.Json = SupplierJson.Write(tiers);
            record.Version++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await get.HandleAsync(cancellationToken);
    }
}
