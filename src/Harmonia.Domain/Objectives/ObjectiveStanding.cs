namespace Harmonia.Domain.Objectives;

/// <summary>
/// Where an objective stands today: its status, the latest measurement, the trend and when the next one is due.
/// </summary>
/// <param name="LatestMet">Whether the latest value reaches the target, also when the measurement is overdue.</param>
/// <param name="NextDue">The date by which the next measurement is expected; null before the first one.</param>
public sealed record ObjectiveStanding(ObjectiveStatus Status, Measurement? Latest, bool? LatestMet, ObjectiveTrend Trend, DateOnly? NextDue)
{
    /// <summary>
    /// An overdue measurement outranks met or not met: a figure older than the agreed rhythm no longer says
    /// whether the objective is being achieved, which is what monitoring (9.1) asks to know.
    /// </summary>
    public static ObjectiveStanding Of(double target, TargetDirection direction, MeasurementFrequency frequency, IEnumerable<Measurement> measurements, DateOnly today)
    {
        var ordered = measurements.Where(m => m.MeasuredOn <= today).OrderBy(m => m.MeasuredOn).ToArray();
        if (ordered.Length == 0)
        {
            return new(ObjectiveStatus.NoMeasurement, null, null, ObjectiveTrend.Unknown, null);
        }

        var latest = ordered[^1];
        var met = direction.Meets(latest.Value, target);
        var nextDue = latest.MeasuredOn.AddMonths(frequency.Months());
        var status = today > nextDue ? ObjectiveStatus.MeasurementOverdue : met ? ObjectiveStatus.Met : ObjectiveStatus.NotMet;
        return new(status, latest, met, TrendOf(ordered, direction), nextDue);
    }

    /// <summary>The latest value against the one before it, read in the target's direction.</summary>
    private static ObjectiveTrend TrendOf(Measurement[] ordered, TargetDirection direction)
    {
        if (ordered.Length < 2)
        {
            return ObjectiveTrend.Unknown;
        }

        var change = ordered[^1].Value - ordered[^2].Value;
        if (Math.Abs(change) <= 1e-9 * Math.Max(1, Math.Abs(ordered[^2].Value)))
        {
            return ObjectiveTrend.Steady;
        }

        return (change > 0) == (direction == TargetDirection.AtLeast) ? ObjectiveTrend.Improving : ObjectiveTrend.Worsening;
    }
}
