using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Core.Tests.Statistics;

public class FunnelBaselineTests
{
    private static FunnelBaseline Percent(double centre, double tauSquared) =>
        new(Scoring.PercentPositive, centre, null, tauSquared, 1, TauSource.ZScores, 100);

    [Fact]
    public void Limits_WithoutOverdispersionAreTheBinomialLimits()
    {
        // 60 ± 1.959964·√(60·40/100) = 60 ± 9.601823
        var limits = Percent(60, 0).Limits(100, 0.95);

        limits.Lower.Should().BeApproximately(50.398177, 1e-5);
        limits.Upper.Should().BeApproximately(69.601823, 1e-5);
    }

    [Fact]
    public void Limits_AddTheBetweenOrganisationVarianceToTheChanceVariance()
    {
        // 60 ± 1.959964·√(24 + 9) = 60 ± 11.259136
        var limits = Percent(60, 9).Limits(100, 0.95);

        limits.Lower.Should().BeApproximately(48.740864, 1e-5);
        limits.Upper.Should().BeApproximately(71.259136, 1e-5);
    }

    [Fact]
    public void Limits_ForAMeanUseThePooledSpreadAndTauSquared()
    {
        // 8.8 ± 1.959964·√(1.4²/196 + 0.0025) = 8.8 ± 1.959964·√0.0125 = 8.8 ± 0.219131
        var baseline = new FunnelBaseline(Scoring.MeanOutOfTen, 8.8, 1.4, 0.0025, 1, TauSource.ZScores, 100);

        var limits = baseline.Limits(196, 0.95);

        limits.Lower.Should().BeApproximately(8.580869, 1e-5);
        limits.Upper.Should().BeApproximately(9.019131, 1e-5);
    }

    [Fact]
    public void SmallCountsGetExactBinomialLimits()
    {
        // n = 21 at 97 %: 0.63 expected other answers, so the normal approximation is poor. Binomial(21, 0.97):
        // the 2.5 % point interpolates to 18.0097/21 = 85.7604 %, the 97.5 % point to 99.7743 % (hand-computed
        // from the binomial probabilities); the normal limits would be 89.70 to 104.30.
        var baseline = Percent(97, 0);

        baseline.UsesExactBinomial(21).Should().BeTrue();
        var limits = baseline.Limits(21, 0.95);

        limits.Lower.Should().BeApproximately(85.760430, 1e-5);
        limits.Upper.Should().BeApproximately(99.774309, 1e-5);
    }

    [Fact]
    public void SmallCountsWithOverdispersionWidenTheExactLimitsByTheSameFactor()
    {
        // v = 97·3/21 = 13.857; √((13.857 + 4)/13.857) = 1.135192: 97 − 11.239570 × 1.135192 = 84.240936; the upper
        // 97 + 2.774309 × 1.135192 = 100.1494 is clamped to 100.
        var limits = Percent(97, 4).Limits(21, 0.95);

        limits.Lower.Should().BeApproximately(84.240936, 1e-5);
        limits.Upper.Should().Be(100);
    }

    [Fact]
    public void LargeCountsKeepTheNormalApproximation()
    {
        Percent(97, 0).UsesExactBinomial(334).Should().BeFalse();
        Percent(97, 0).UsesExactBinomial(333).Should().BeTrue();
        Percent(50, 0).UsesExactBinomial(21).Should().BeFalse();
    }

    [Fact]
    public void AdjustedPercentagesKeepTheNormalLimitsOfTheirPublishedRange()
    {
        // An adjusted percentage is a weighted estimate, not a count: 97 ± 1.959964·√(97·3/21) = 97 ± 7.2960, clamped.
        var baseline = Percent(97, 0) with { ScoresAreCounts = false };

        baseline.UsesExactBinomial(21).Should().BeFalse();
        baseline.Limits(21, 0.95).Lower.Should().BeApproximately(89.703998, 1e-5);
    }

