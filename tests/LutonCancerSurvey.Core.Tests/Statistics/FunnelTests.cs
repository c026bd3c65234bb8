using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Core.Tests.Statistics;

public class FunnelTests
{
    [Fact]
    public void Limits_at_95_percent_use_z_1_959964()
    {
        // 56 ± 1.959964 · √(0.56·0.44/100) · 100 = 56 ± 9.729
        var limits = Funnel.Limits(56, 100, 0.95);

        limits.Lower.Should().BeApproximately(46.27, 0.005);
        limits.Upper.Should().BeApproximately(65.73, 0.005);
    }

    [Fact]
    public void Limits_at_99_8_percent_use_z_3_090232()
    {
        // 56 ± 3.090232 · √(0.56·0.44/100) · 100 = 56 ± 15.340
        var limits = Funnel.Limits(56, 100, 0.998);

        limits.Lower.Should().BeApproximately(40.66, 0.005);
        limits.Upper.Should().BeApproximately(71.34, 0.005);
    }

    [Fact]
    public void Limits_are_clamped_to_0_to_100()
    {
        var limits = Funnel.Limits(97, 21, 0.998);

        limits.Upper.Should().Be(100);
        limits.Lower.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Limits_validate_their_arguments_by_name()
    {
        FluentActions.Invoking(() => Funnel.Limits(-1, 100, 0.95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("nationalPercent");
        FluentActions.Invoking(() => Funnel.Limits(56, 0, 0.95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("n");
        FluentActions.Invoking(() => Funnel.Limits(56, 100, 95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("confidence");
    }

    [Fact]
    public void LimitsForMean_are_national_plus_or_minus_z_standard_errors_of_the_mean()
    {
        // 8.74 ± 1.959964 · 1.6 / √178 = 8.74 ± 0.235; at 99.8 %: 8.74 ± 0.371
        var limits95 = Funnel.LimitsForMean(8.74, 1.6, 178, 0.95);
        var limits998 = Funnel.LimitsForMean(8.74, 1.6, 178, 0.998);

        limits95.Lower.Should().BeApproximately(8.505, 0.0005);
        limits95.Upper.Should().BeApproximately(8.975, 0.0005);
        limits998.Lower.Should().BeApproximately(8.369, 0.0005);
    }

    [Fact]
    public void LimitsForMean_are_clamped_to_0_to_10()
    {
        // 9.5 + 1.959964 · 5 / √21 = 11.64 would pass 10
        var limits = Funnel.LimitsForMean(9.5, 5, 21, 0.95);

        limits.Upper.Should().Be(10);
    }

    [Fact]
    public void LimitsForMean_validate_their_arguments_by_name()
    {
        FluentActions.Invoking(() => Funnel.LimitsForMean(10.5, 1.6, 100, 0.95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("nationalMean");
        FluentActions.Invoking(() => Funnel.LimitsForMean(8.7, -1, 100, 0.95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("standardDeviation");
        FluentActions.Invoking(() => Funnel.LimitsForMean(8.7, 1.6, 0, 0.95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("n");
        FluentActions.Invoking(() => Funnel.LimitsForMean(8.7, 1.6, 100, 1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("confidence");
    }

    [Fact]
    public void Curve_spaces_points_evenly_on_a_log_scale_from_minN_to_maxN()
    {
        var curve = Funnel.Curve(56, 21, 1000, 5, 0.95);

        curve.Select(point => point.N).Should().Equal(21, 55, 145, 381, 1000);
    }

    [Fact]
    public void Curve_points_match_Limits_at_the_same_N()
    {
        foreach (var point in Funnel.Curve(56, 21, 5000, 40, 0.998))
        {
            var limits = Funnel.Limits(56, point.N, 0.998);
            point.Lower.Should().Be(limits.Lower);
            point.Upper.Should().Be(limits.Upper);
        }
    }

    [Fact]
    public void Curve_narrows_as_N_grows()
    {
        var curve = Funnel.Curve(56, 21, 5000, 50, 0.95);

        curve.Select(point => point.Upper - point.Lower).Should().BeInDescendingOrder();
    }

    [Fact]
    public void Curve_keeps_one_point_per_whole_number_of_respondents()
    {
        var curve = Funnel.Curve(56, 21, 30, 50, 0.95);

        curve.Select(point => point.N).Should().OnlyHaveUniqueItems().And.BeInAscendingOrder();
        curve[0].N.Should().Be(21);
        curve[^1].N.Should().Be(30);
        curve.Should().HaveCount(10);
    }

    [Fact]
    public void Curve_validates_its_arguments_by_name()
    {
        FluentActions.Invoking(() => Funnel.Curve(101, 21, 1000, 10, 0.95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("nationalPercent");
        FluentActions.Invoking(() => Funnel.Curve(56, 0, 1000, 10, 0.95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("minN");
        FluentActions.Invoking(() => Funnel.Curve(56, 21, 21, 10, 0.95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxN");
        FluentActions.Invoking(() => Funnel.Curve(56, 21, 1000, 1, 0.95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("points");
        FluentActions.Invoking(() => Funnel.Curve(56, 21, 1000, 10, 0))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("confidence");
    }

    [Fact]
    public void CurveForMean_points_match_LimitsForMean_at_the_same_N()
    {
        var curve = Funnel.CurveForMean(8.74, 1.6, 21, 1000, 5, 0.95);

        curve.Select(point => point.N).Should().Equal(21, 55, 145, 381, 1000);
        foreach (var point in curve)
        {
            var limits = Funnel.LimitsForMean(8.74, 1.6, point.N, 0.95);
            point.Lower.Should().Be(limits.Lower);
            point.Upper.Should().Be(limits.Upper);
        }
    }

    [Fact]
    public void CurveForMean_validates_its_arguments_by_name()
    {
        FluentActions.Invoking(() => Funnel.CurveForMean(11, 1.6, 21, 1000, 10, 0.95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("nationalMean");
        FluentActions.Invoking(() => Funnel.CurveForMean(8.7, double.NaN, 21, 1000, 10, 0.95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("standardDeviation");
        FluentActions.Invoking(() => Funnel.CurveForMean(8.7, 1.6, 100, 50, 10, 0.95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxN");
    }

    [Theory]
    [InlineData(65.8, FunnelPosition.AboveUpperLimit)]
    [InlineData(65.7, FunnelPosition.WithinLimits)]
    [InlineData(56, FunnelPosition.WithinLimits)]
    [InlineData(46.3, FunnelPosition.WithinLimits)]
    [InlineData(46.2, FunnelPosition.BelowLowerLimit)]
    public void Classify_places_a_percentage_against_the_95_percent_limits(double score, FunnelPosition expected)
    {
        // limits for 56 % at n = 100: 46.27 to 65.73
        Funnel.Classify(score, 100, 56, 0.95).Should().Be(expected);
    }

    [Fact]
    public void Classify_can_be_within_99_8_percent_limits_yet_outside_95_percent_limits()
    {
        Funnel.Classify(70, 100, 56, 0.95).Should().Be(FunnelPosition.AboveUpperLimit);
        Funnel.Classify(70, 100, 56, 0.998).Should().Be(FunnelPosition.WithinLimits);
    }

    [Fact]
    public void Classify_against_mean_limits_places_Luton_Q59()
    {
        // Luton 8.61 (178 respondents) against England 8.74
        var limits = Funnel.LimitsForMean(8.74, 1.6, 178, 0.95);

        Funnel.Classify(8.61, limits).Should().Be(FunnelPosition.WithinLimits);
        Funnel.Classify(8.4, limits).Should().Be(FunnelPosition.BelowLowerLimit);
    }

    [Fact]
    public void Classify_validates_its_arguments_by_name()
    {
        FluentActions.Invoking(() => Funnel.Classify(101, 100, 56, 0.95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("score");
        FluentActions.Invoking(() => Funnel.Classify(50, 0, 56, 0.95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("n");
        FluentActions.Invoking(() => Funnel.Classify(double.PositiveInfinity, new Interval(1, 2)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("score");
        FluentActions.Invoking(() => Funnel.Classify(1, new Interval(double.NaN, 2)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("limits");
    }
}
