using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Core.Tests.Statistics;

public class ExpectedRangeTests
{
    [Fact]
    public void ForPercent_is_national_plus_or_minus_1_96_standard_errors()
    {
        // 56 ± 1.96 · √(0.56·0.44/122) · 100 = 56 ± 8.81
        var range = ExpectedRange.ForPercent(56, 122);

        range.Lower.Should().BeApproximately(47.19, 0.005);
        range.Upper.Should().BeApproximately(64.81, 0.005);
    }

    [Fact]
    public void ForPercent_uses_the_stated_multiplier()
    {
        var range = ExpectedRange.ForPercent(56, 122, multiplier: 1);

        range.Lower.Should().BeApproximately(56 - 4.494, 0.001);
        range.Upper.Should().BeApproximately(56 + 4.494, 0.001);
    }

    [Fact]
    public void ForPercent_is_clamped_to_0_to_100()
    {
        // 98 ± 1.96 · √(0.98·0.02/21) · 100 = 98 ± 5.99, which would pass 100
        var range = ExpectedRange.ForPercent(98, 21);

        range.Upper.Should().Be(100);
        range.Lower.Should().BeApproximately(92.01, 0.005);
    }

    [Fact]
    public void ForPercent_narrows_as_respondents_increase()
    {
        var small = ExpectedRange.ForPercent(56, 50);
        var large = ExpectedRange.ForPercent(56, 500);

        (large.Upper - large.Lower).Should().BeLessThan(small.Upper - small.Lower);
    }

    [Fact]
    public void ForPercent_validates_its_arguments_by_name()
    {
        FluentActions.Invoking(() => ExpectedRange.ForPercent(120, 100))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("nationalPercent");
        FluentActions.Invoking(() => ExpectedRange.ForPercent(56, 0))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("n");
        FluentActions.Invoking(() => ExpectedRange.ForPercent(56, 100, 0))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("multiplier");
        FluentActions.Invoking(() => ExpectedRange.ForPercent(56, 100, double.PositiveInfinity))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("multiplier");
    }

    [Fact]
    public void Luton_financial_help_is_above_the_expected_range()
    {
        var range = ExpectedRange.ForPercent(56, 122);

        ExpectedRange.Classify(70, range).Should().Be(Band.Above);
    }

    [Theory]
    [InlineData(70.1, Band.Above)]
    [InlineData(60, Band.Within)]
    [InlineData(49.9, Band.Below)]
    public void Classify_places_a_score_against_the_range(double score, Band expected)
    {
        var range = new Interval(50, 70);

        ExpectedRange.Classify(score, range).Should().Be(expected);
    }

    [Fact]
    public void Classify_counts_a_score_on_either_bound_as_within()
    {
        var range = new Interval(47.19, 64.81);

        ExpectedRange.Classify(47.19, range).Should().Be(Band.Within);
        ExpectedRange.Classify(64.81, range).Should().Be(Band.Within);
        ExpectedRange.Classify(64.82, range).Should().Be(Band.Above);
        ExpectedRange.Classify(47.18, range).Should().Be(Band.Below);
    }

    [Fact]
    public void Classify_validates_its_arguments_by_name()
    {
        FluentActions.Invoking(() => ExpectedRange.Classify(double.NaN, new Interval(1, 2)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("score");
        FluentActions.Invoking(() => ExpectedRange.Classify(1.5, new Interval(2, 1)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("range");
    }
}