    [Fact]
    public void UnroundedCentre_IsTheMidPointOfEnglandsPublishedInterval()
    {
        // England Q22 2018: published 60 with an interval of 59.9-60.9.
        FunnelBaseline.UnroundedCentre(60, 59.9, 60.9).Should().BeApproximately(60.4, 1e-12);
        FunnelBaseline.UnroundedCentre(60, null, null).Should().Be(60);
    }

    [Fact]
    public void Estimate_OnPublishedRangesTakesTheSurveysOwnAllowance()
    {
        var z = Normal.TwoSidedCriticalValue(0.95);
        FunnelPeer Peer(int n, double score)
        {
            var halfWidth = z * Math.Sqrt(60.0 * 40 / n + 9);
            return new FunnelPeer(n, score, ExpectedLower: 60 - halfWidth, ExpectedUpper: 60 + halfWidth);
        }

        var baseline = FunnelBaseline.Estimate(Scoring.PercentPositive, 60, [Peer(100, 55), Peer(400, 62), Peer(200, 61)], caseMixAdjusted: true);

        baseline!.Source.Should().Be(TauSource.PublishedRanges);
        baseline.TauSquared.Should().BeApproximately(9, 1e-9);
        baseline.Organisations.Should().Be(3);
    }

    [Fact]
    public void Estimate_WithoutPublishedRangesUsesTheZScores()
    {
        // centre 50, n = 100 each (SE 5): z = −4, −2, 2, 4 → τ² = 308.333… as in OverdispersionTests.
        FunnelPeer[] peers = [new(100, 30), new(100, 40), new(100, 60), new(100, 70)];

        var baseline = FunnelBaseline.Estimate(Scoring.PercentPositive, 50, peers, caseMixAdjusted: true);

        baseline!.Source.Should().Be(TauSource.ZScores);
        baseline.TauSquared.Should().BeApproximately(37 / 0.12, 1e-9);
        baseline.Phi.Should().BeApproximately(10, 1e-12);
    }

    [Fact]
    public void Estimate_ForAMeanPoolsTheOrganisationsIntervals()
    {
        // SD from each interval: 0.2/1.959964 × √100 = 1.020427 and 0.1/1.959964 × √400 = 1.020427; pooled the same.
        FunnelPeer[] peers = [new(100, 8.8, 8.6, 9.0), new(400, 8.8, 8.7, 8.9)];

        var baseline = FunnelBaseline.Estimate(Scoring.MeanOutOfTen, 8.8, peers, caseMixAdjusted: false);

        baseline!.StandardDeviation!.Value.Should().BeApproximately(1.020427, 1e-6);
        baseline.TauSquared.Should().Be(0);
    }

    [Fact]
    public void Estimate_DrawsNothingWithoutASpreadOrAtTheEndOfTheScale()
    {
        FunnelBaseline.Estimate(Scoring.MeanOutOfTen, 8.8, [new(100, 8.8), new(200, 8.7)], false).Should().BeNull();
        FunnelBaseline.Estimate(Scoring.PercentPositive, 100, [new(100, 100), new(200, 100)], false).Should().BeNull();
    }

    [Fact]
    public void Classify_CountsAScoreOnALimitAsWithin()
    {
        var baseline = Percent(60, 0);

        baseline.Classify(50.5, 100, 0.95).Should().Be(FunnelPosition.WithinLimits);
        baseline.Classify(50.3, 100, 0.95).Should().Be(FunnelPosition.BelowLowerLimit);
        baseline.Classify(69.7, 100, 0.95).Should().Be(FunnelPosition.AboveUpperLimit);
    }

    [Fact]
    public void Curve_RunsFromTheSmallestToTheLargestCount()
    {
        var curve = Percent(60, 9).Curve(21, 1000, 10, 0.998);

        curve[0].N.Should().Be(21);
        curve[^1].N.Should().Be(1000);
        curve.Should().BeInAscendingOrder(p => p.N);
    }
}
