using Harmonia.Domain.Gaps;

namespace Harmonia.Domain.Tests.Gaps;

public sealed class EffortModelTests
{
    [Theory]
    [InlineData(null, 1.0)]
    [InlineData(10, 0.6)]
    [InlineData(25, 0.6)]
    [InlineData(26, 0.8)]
    [InlineData(240, 1.0)]
    [InlineData(1500, 1.3)]
    [InlineData(20000, 1.6)]
    public void Size_factor_grows_with_headcount(int? employees, double expected) =>
        Assert.Equal(expected, EffortModel.SizeFactor(employees));

    [Fact]
    public void Duration_is_effort_over_capacity_plus_the_certification_lead()
    {
        var estimate = EffortModel.Estimate(48, 96, 240, 1.5);

        Assert.Equal(2.0, estimate.ImplementationMonths);
        Assert.Equal(EffortModel.CertificationLeadMonths, estimate.CertificationLeadMonths);
        Assert.Equal(0.5, estimate.RatioToBaseline);
    }

    [Fact]
    public void Nothing_left_needs_no_lead_time()
    {
        var estimate = EffortModel.Estimate(0, 50, 240, 1);

        Assert.Equal(0, estimate.TotalMonths);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Capacity_must_be_positive(double capacity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EffortModel.Estimate(10, 10, 10, capacity));
}
