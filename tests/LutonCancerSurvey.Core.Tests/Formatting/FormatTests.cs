using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Formatting;

namespace LutonCancerSurvey.Core.Tests.Formatting;

public sealed class FormatTests
{
    [Theory]
    [InlineData(9.2, 1, "9.2")]
    [InlineData(8.8, 2, "8.80")]
    [InlineData(8.74, 2, "8.74")]
    [InlineData(8.85, 2, "8.85")]
    public void Score_OnTheRating_KeepsThePublishedPlaces(double score, int decimals, string expected) =>
        Format.Score(score, decimals, Scoring.MeanOutOfTen).Should().Be(expected);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Rounded_ForEveryValueToFourPlacesWithinTen_AgreesWithRoundingItsExactDecimal(int places)
    {
        // Every value between -10 and 10 to four places, each also with binary noise either side: the quick path
        // taken away from a half must round exactly as the decimal a reader sees.
        var disagreements = new List<string>();
        for (var units = -100_000; units <= 100_000; units++)
        {
            var value = units / 10_000.0;
            foreach (var candidate in new[] { value, Math.BitIncrement(value), Math.BitDecrement(value) })
            {
                if (Format.Rounded(candidate, places) != Format.RoundedExactly(candidate, places))
                {
                    disagreements.Add(candidate.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        disagreements.Should().BeEmpty();
    }

    [Fact]
    public void Rounded_ForHalvesOfLargeAndManyPlacedValues_AgreesWithRoundingItsExactDecimal()
    {
        // Values whose next decimal is exactly 5, far beyond any survey figure, where a double's own step is close to
        // the margin the quick path leaves around a half: among them 561496005.425 to 2 places, once wrongly 561496005.42.
        var random = new Random(20261203);
        var disagreements = new List<string>();
        for (var i = 0; i < 200_000; i++)
        {
            var places = random.Next(0, 16);
            var digits = random.Next(1, 12);
            var whole = random.NextInt64(0, (long)Math.Pow(10, digits));
            var value = (whole + 0.5) / Math.Pow(10, places) * (random.Next(2) == 0 ? 1 : -1);
            if (Format.Rounded(value, places) != Format.RoundedExactly(value, places))
            {
                disagreements.Add($"{value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} to {places}");
            }
        }

        Format.Rounded(561496005.425, 2).Should().Be(561496005.43m);
        disagreements.Should().BeEmpty();
    }

    [Fact]
    public void Number_ANegativeValueThatRoundsToZero_ReadsAsZero() => Format.Number(-0.04, 1).Should().Be("0.0");

    [Fact]
    public void Score_WithoutRecordedPlaces_UsesTheScalesUsualOnes()
    {
        Format.Score(8.8, null, Scoring.MeanOutOfTen).Should().Be("8.80");
        Format.Score(56, null, Scoring.PercentPositive).Should().Be("56%");
    }

    [Fact]
    public void Score_PercentageWithBinaryNoise_IsTheWholeNumber() =>
        Format.Score(56.00000000000001, 0, Scoring.PercentPositive).Should().Be("56%");

    [Theory]
    [InlineData(8.85, 1, "8.9")]
    [InlineData(8.75, 1, "8.8")]
    [InlineData(2.675, 2, "2.68")]
    [InlineData(64.5, 0, "65")]
    [InlineData(65.5, 0, "66")]
    [InlineData(-0.04, 1, "0.0")]
    [InlineData(1234.5, 1, "1234.5")]
    public void Number_RoundsHalfAwayFromZeroOnTheDecimalFigure(double value, int decimals, string expected) =>
        Format.Number(value, decimals).Should().Be(expected);

    [Theory]
    [InlineData(6.0, 0, "+6 points")]
    [InlineData(1.0, 0, "+1 point")]
    [InlineData(-1.0, 0, "−1 point")]
    [InlineData(0.4, 0, "0 points")]
    [InlineData(-0.4, 0, "0 points")]
    [InlineData(1.5, 1, "+1.5 points")]
    [InlineData(0.96, 0, "+1 point")]
    public void Difference_InPercentagePoints_CountsPointsAsWritten(double difference, int decimals, string expected) =>
        Format.Difference(difference, decimals, Scoring.PercentPositive).Should().Be(expected);

    [Fact]
    public void Difference_OnTheRating_IsSignedWithoutAUnit()
    {
        Format.Difference(8.85 - 8.8, 2, Scoring.MeanOutOfTen).Should().Be("+0.05");
        Format.Difference(8.6 - 8.8, 2, Scoring.MeanOutOfTen).Should().Be("−0.20");
        Format.Difference(0, 2, Scoring.MeanOutOfTen).Should().Be("0.00");
    }

    [Theory]
    [InlineData(0, "0 questions")]
    [InlineData(1, "1 question")]
    [InlineData(2, "2 questions")]
    [InlineData(1234, "1,234 questions")]
    public void Count_UsesTheSingularForExactlyOne(int count, string expected) =>
        Format.Count(count, "question", "questions").Should().Be(expected);

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(31, "31st")]
    [InlineData(102, "102nd")]
    [InlineData(111, "111th")]
    [InlineData(1001, "1,001st")]
    public void Ordinal_FollowsEnglishSuffixes(int number, string expected) =>
        Format.Ordinal(number).Should().Be(expected);

    [Fact]
    public void Range_WritesIntervalEndsToOnePlaceForPercentagesAndTwoForTheRating()
    {
        Format.Range(54.6, 68, Scoring.PercentPositive).Should().Be("54.6 to 68.0");
        Format.Range(8.74, 8.96, Scoring.MeanOutOfTen).Should().Be("8.74 to 8.96");
    }

    [Fact]
    public void Range_WithWholeNumberEnds_KeepsThePublishedWholeNumbers()
    {
        // CCG and Alliance ranges are published as whole numbers, with binary noise in the file.
        Format.Range(56.00000000000001, 72, Scoring.PercentPositive).Should().Be("56 to 72");
        Format.Range(8, 9, Scoring.MeanOutOfTen).Should().Be("8 to 9");
        Format.Range(8.7, 9, Scoring.MeanOutOfTen).Should().Be("8.7 to 9.0");
        Format.Range(61.3456, 70.8123, Scoring.PercentPositive).Should().Be("61.3 to 70.8");
    }

    [Fact]
    public void Bound_WithAWholeNumber_WritesNoDecimalPlaces()
    {
        Format.Bound(64.00000000000001, Scoring.PercentPositive).Should().Be("64");
        Format.Bound(63.456, Scoring.PercentPositive).Should().Be("63.5");
    }
}
