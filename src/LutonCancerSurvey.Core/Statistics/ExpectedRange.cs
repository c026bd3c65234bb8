using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Statistics;

/// <summary>
/// The range a case-mix adjusted score is expected to fall in if the organisation were like England, used to rate it
/// better than expected, as expected or worse than expected (the published performance rating 1 / 2 / 3).
/// </summary>
public static class ExpectedRange
{
    /// <summary>
    /// The national percentage ± <paramref name="multiplier"/> standard errors for <paramref name="n"/> respondents
    /// (about ±2, as published), in percent and clamped to 0-100; approximates the published range where none is given.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="nationalPercent"/> is outside 0-100, <paramref name="n"/> is not positive, or
    /// <paramref name="multiplier"/> is not a positive finite number.
    /// </exception>
    public static Interval ForPercent(double nationalPercent, int n, double multiplier = 1.96)
    {
        Guard.Percent(nationalPercent, nameof(nationalPercent));
        Guard.Positive(n, nameof(n));
        Guard.Positive(multiplier, nameof(multiplier));

        return PercentAround(nationalPercent, n, multiplier);
    }

    /// <summary>
    /// Above, Within or Below the expected range; a score on a bound counts as within, so only a clear difference is
    /// called better or worse than expected. Higher scores are better for every scored question.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="score"/> is not finite, or <paramref name="range"/> is not finite or has Lower above Upper.
    /// </exception>
    public static Band Classify(double score, Interval range)
    {
        Guard.Finite(score, nameof(score));
        Guard.Range(range, nameof(range));

        return score > range.Upper ? Band.Above
            : score < range.Lower ? Band.Below
            : Band.Within;
    }

    /// <summary>p ± multiplier·√(p(1−p)/n), in percent, clamped to 0-100.</summary>
    internal static Interval PercentAround(double percent, int n, double multiplier)
    {
        var p = percent / 100;
        var halfWidth = multiplier * Math.Sqrt(p * (1 - p) / n) * 100;
        return new Interval(Math.Max(0, percent - halfWidth), Math.Min(100, percent + halfWidth));
    }
}
