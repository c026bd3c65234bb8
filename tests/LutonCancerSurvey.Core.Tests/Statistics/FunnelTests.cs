using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Core.Tests.Statistics;

public class FunnelTests
{
    // England 56 % with no overdispersion: the binomial limits, 46.27 to 65.73 at n = 100 and 95 %.
    private static readonly FunnelBaseline England56 =
        new(Scoring.PercentPositive, 56, null, 0, 1, TauSource.ZScores, 100);

    [Theory]
    [InlineData(65.8, FunnelPosition.AboveUpperLimit)]
    [InlineData(65.7, FunnelPosition.WithinLimits)]
    [InlineData(56, FunnelPosition.WithinLimits)]
    [InlineData(46.3, FunnelPosition.WithinLimits)]
    [InlineData(46.2, FunnelPosition.BelowLowerLimit)]
    public void Classify_PlacesAScoreAgainstTheLimits(double score, FunnelPosition expected)
    {
        Funnel.Classify(score, England56.Limits(100, 0.95)).Should().Be(expected);
    }

    [Fact]
    public void Classify_CountsAScoreOnALimitAsWithin()
    {
        var limits = new Interval(46.27, 65.73);

        Funnel.Classify(46.27, limits).Should().Be(FunnelPosition.WithinLimits);
        Funnel.Classify(65.73, limits).Should().Be(FunnelPosition.WithinLimits);
    }

    [Fact]
    public void Classify_ValidatesItsArgumentsByName()
    {
        FluentActions.Invoking(() => Funnel.Classify(double.PositiveInfinity, new Interval(1, 2)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("score");
        FluentActions.Invoking(() => Funnel.Classify(1, new Interval(double.NaN, 2)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("limits");
    }

    [Fact]
    public void Curve_SpacesPointsEvenlyOnALogScaleFromMinNToMaxN()
    {
        var curve = England56.Curve(21, 1000, 5, 0.95);

        curve.Select(point => point.N).Should().Equal(21, 55, 145, 381, 1000);
    }

    [Fact]
    public void Curve_PointsMatchTheLimitsAtTheSameN()
    {
        foreach (var point in England56.Curve(21, 5000, 40, 0.998))
        {
            var limits = England56.Limits(point.N, 0.998);
            point.Lower.Should().Be(limits.Lower);
            point.Upper.Should().Be(limits.Upper);
        }
    }

    [Fact]
    public void Curve_KeepsOnePointPerWholeNumberOfRespondents()
    {
        var curve = England56.Curve(21, 30, 50, 0.95);

        curve.Select(point => point.N).Should().OnlyHaveUniqueItems().And.BeInAscendingOrder();
        curve[0].N.Should().Be(21);
        curve[^1].N.Should().Be(30);
        curve.Should().HaveCount(10);
    }

    [Fact]
    public void Curve_ValidatesItsArgumentsByName()
    {
        FluentActions.Invoking(() => England56.Curve(0, 1000, 10, 0.95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("minN");
        FluentActions.Invoking(() => England56.Curve(21, 21, 10, 0.95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxN");
        FluentActions.Invoking(() => England56.Curve(21, 1000, 1, 0.95))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("points");
        FluentActions.Invoking(() => England56.Curve(21, 1000, 10, 0))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("confidence");
    }
}
