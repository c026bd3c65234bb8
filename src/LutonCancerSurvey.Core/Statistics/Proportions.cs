using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Statistics;

/// <summary>
/// Intervals and tests for percentage-positive scores (Q1-Q58), which are proportions of respondents; all inputs and
/// outputs are percentages (0-100) because that is how the survey publishes them.
/// </summary>
public static class Proportions
{
    /// <summary>
    /// The Wilson score interval around <paramref name="percent"/> of <paramref name="n"/> respondents, in percent.
    /// Chosen over the simple normal interval because it stays inside 0-100 and keeps its coverage at 0 %, 100 % and small n.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="percent"/> is outside 0-100, <paramref name="n"/> is not positive, or
    /// <paramref name="confidence"/> is not strictly between 0 and 1.
    /// </exception>
    public static Interval WilsonInterval(double percent, int n, double confidence = 0.95)
    {
        Guard.Percent(percent, nameof(percent));
        Guard.Positive(n, nameof(n));
        Guard.OpenUnit(confidence, nameof(confidence));

        var z = Normal.TwoSidedCriticalValue(confidence);
        var p = percent / 100;
        var z2OverN = z * z / n;
        var denominator = 1 + z2OverN;
        var centre = (p + z2OverN / 2) / denominator;
        var halfWidth = z / denominator * Math.Sqrt(p * (1 - p) / n + z2OverN / (4 * n));

        // At 0 % and 100 % the matching bound is exactly 0 or 100; set it so rounding cannot show 99.99999.
        var lower = p == 0 ? 0 : Math.Clamp((centre - halfWidth) * 100, 0, 100);
        var upper = p == 1 ? 100 : Math.Clamp((centre + halfWidth) * 100, 0, 100);
        return new Interval(lower, upper);
    }

    /// <summary>
    /// Tests whether <paramref name="percent1"/> of <paramref name="n1"/> differs from <paramref name="percent2"/> of
    /// <paramref name="n2"/> (e.g. this year against last year, or an area against England), with the pooled standard
    /// error because the null hypothesis is that both come from one proportion. A positive Z means the first is higher.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A percentage is outside 0-100 or a count is not positive.</exception>
    public static TwoProportionTest TwoProportionZTest(double percent1, int n1, double percent2, int n2)
    {
        Guard.Percent(percent1, nameof(percent1));
        Guard.Positive(n1, nameof(n1));
        Guard.Percent(percent2, nameof(percent2));
        Guard.Positive(n2, nameof(n2));

        var p1 = percent1 / 100;
        var p2 = percent2 / 100;
        var pooled = (p1 * n1 + p2 * n2) / ((double)n1 + n2);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));

        // Both 0 % or both 100 %: no variation at all, so no evidence of a difference.
        if (standardError == 0)
        {
            return new TwoProportionTest(0, 1);
        }

        var z = (p1 - p2) / standardError;
        return new TwoProportionTest(z, Math.Min(1, 2 * Normal.Cdf(-Math.Abs(z))));
    }
}

/// <summary>The result of a two-proportion z-test: the statistic (positive when the first proportion is higher) and its two-sided p-value.</summary>
public readonly record struct TwoProportionTest(double Z, double PValue)
{
    /// <summary>
    /// Up or Down when the difference is significant at <paramref name="significanceLevel"/> (e.g. 0.05, or 0.01 to come
    /// closer to the published change flags), otherwise Unchanged; the caller states the level next to the result.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="significanceLevel"/> is not strictly between 0 and 1.</exception>
    public ChangeDirection Direction(double significanceLevel)
    {
        Guard.OpenUnit(significanceLevel, nameof(significanceLevel));

        if (PValue >= significanceLevel)
        {
            return ChangeDirection.Unchanged;
        }

        return Z > 0 ? ChangeDirection.Up : ChangeDirection.Down;
    }
}
