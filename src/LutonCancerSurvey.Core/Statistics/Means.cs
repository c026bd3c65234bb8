namespace LutonCancerSurvey.Core.Statistics;

/// <summary>
/// Spreads of mean scores out of ten (Q59). The survey publishes no standard deviation, only a 95 % confidence
/// interval and the respondents, so the spread is recovered from those: half-width = z·SD/√n.
/// </summary>
public static class Means
{
    /// <summary>
    /// The standard error of a score recovered from its published two-sided interval at <paramref name="confidence"/>:
    /// half-width / z. Null when the interval is empty or reversed, which carries no spread.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A bound is not finite, or <paramref name="confidence"/> is not strictly between 0 and 1.
    /// </exception>
    public static double? StandardErrorFromInterval(double lower, double upper, double confidence = 0.95)
    {
        Guard.Finite(lower, nameof(lower));
        Guard.Finite(upper, nameof(upper));
        Guard.OpenUnit(confidence, nameof(confidence));

        return upper > lower ? (upper - lower) / 2 / Normal.TwoSidedCriticalValue(confidence) : null;
    }

    /// <summary>
    /// The standard deviation of individual answers recovered from a published interval and its respondents:
    /// standard error × √n. Null when the interval carries no spread.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A bound is not finite, <paramref name="n"/> is not positive, or <paramref name="confidence"/> is not strictly
    /// between 0 and 1.
    /// </exception>
    public static double? StandardDeviationFromInterval(double lower, double upper, int n, double confidence = 0.95)
    {
        Guard.Positive(n, nameof(n));
        return StandardErrorFromInterval(lower, upper, confidence) is { } se ? se * Math.Sqrt(n) : null;
    }

    /// <summary>
    /// The pooled standard deviation of several groups: √(Σ(nᵢ−1)·SDᵢ² / Σ(nᵢ−1)). Taken over every organisation's
    /// published interval it is far steadier than one recovered from England's interval, which is published to two
    /// decimals and so allows any SD over a threefold range. Null when no group has more than one respondent.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A standard deviation is negative or not finite, or a count is not positive.</exception>
    public static double? PooledStandardDeviation(IEnumerable<(double StandardDeviation, int N)> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        double sum = 0, weight = 0;
        foreach (var (sd, n) in groups)
        {
            Guard.NonNegative(sd, nameof(groups));
            Guard.Positive(n, nameof(groups));
            sum += (n - 1) * sd * sd;
            weight += n - 1;
        }

        return weight > 0 ? Math.Sqrt(sum / weight) : null;
    }
}
