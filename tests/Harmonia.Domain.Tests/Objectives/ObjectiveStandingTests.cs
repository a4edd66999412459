using Harmonia.Domain.Objectives;

namespace Harmonia.Domain.Tests.Objectives;

public sealed class ObjectiveStandingTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static Measurement M(int month, int day, double value) => new(new DateOnly(2026, month, day), value);

    [Fact]
    public void Without_measurements_the_status_says_so_and_nothing_is_due_yet()
    {
        var standing = ObjectiveStanding.Of(95, TargetDirection.AtLeast, MeasurementFrequency.Quarterly, [], Today);

        Assert.Equal(ObjectiveStatus.NoMeasurement, standing.Status);
        Assert.Null(standing.Latest);
        Assert.Null(standing.LatestMet);
        Assert.Null(standing.NextDue);
        Assert.Equal(ObjectiveTrend.Unknown, standing.Trend);
    }

    [Theory]
    [InlineData(TargetDirection.AtLeast, 96.0, ObjectiveStatus.Met)]
    [InlineData(TargetDirection.AtLeast, 95.0, ObjectiveStatus.Met)]
    [InlineData(TargetDirection.AtLeast, 94.9, ObjectiveStatus.NotMet)]
    [InlineData(TargetDirection.AtMost, 95.0, ObjectiveStatus.Met)]
    [InlineData(TargetDirection.AtMost, 95.1, ObjectiveStatus.NotMet)]
    public void The_latest_value_is_judged_in_the_targets_direction(TargetDirection direction, double value, ObjectiveStatus expected)
    {
        var standing = ObjectiveStanding.Of(95, direction, MeasurementFrequency.Quarterly, [M(1, 10, 50), M(6, 1, value)], Today);

        Assert.Equal(expected, standing.Status);
        Assert.Equal(value, standing.Latest!.Value);
    }

    [Fact]
    public void A_measurement_older_than_the_frequency_allows_is_overdue_but_still_says_whether_it_met_the_target()
    {
        // Monthly: measured 2026-05-14, due again by 2026-06-14, today is 2026-06-15.
        var overdue = ObjectiveStanding.Of(10, TargetDirection.AtMost, MeasurementFrequency.Monthly, [M(5, 14, 3)], Today);
        var onTime = ObjectiveStanding.Of(10, TargetDirection.AtMost, MeasurementFrequency.Monthly, [M(5, 15, 3)], Today);

        Assert.Equal(ObjectiveStatus.MeasurementOverdue, overdue.Status);
        Assert.True(overdue.LatestMet);
        Assert.Equal(new DateOnly(2026, 6, 14), overdue.NextDue);
        Assert.Equal(ObjectiveStatus.Met, onTime.Status);
    }

    [Fact]
    public void The_trend_reads_the_last_two_values_in_the_targets_direction_whatever_order_they_arrive_in()
    {
        Measurement[] rising = [M(6, 1, 80), M(3, 1, 70)];

        Assert.Equal(ObjectiveTrend.Improving, ObjectiveStanding.Of(90, TargetDirection.AtLeast, MeasurementFrequency.Quarterly, rising, Today).Trend);
        Assert.Equal(ObjectiveTrend.Worsening, ObjectiveStanding.Of(90, TargetDirection.AtMost, MeasurementFrequency.Quarterly, rising, Today).Trend);
        Assert.Equal(ObjectiveTrend.Steady, ObjectiveStanding.Of(90, TargetDirection.AtMost, MeasurementFrequency.Quarterly, [M(3, 1, 5), M(6, 1, 5)], Today).Trend);
        Assert.Equal(ObjectiveTrend.Unknown, ObjectiveStanding.Of(90, TargetDirection.AtMost, MeasurementFrequency.Quarterly, [M(6, 1, 5)], Today).Trend);
    }

    [Fact]
    public void A_measurement_dated_in_the_future_is_not_the_latest()
    {
        var standing = ObjectiveStanding.Of(90, TargetDirection.AtLeast, MeasurementFrequency.Yearly, [M(6, 1, 95), M(12, 1, 10)], Today);

        Assert.Equal(95, standing.Latest!.Value);
        Assert.Equal(ObjectiveStatus.Met, standing.Status);
    }
}
