using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Core.Tests.Statistics;

public class NormalTests
{
    [Theory]
    [InlineData(0.975, 1.959964)]
    [InlineData(0.999, 3.090232)]
    [InlineData(0.995, 2.575829)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.01, -2.326348)] // lower tail region of the approximation
    [InlineData(1e-6, -4.753424)]
    public void Quantile_MatchesPublishedNormalTables(double p, double expected)
    {
        Normal.Quantile(p).Should().BeApproximately(expected, 5e-7);
    }

    [Fact]
    public void Quantile_IsAccurateTo1e9AgainstHighPrecisionValues()
    {
        Normal.Quantile(0.975).Should().BeApproximately(1.959963984540054, 1e-9);
        Normal.Quantile(0.999).Should().BeApproximately(3.090232306167813, 1e-9);
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(0.02)]
    [InlineData(0.3)]
    [InlineData(0.45)]
    public void Quantile_IsSymmetric(double p)
    {
        Normal.Quantile(p).Should().BeApproximately(-Normal.Quantile(1 - p), 1e-12);
    }

    [Theory]
    [InlineData(1e-10)]
    [InlineData(0.0001)]
    [InlineData(0.02425)]
    [InlineData(0.2)]
    [InlineData(0.8)]
    [InlineData(0.999)]
    public void Quantile_InvertsCdf(double p)
    {
        Normal.Cdf(Normal.Quantile(p)).Should().BeApproximately(p, p * 1e-9);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Quantile_RejectsProbabilitiesOutsideTheOpenUnitInterval(double probability)
    {
        var act = () => Normal.Quantile(probability);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("p");
    }

    [Theory]
    [InlineData(1.96, 0.975002)]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.841345)]
    [InlineData(-1.0, 0.158655)]
    [InlineData(3.0, 0.998650)]
    public void Cdf_MatchesPublishedNormalTables(double z, double expected)
    {
        Normal.Cdf(z).Should().BeApproximately(expected, 5e-7);
    }

    [Fact]
    public void Cdf_KeepsRelativeAccuracyFarIntoTheLowerTail()
    {
        // Φ(−6) = 9.865876450377e-10, Φ(−10) = 7.619853024160e-24
        Normal.Cdf(-6).Should().BeApproximately(9.865876450377e-10, 1e-20);
        Normal.Cdf(-10).Should().BeApproximately(7.619853024160e-24, 1e-33);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.96)]
    [InlineData(2.5)]
    [InlineData(4.2)]
    public void Cdf_IsSymmetric(double z)
    {
        (Normal.Cdf(z) + Normal.Cdf(-z)).Should().BeApproximately(1, 1e-14);
    }

    [Fact]
    public void Cdf_HandlesInfinities()
    {
        Normal.Cdf(double.PositiveInfinity).Should().Be(1);
        Normal.Cdf(double.NegativeInfinity).Should().Be(0);
    }

    [Fact]
    public void Cdf_RejectsNaN()
    {
        var act = () => Normal.Cdf(double.NaN);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("z");
    }

    [Theory]
    [InlineData(0.95, 1.959964)]
    [InlineData(0.998, 3.090232)]
    [InlineData(0.99, 2.575829)]
    public void TwoSidedCriticalValue_TurnsAConfidenceLevelIntoAMultiplier(double confidence, double expected)
    {
        Normal.TwoSidedCriticalValue(confidence).Should().BeApproximately(expected, 5e-7);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(95.0)]
    public void TwoSidedCriticalValue_RejectsLevelsOutside0To1(double level)
    {
        var act = () => Normal.TwoSidedCriticalValue(level);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("confidence");
    }
}
