using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

public sealed record AiEvidenceDto(
    Guid Id,
    string AiSystemKey,
    string Kind,
    string Metric,
    string? Subject,
    double? Value,
    double? Threshold,
    string? Comparison,
    bool? Passed,
    string? DataSet,
    DateOnly MeasuredOn,
    string? Tool,
    IReadOnlyList<string> Controls,
    string? Location,
    string RecordedBy)
{
    /// <summary>The evidence with its AI system's and controls' current keys; the evidence's control links must be loaded.</summary>
    internal static AiEvidenceDto From(AiEvidenceRecord e, IReadOnlyDictionary<Guid, string> aiSystemKeys, IReadOnlyDictionary<Guid, string> controlKeys) => new(
        e.Id, aiSystemKeys.GetValueOrDefault(e.AiSystemId, string.Empty), e.Kind, e.Metric, e.Subject, e.Value, e.Threshold, e.Comparison, e.Passed, e.DataSet, e.MeasuredOn, e.Tool,
        controlKeys.KeysOf(e.ControlLinks.Select(l => l.ControlId)), e.Location, e.RecordedBy);

    /// <summary>The DTOs of loaded evidence (with its control links), reading the id -> key maps once.</summary>
    internal static async Task<AiEvidenceDto[]> ForAsync(HarmoniaDbContext db, IReadOnlyList<AiEvidenceRecord> evidence, CancellationToken cancellationToken)
    {
        var (aiSystemKeys, controlKeys) = (await db.AiSystemKeysAsync(cancellationToken), await db.ControlKeysAsync(cancellationToken));
        return evidence.Select(e => From(e, aiSystemKeys, controlKeys)).ToArray();
    }
}

/// <summary>
/// One result from an evaluation tool. Kinds: bias (metric per protected group), data-quality (metric per quality
/// dimension), validation (verification and validation results), transparency (a document, no value).
/// </summary>
public sealed record AiEvidenceInput(
    string? AiSystem,
    string? Kind,
    string? Metric,
    string? Subject,
    double? Value,
    double? Threshold,
    string? Comparison,
    bool? Passed,
    string? DataSet,
    DateOnly? MeasuredOn,
    string? Tool,
    IReadOnlyList<string>? Controls,
    string? Location);

public sealed record AiEvidenceRecorded(IReadOnlyList<AiEvidenceDto> Recorded, IReadOnlyList<RiskSuggestionDto> Suggestions);

public sealed record RiskSuggestionDto(Guid Id, string AiSystemKey, string Title, string Category, string Detail, string Status, string? RiskKey, Guid? AiEvidenceId, Guid? SupplierQuestionnaireId = null)
{
    /// <summary>The suggestions with their AI system's and risk's current keys, reading each id -> key map once.</summary>
    internal static async Task<RiskSuggestionDto[]> ForAsync(HarmoniaDbContext db, IReadOnlyList<RiskSuggestionRecord> suggestions, CancellationToken cancellationToken)
    {
        var aiSystemKeys = await db.AiSystemKeysAsync(cancellationToken);
        var riskIds = suggestions.Select(s => s.RiskId).OfType<Guid>().Distinct().ToArray();
        var riskKeys = riskIds.Length == 0
            ? []
            : await db.Risks.AsNoTracking().Where(r => riskIds.Contains(r.Id)).Select(r => new { r.Id, r.Key }).ToDictionaryAsync(r => r.Id, r => r.Key, cancellationToken);
        return suggestions.Select(s => new RiskSuggestionDto(
            s.Id, aiSystemKeys.GetValueOrDefault(s.AiSystemId, string.Empty), s.Title, s.Category, s.Detail, s.Status,
            s.RiskId is { } risk ? riskKeys.GetValueOrDefault(risk) : null, s.AiEvidenceId, s.SupplierQuestionnaireId)).ToArray();
    }
}
