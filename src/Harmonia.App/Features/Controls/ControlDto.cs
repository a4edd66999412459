using Harmonia.App.Features.Evidence;

namespace Harmonia.App.Features.Controls;

/// <param name="Version">Changes on every update; the API's ETag.</param>
/// <param name="Evidence">The current version of each piece of evidence; versions and files are under /evidence.</param>
public sealed record ControlDto(
    Guid Id,
    string Key,
    string Name,
    string? Owner,
    string Status,
    IReadOnlyList<string> Requirements,
    IReadOnlyList<EvidenceSummaryDto> Evidence,
    int Version)
{
    public static ControlDto From(ControlRecord c) => new(
        c.Id,
        c.Key,
        c.Name,
        c.Owner,
        c.Status,
        c.Requirements.Select(r => r.RequirementId).Order(StringComparer.Ordinal).ToArray(),
        c.Evidence.Select(EvidenceSummaryDto.From).OrderBy(e => e.EffectiveOn).ThenBy(e => e.Title, StringComparer.Ordinal).ToArray(),
        c.Version);
}

/// <summary>What a client sends to create or replace a control. Evidence is added through its own endpoints, never replaced here.</summary>
public sealed record ControlInput(string? Key, string? Name, string? Owner, string? Status, IReadOnlyList<string>? Requirements);
