using Harmonia.App.Organizations;

namespace Harmonia.App.Features.Controls;

public sealed record EvidenceDto(string Title, DateOnly? Date);

/// <param name="Version">Changes on every update; the API's ETag.</param>
public sealed record ControlDto(
    Guid Id,
    string Key,
    string Name,
    string? Owner,
    string Status,
    IReadOnlyList<string> Requirements,
    IReadOnlyList<EvidenceDto> Evidence,
    int Version)
{
    public static ControlDto From(ControlRecord c) => new(
        c.Id,
        c.Key,
        c.Name,
        c.Owner,
        c.Status,
        c.Requirements.Select(r => r.RequirementId).Order(StringComparer.Ordinal).ToArray(),
        c.Evidence.OrderBy(e => e.Date).ThenBy(e => e.Title, StringComparer.Ordinal).Select(e => new EvidenceDto(e.Title, e.Date)).ToArray(),
        c.Version);
}

/// <summary>What a client sends to create or replace a control.</summary>
public sealed record ControlInput(string? Key, string? Name, string? Owner, string? Status, IReadOnlyList<string>? Requirements, IReadOnlyList<EvidenceDto>? Evidence);
