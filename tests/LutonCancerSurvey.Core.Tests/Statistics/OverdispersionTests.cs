using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Core.Tests.Statistics;

public class OverdispersionTests
{
    [Fact]
    public void FromZScores_GivesZeroWhenTheSpreadIsNoMoreThanChance()
    {
        // centre 50, SE 5 each: z = 0, 0.4, −0.4, 0 → φ = 0.32/4 = 0.08; Iφ = 0.32 ≤ I − 1 = 3, so τ² = 0.
        var estimate = Overdispersion.FromZScores([(50, 5), (52, 5), (48, 5), (50, 5)], centre: 50);

        estimate.TauSquared.Should().Be(0);
        estimate.Phi.Should().BeApproximately(0.08, 1e-12);
        estimate.Organisations.Should().Be(4);
    }

    [Fact]
    public void FromZScores_EstimatesTheExcessSpreadWhenOverdispersed()
    {
        // z = −4, −2, 2, 4 (fewer than 10 values, so nothing is winsorised): φ = 40/4 = 10.
        // wᵢ = 1/25 = 0.04: Σw = 0.16, Σw²/Σw = 0.04 → τ² = (40 − 3)/(0.16 − 0.04) = 308.333…
        var estimate = Overdispersion.FromZScores([(30, 5), (40, 5), (60, 5), (70, 5)], centre: 50);

        estimate.Phi.Should().BeApproximately(10, 1e-12);
        estimate.TauSquared.Should().BeApproximately(37 / 0.12, 1e-9);
    }

    [Fact]
    public void FromZScores_WinsorisesTheExtremeTenthAtEachEnd()
    {
        // z = −10, −2, −1, −1, 0, 0, 1, 1, 2, 10 → winsorised at 10 %: ±10 become ±2, Σz² = 20, φ = 2.
        // Σw = 10 × 0.04 = 0.4, Σw²/Σw = 0.04 → τ² = (20 − 9)/(0.4 − 0.04) = 30.555…
        double[] z = [-10, -2, -1, -1, 0, 0, 1, 1, 2, 10];
        var organisations = z.Select(v => (50 + 5 * v, 5.0)).ToList();

        var estimate = Overdispersion.FromZScores(organisations, centre: 50);

        estimate.Phi.Should().BeApproximately(2, 1e-12);
        estimate.TauSquared.Should().BeApproximately(11 / 0.36, 1e-9);
    }

    [Fact]
    public void Winsorise_PullsInTheExtremesToTheNearestValueKept()
    {
        var result = Overdispersion.Winsorise([5, -7, 1, 2, 3, 4, 0, 9, -1, 30], 0.1);

        result.Should().Equal(-1, -1, 0, 1, 2, 3, 4, 5, 9, 9);
    }

    [Fact]
    public void FromPublishedRanges_RecoversTheVarianceTheRangesWereBuiltWith()
    {
        // centre 60, τ² = 9: n = 100 gives v = 24 and half-width 1.959964·√33; n = 400 gives v = 6 and 1.959964·√15.
        var z = Normal.TwoSidedCriticalValue(0.95);
        var ranges = new List<(Interval, double)>
        {
            (new Interval(60 - z * Math.Sqrt(33), 60 + z * Math.Sqrt(33)), 24),
            (new Interval(60 - z * Math.Sqrt(15), 60 + z * Math.Sqrt(15)), 6),
            (new Interval(60 - z * Math.Sqrt(15), 60 + z * Math.Sqrt(15)), 6),
        };

        Overdispersion.FromPublishedRanges(ranges).Should().BeApproximately(9, 1e-9);
    }

    [Fact]
    public void FromPublishedRanges_IsNeverBelowZero()
    {
        // Ranges narrower than chance alone (rounding can do this) mean no allowance, not a negative variance.
        var ranges = new List<(Interval, double)> { (new Interval(55, 65), 100), (new Interval(56, 64), 100) };

        Overdispersion.FromPublishedRanges(ranges).Should().Be(0);
    }

    [Fact]
    public void FromZScores_NeedsTwoOrganisationsAndPositiveErrors()
    {
        FluentActions.Invoking(() => Overdispersion.FromZScores([(50, 5)], 50))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("organisations");
        FluentActions.Invoking(() => Overdispersion.FromZScores([(50, 5), (50, 0)], 50))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("organisations");
        FluentActions.Invoking(() => Overdispersion.FromZScores([(50, 5), (50, 5)], 50, 0.5))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("winsorisation");
    }
}
