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
    internal static AiEvidenceDto From(AiEvidenceRecord e) => new(
        e.Id, e.AiSystemKey, e.Kind, e.Metric, e.Subject, e.Value, e.Threshold, e.Comparison, e.Passed, e.DataSet, e.MeasuredOn, e.Tool,
        e.Controls.Split(',', StringSplitOptions.RemoveEmptyEntries), e.Location, e.RecordedBy);
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

public sealed record RiskSuggestionDto(Guid Id, string AiSystemKey, string Title, string Category, string Detail, string Status, string? RiskKey, Guid AiEvidenceId)
{
    internal static RiskSuggestionDto From(RiskSuggestionRecord s) => new(s.Id, s.AiSystemKey, s.Title, s.Category, s.Detail, s.Status, s.RiskKey, s.AiEvidenceId);
}
