using Harmonia.Domain.Objectives;

namespace Harmonia.App.Features.Objectives;

/// <summary>
/// What a client sends to create or replace an objective. Choices are plain text so a wrong value gets a field
/// error: system information-security|ai|both, direction at-least|at-most, frequency monthly|quarterly|half-yearly|yearly.
/// </summary>
public sealed record ObjectiveInput(string? Title, string? System, string? Measure, string? Unit, double? Target, string? Direction, string? Owner, string? Frequency, DateOnly? DueOn);

public sealed record MeasurementInput(DateOnly? MeasuredOn, double? Value, string? Note);

public sealed record MeasurementDto(Guid Id, DateOnly MeasuredOn, double Value, string? Note, string RecordedBy, DateTime RecordedUtc);

public sealed record ObjectiveDto(
    Guid Id,
    string Key,
    string Title,
    ObjectiveSystem System,
    string Measure,
    string? Unit,
    double Target,
    TargetDirection Direction,
    string Owner,
    MeasurementFrequency Frequency,
    DateOnly? DueOn,
    DateOnly? RetiredOn,
    int Version,
    ObjectiveStanding Standing,
    IReadOnlyList<MeasurementDto> Measurements)
{
    /// <summary>The sparkline of the measurements against the target, as inline SVG.</summary>
    public string Sparkline() => ObjectiveSparklineSvg.Draw($"{Key} {Title}", Measurements.Select(m => new Measurement(m.MeasuredOn, m.Value)).ToArray(), Target, Direction, Unit);

    internal static ObjectiveDto From(ObjectiveRecord o, IEnumerable<ObjectiveMeasurementRecord> measurements, DateOnly today)
    {
        var list = measurements.OrderBy(m => m.MeasuredOn).ThenBy(m => m.RecordedUtc)
            .Select(m => new MeasurementDto(m.Id, m.MeasuredOn, m.Value, m.Note, m.RecordedBy, m.RecordedUtc)).ToArray();
        var standing = ObjectiveStanding.Of(o.Target, o.Direction, o.Frequency, list.Select(m => new Measurement(m.MeasuredOn, m.Value)), today);
        return new(o.Id, o.Key, o.Title, o.System, o.Measure, o.Unit, o.Target, o.Direction, o.Owner, o.Frequency, o.DueOn, o.RetiredOn, o.Version, standing, list);
    }
}
