using Harmonia.Domain.Risks;

namespace Harmonia.App.Features.Risks;

public sealed record RiskDto(
    Guid Id,
    string Key,
    string Title,
    string? Description,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> RiskSources,
    string? Assets,
    IReadOnlyList<string> AiSystems,
    int InherentLikelihood,
    int InherentImpact,
    string InherentLevel,
    string Treatment,
    IReadOnlyList<string> Controls,
    int ResidualLikelihood,
    int ResidualImpact,
    string ResidualLevel,
    string? Owner,
    DateOnly? DueOn,
    DateOnly? ReviewOn,
    string? AcceptedBy,
    DateTime? AcceptedUtc,
    DateOnly? AcceptanceExpiresOn,
    int Version)
{
    public static RiskDto From(RiskRecord r, RiskMethodology methodology) => new(
        r.Id, r.Key, r.Title, r.Description, Split(r.Categories), Split(r.RiskSources), r.Assets, Split(r.AiSystems),
        r.InherentLikelihood, r.InherentImpact, methodology.LevelOf(Clamp(r.InherentLikelihood, methodology), Clamp(r.InherentImpact, methodology)).Name,
        r.Treatment, Split(r.Controls),
        r.ResidualLikelihood, r.ResidualImpact, methodology.LevelOf(Clamp(r.ResidualLikelihood, methodology), Clamp(r.ResidualImpact, methodology)).Name,
        r.Owner, r.DueOn, r.ReviewOn, r.AcceptedBy, r.AcceptedUtc, r.AcceptanceExpiresOn, r.Version);

    private static string[] Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries);

    // A methodology changed to a smaller scale after a risk was rated: the rating is shown at the scale's top.
    private static int Clamp(int value, RiskMethodology methodology) => Math.Clamp(value, 1, methodology.Size);
}

/// <summary>What a client sends to create or replace a risk.</summary>
public sealed record RiskInput(
    string? Key,
    string? Title,
    string? Description,
    IReadOnlyList<string>? Categories,
    IReadOnlyList<string>? RiskSources,
    string? Assets,
    IReadOnlyList<string>? AiSystems,
    int InherentLikelihood,
    int InherentImpact,
    string? Treatment,
    IReadOnlyList<string>? Controls,
    int ResidualLikelihood,
    int ResidualImpact,
    string? Owner,
    DateOnly? DueOn,
    DateOnly? ReviewOn);
