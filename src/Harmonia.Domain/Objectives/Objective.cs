using System.Text.Json.Serialization;

namespace Harmonia.Domain.Objectives;

/// <summary>Which management system an objective serves; "both" counts for each of them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ObjectiveSystem>))]
public enum ObjectiveSystem
{
    InformationSecurity,
    Ai,
    Both,
}

/// <summary>Whether the target is a floor (availability, training completion) or a ceiling (incidents, disparity).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TargetDirection>))]
public enum TargetDirection
{
    AtLeast,
    AtMost,
}

[JsonConverter(typeof(JsonStringEnumConverter<MeasurementFrequency>))]
public enum MeasurementFrequency
{
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}

[JsonConverter(typeof(JsonStringEnumConverter<ObjectiveStatus>))]
public enum ObjectiveStatus
{
    NoMeasurement,
    Met,
    NotMet,
    MeasurementOverdue,
}

[JsonConverter(typeof(JsonStringEnumConverter<ObjectiveTrend>))]
public enum ObjectiveTrend
{
    /// <summary>Fewer than two measurements: nothing to compare.</summary>
    Unknown,
    Improving,
    Steady,
    Worsening,
}

/// <summary>One measured value of an objective's measure.</summary>
public sealed record Measurement(DateOnly MeasuredOn, double Value);

public static class ObjectiveFacts
{
    public static int Months(this MeasurementFrequency frequency) => frequency switch
    {
        MeasurementFrequency.Monthly => 1,
        MeasurementFrequency.Quarterly => 3,
        MeasurementFrequency.HalfYearly => 6,
        _ => 12,
    };

    public static string ToLabel(this ObjectiveSystem system) => system switch
    {
        ObjectiveSystem.InformationSecurity => "Information security",
        ObjectiveSystem.Ai => "AI",
        _ => "Both",
    };

    public static string ToLabel(this ObjectiveStatus status) => status switch
    {
        ObjectiveStatus.NoMeasurement => "No measurement yet",
        ObjectiveStatus.Met => "Met",
        ObjectiveStatus.NotMet => "Not met",
        _ => "Measurement overdue",
    };

    public static string ToLabel(this TargetDirection direction) => direction == TargetDirection.AtLeast ? "at least" : "at most";

    public static string ToLabel(this MeasurementFrequency frequency) => frequency switch
    {
        MeasurementFrequency.HalfYearly => "Half-yearly",
        _ => frequency.ToString(),
    };

    /// <summary>Whether an objective of this system serves the given standard ("iso27001-2022" or "iso42001-2023").</summary>
    public static bool Serves(this ObjectiveSystem system, string frameworkId) => system == ObjectiveSystem.Both
        || (system == ObjectiveSystem.InformationSecurity && frameworkId == "iso27001-2022")
        || (system == ObjectiveSystem.Ai && frameworkId == "iso42001-2023");

    public static bool Meets(this TargetDirection direction, double value, double target) =>
        direction == TargetDirection.AtLeast ? value >= target : value <= target;
}
