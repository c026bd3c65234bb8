using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Core.Tests.Statistics;

public class MeansTests
{
    [Fact]
    public void StandardErrorFromInterval_is_the_half_width_over_z()
    {
        // (9.0 − 8.6)/2/1.959964 = 0.102043
        Means.StandardErrorFromInterval(8.6, 9.0)!.Value.Should().BeApproximately(0.102043, 5e-7);
    }

    [Fact]
    public void StandardDeviationFromInterval_scales_the_standard_error_by_root_n()
    {
        // 0.102043 × √100 = 1.02043
        Means.StandardDeviationFromInterval(8.6, 9.0, 100)!.Value.Should().BeApproximately(1.02043, 5e-6);
    }

    [Fact]
    public void An_empty_interval_carries_no_spread()
    {
        Means.StandardErrorFromInterval(8.8, 8.8).Should().BeNull();
        Means.StandardDeviationFromInterval(9, 8.8, 50).Should().BeNull();
    }

    [Fact]
    public void PooledStandardDeviation_weights_each_variance_by_its_degrees_of_freedom()
    {
        // (10 × 1² + 20 × 2²)/30 = 3 → √3
        Means.PooledStandardDeviation([(1.0, 11), (2.0, 21)])!.Value.Should().BeApproximately(Math.Sqrt(3), 1e-12);
    }

    [Fact]
    public void PooledStandardDeviation_is_null_without_any_degrees_of_freedom()
    {
        Means.PooledStandardDeviation([(1.0, 1)]).Should().BeNull();
        Means.PooledStandardDeviation([]).Should().BeNull();
    }
}
