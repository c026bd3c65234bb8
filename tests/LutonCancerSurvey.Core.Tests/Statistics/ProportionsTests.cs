using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Core.Tests.Statistics;

public class ProportionsTests
{
    [Fact]
    public void TwoProportionZTest_LutonFinancialHelpAgainstEnglandIsSignificantlyHigher()
    {
        // pooled p = (0.70·122 + 0.56·70000) / 70122 = 0.560244; SE = √(p(1−p)(1/122 + 1/70000)) = 0.044977;
        // z = 0.14 / 0.044977 = 3.113; two-sided p = 0.00185.
        var test = Proportions.TwoProportionZTest(70, 122, 56, 70_000);

        test.Z.Should().BeApproximately(3.113, 0.0005);
        test.PValue.Should().BeApproximately(0.00185, 0.00001);
        test.Direction(0.05).Should().Be(ChangeDirection.Up);
        test.Direction(0.01).Should().Be(ChangeDirection.Up);
        test.Direction(0.001).Should().Be(ChangeDirection.Unchanged);
    }

    [Fact]
    public void TwoProportionZTest_IsAntisymmetricInItsArguments()
    {
        var forward = Proportions.TwoProportionZTest(70, 122, 56, 70_000);
        var backward = Proportions.TwoProportionZTest(56, 70_000, 70, 122);

        backward.Z.Should().BeApproximately(-forward.Z, 1e-12);
        backward.PValue.Should().BeApproximately(forward.PValue, 1e-12);
        backward.Direction(0.05).Should().Be(ChangeDirection.Down);
    }

    [Fact]
    public void TwoProportionZTest_SmallDifferenceIsUnchanged()
    {
        // pooled p = (120 + 115.5) / 410 = 0.574390; SE = √(p(1−p)(1/200 + 1/210)) = 0.048851; z = 0.05 / 0.048851 = 1.0235
        var test = Proportions.TwoProportionZTest(60, 200, 55, 210);

        test.Z.Should().BeApproximately(1.0235, 0.0005);
        test.PValue.Should().BeApproximately(0.3061, 0.0005);
        test.Direction(0.05).Should().Be(ChangeDirection.Unchanged);
    }

    [Theory]
    [InlineData(56)]
    [InlineData(0)]
    [InlineData(100)]
    public void TwoProportionZTest_EqualProportionsGiveZ0AndP1(double percent)
    {
        var test = Proportions.TwoProportionZTest(percent, 150, percent, 3_000);

        test.Z.Should().Be(0);
        test.PValue.Should().BeApproximately(1, 1e-12);
        test.Direction(0.05).Should().Be(ChangeDirection.Unchanged);
    }

    [Fact]
    public void TwoProportionZTest_ValidatesEachArgumentByName()
    {
        FluentActions.Invoking(() => Proportions.TwoProportionZTest(101, 10, 50, 10))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("percent1");
        FluentActions.Invoking(() => Proportions.TwoProportionZTest(50, 0, 50, 10))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("n1");
        FluentActions.Invoking(() => Proportions.TwoProportionZTest(50, 10, -1, 10))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("percent2");
        FluentActions.Invoking(() => Proportions.TwoProportionZTest(50, 10, 50, 0))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("n2");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(5.0)]
    public void Direction_RejectsLevelsOutside0To1(double level)
    {
        var test = Proportions.TwoProportionZTest(70, 122, 56, 70_000);

        FluentActions.Invoking(() => test.Direction(level))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("significanceLevel");
    }
}

public class ProportionsRoundingTests
{
    [Fact]
    public void AVerdictThatHalfAPointOfRoundingCouldFlipIsBorderline()
    {
        // 60 % vs 54 % of 400 each: p = 0.087, but 60.5 vs 53.5 gives p = 0.046 — significant at 5 %.
        Proportions.RoundingCouldFlip(60, 400, 54, 400, 0.05).Should().BeTrue();
    }

    [Fact]
    public void AVerdictThatSurvivesRoundingIsNotBorderline()
    {
        // 60 % vs 50 %: p = 0.0045, and 0.0106 at the nearest corner; 60 % vs 59 %: p = 0.77, 0.56 at the farthest.
        Proportions.RoundingCouldFlip(60, 400, 50, 400, 0.05).Should().BeFalse();
        Proportions.RoundingCouldFlip(60, 400, 59, 400, 0.05).Should().BeFalse();
    }

    [Fact]
    public void OneSampleZTest_MeasuresAgainstAFixedReference()
    {
        // (0.55 − 0.5)/√(0.25/100) = 1.0
        var test = Proportions.OneSampleZTest(55, 100, 50);

        test.Z.Should().BeApproximately(1.0, 1e-12);
        test.PValue.Should().BeApproximately(0.317311, 1e-6);
    }

    [Fact]
    public void ZTestAgainstFixed_UsesTheGivenStandardError()
    {
        var test = Proportions.ZTestAgainstFixed(8.6, 8.8, 0.1);

        test.Z.Should().BeApproximately(-2.0, 1e-12);
        test.PValue.Should().BeApproximately(0.045500, 1e-6);
    }
}
