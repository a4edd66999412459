using Harmonia.Domain.Catalogs;

namespace Harmonia.Domain.Audits;

/// <summary>What one audit covers: requirements of one or both frameworks, and where it looks.</summary>
/// <param name="RequirementIds">Qualified requirement ids (<c>iso42001-2023:6.1.4</c>).</param>
/// <param name="Processes">Processes visited ("Model release", "Supplier onboarding").</param>
/// <param name="AiSystemKeys">AI systems sampled.</param>
/// <param name="Sites">Sites visited.</param>
public sealed record AuditScope(
    IReadOnlyList<string> RequirementIds,
    IReadOnlyList<string> Processes,
    IReadOnlyList<string> AiSystemKeys,
    IReadOnlyList<string> Sites)
{
    /// <summary>Every requirement of the given frameworks: the full-scope audit a certification needs.</summary>
    public static AuditScope Full(Catalog catalog, params string[] frameworkIds) => new(
        frameworkIds.SelectMany(id => (catalog.FindFramework(id)
                ?? throw new ArgumentException($"Unknown framework '{id}'.", nameof(frameworkIds))).Requirements)
            .Select(r => r.Id)
            .ToArray(),
        [],
        [],
        []);
}
