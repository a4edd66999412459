using Harmonia.App.Persistence;
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
    int Version,
    string? OwnerAccount = null,
    string? AssessedBy = null,
    bool AboveAcceptanceLimit = false,
    string? TreatmentApprovedBy = null,
    DateTime? TreatmentApprovedUtc = null,
    string? TopManagementApprovedBy = null,
    DateTime? TopManagementApprovedUtc = null,
    DateOnly? ReviewedOn = null,
    string? ReviewedBy = null)
{
    /// <param name="aiSystemKeys">AI system id -> current key; the risk's links must be loaded.</param>
    /// <param name="controlKeys">Control id -> current key.</param>
    /// <param name="accounts">Member user id -> e-mail, to show the owner's linked account.</param>
    public static RiskDto From(RiskRecord r, RiskMethodology methodology, IReadOnlyDictionary<Guid, string> aiSystemKeys, IReadOnlyDictionary<Guid, string> controlKeys, IReadOnlyDictionary<Guid, string> accounts) => new(
        r.Id, r.Key, r.Title, r.Description, Split(r.Categories), Split(r.RiskSources), r.Assets, aiSystemKeys.KeysOf(r.AiSystemLinks.Select(l => l.AiSystemId)),
        r.InherentLikelihood, r.InherentImpact, methodology.LevelOf(Clamp(r.InherentLikelihood, methodology), Clamp(r.InherentImpact, methodology)).Name,
        r.Treatment, controlKeys.KeysOf(r.ControlLinks.Select(l => l.ControlId)),
        r.ResidualLikelihood, r.ResidualImpact, methodology.LevelOf(Clamp(r.ResidualLikelihood, methodology), Clamp(r.ResidualImpact, methodology)).Name,
        r.Owner, r.DueOn, r.ReviewOn, r.AcceptedBy, r.AcceptedUtc, r.AcceptanceExpiresOn, r.Version,
        r.OwnerUserId is { } owner ? accounts.GetValueOrDefault(owner) : null, r.AssessedBy,
        AboveLimit(r, methodology),
        r.TreatmentApprovedBy, r.TreatmentApprovedUtc, r.TopManagementApprovedBy, r.TopManagementApprovedUtc, r.ReviewedOn, r.ReviewedBy);

    /// <summary>Whether the residual rating is above what the methodology lets the risk owner accept alone.</summary>
    internal static bool AboveLimit(RiskRecord r, RiskMethodology methodology) =>
        !methodology.OwnerMayAcceptLevel(methodology.LevelOf(Clamp(r.ResidualLikelihood, methodology), Clamp(r.ResidualImpact, methodology)));

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
    DateOnly? ReviewOn,
    string? OwnerAccount = null);
