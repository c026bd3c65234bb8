using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Core.Tests.Statistics;

public class MeansTests
{
    [Fact]
    public void StandardErrorFromInterval_IsTheHalfWidthOverZ()
    {
        // (9.0 − 8.6)/2/1.959964 = 0.102043
        Means.StandardErrorFromInterval(8.6, 9.0)!.Value.Should().BeApproximately(0.102043, 5e-7);
    }

    [Fact]
    public void StandardDeviationFromInterval_ScalesTheStandardErrorByRootN()
    {
        // 0.102043 × √100 = 1.02043
        Means.StandardDeviationFromInterval(8.6, 9.0, 100)!.Value.Should().BeApproximately(1.02043, 5e-6);
    }

    [Fact]
    public void AnEmptyIntervalCarriesNoSpread()
    {
        Means.StandardErrorFromInterval(8.8, 8.8).Should().BeNull();
        Means.StandardDeviationFromInterval(9, 8.8, 50).Should().BeNull();
    }

    [Fact]
    public void PooledStandardDeviation_WeightsEachVarianceByItsDegreesOfFreedom()
    {
        // (10 × 1² + 20 × 2²)/30 = 3 → √3
        Means.PooledStandardDeviation([(1.0, 11), (2.0, 21)])!.Value.Should().BeApproximately(Math.Sqrt(3), 1e-12);
    }

    [Fact]
    public void PooledStandardDeviation_IsNullWithoutAnyDegreesOfFreedom()
    {
        Means.PooledStandardDeviation([(1.0, 1)]).Should().BeNull();
        Means.PooledStandardDeviation([]).Should().BeNull();
    }
}
