namespace LutonCancerSurvey.Core.Statistics;

/// <summary>
/// Control limits for funnel plots (score against number of respondents), the fair way to compare many organisations
/// on one question: only points outside the limits differ from England by more than chance. Normal approximation,
/// drawn at 95 % (0.95) and 99.8 % (0.998).
/// </summary>
public static class Funnel
{
    /// <summary>
    /// The control limits around a national percentage for <paramref name="n"/> respondents at
    /// <paramref name="confidence"/>: national ± z·√(p(1−p)/n), in percent, clamped to 0-100.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="nationalPercent"/> is outside 0-100, <paramref name="n"/> is not positive, or
    /// <paramref name="confidence"/> is not strictly between 0 and 1.
    /// </exception>
    public static Interval Limits(double nationalPercent, int n, double confidence)
    {
        Guard.Percent(nationalPercent, nameof(nationalPercent));
        Guard.Positive(n, nameof(n));
        Guard.OpenUnit(confidence, nameof(confidence));

        return ExpectedRange.PercentAround(nationalPercent, n, Normal.TwoSidedCriticalValue(confidence));
    }

    /// <summary>
    /// The control limits around a national mean score out of ten (Q59) for <paramref name="n"/> respondents:
    /// national ± z·SD/√n, clamped to 0-10, because a mean is not a proportion and has its own spread.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="nationalMean"/> is outside 0-10, <paramref name="standardDeviation"/> is negative or not finite,
    /// <paramref name="n"/> is not positive, or <paramref name="confidence"/> is not strictly between 0 and 1.
    /// </exception>
    public static Interval LimitsForMean(double nationalMean, double standardDeviation, int n, double confidence)
    {
        Guard.Mean(nationalMean, nameof(nationalMean));
        Guard.NonNegative(standardDeviation, nameof(standardDeviation));
        Guard.Positive(n, nameof(n));
        Guard.OpenUnit(confidence, nameof(confidence));

        return MeanAround(nationalMean, standardDeviation, n, Normal.TwoSidedCriticalValue(confidence));
    }

    /// <summary>
    /// Points (N, Lower, Upper) for drawing the limits of a percentage from <paramref name="minN"/> to
    /// <paramref name="maxN"/> respondents, spaced evenly on a log scale so the curved narrow end is drawn smoothly.
    /// N is a whole number of respondents, so where log spacing rounds two points to the same N only one is kept.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="nationalPercent"/> is outside 0-100, <paramref name="minN"/> is not positive,
    /// <paramref name="maxN"/> is not above <paramref name="minN"/>, <paramref name="points"/> is under 2, or
    /// <paramref name="confidence"/> is not strictly between 0 and 1.
    /// </exception>
    public static IReadOnlyList<FunnelPoint> Curve(double nationalPercent, int minN, int maxN, int points, double confidence)
    {
        Guard.Percent(nationalPercent, nameof(nationalPercent));
        ValidateCurve(minN, maxN, points, confidence);

        var z = Normal.TwoSidedCriticalValue(confidence);
        var curve = new List<FunnelPoint>(points);
        foreach (var n in LogSpacedCounts(minN, maxN, points))
        {
            var limits = ExpectedRange.PercentAround(nationalPercent, n, z);
            curve.Add(new FunnelPoint(n, limits.Lower, limits.Upper));
        }

        return curve;
    }

    /// <summary>
    /// Points (N, Lower, Upper) for drawing the limits of a mean score out of ten (Q59), spaced as in
    /// <see cref="Curve"/>, so Q59 gets the same funnel as the percentage questions.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range as for <see cref="LimitsForMean"/> and <see cref="Curve"/>.</exception>
    public static IReadOnlyList<FunnelPoint> CurveForMean(
        double nationalMean, double standardDeviation, int minN, int maxN, int points, double confidence)
    {
        Guard.Mean(nationalMean, nameof(nationalMean));
        Guard.NonNegative(standardDeviation, nameof(standardDeviation));
        ValidateCurve(minN, maxN, points, confidence);

        var z = Normal.TwoSidedCriticalValue(confidence);
        var curve = new List<FunnelPoint>(points);
        foreach (var n in LogSpacedCounts(minN, maxN, points))
        {
            var limits = MeanAround(nationalMean, standardDeviation, n, z);
            curve.Add(new FunnelPoint(n, limits.Lower, limits.Upper));
        }

        return curve;
    }

    /// <summary>
    /// Where a percentage from <paramref name="n"/> respondents falls against the limits around the national
    /// percentage at <paramref name="confidence"/>; a score on a limit counts as within.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="score"/> or <paramref name="nationalPercent"/> is outside 0-100, or another argument is out of
    /// range as for <see cref="Limits"/>.
    /// </exception>
    public static FunnelPosition Classify(double score, int n, double nationalPercent, double confidence)
    {
        Guard.Percent(score, nameof(score));
        return Classify(score, Limits(nationalPercent, n, confidence));
    }

    /// <summary>
    /// Where a score falls against limits already computed (for example by <see cref="LimitsForMean"/>); a score on a
    /// limit counts as within.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="score"/> is not finite, or <paramref name="limits"/> is not finite or has Lower above Upper.
    /// </exception>
    public static FunnelPosition Classify(double score, Interval limits)
    {
        Guard.Finite(score, nameof(score));
        Guard.Range(limits, nameof(limits));

        return score > limits.Upper ? FunnelPosition.AboveUpperLimit
            : score < limits.Lower ? FunnelPosition.BelowLowerLimit
            : FunnelPosition.WithinLimits;
    }

    /// <summary>Points for drawing any limits from <paramref name="minN"/> to <paramref name="maxN"/> respondents, log spaced.</summary>
    internal static IReadOnlyList<FunnelPoint> CurveOf(int minN, int maxN, int points, double confidence, Func<int, Interval> limitsFor)
    {
        ValidateCurve(minN, maxN, points, confidence);
        var curve = new List<FunnelPoint>(points);
        foreach (var n in LogSpacedCounts(minN, maxN, points))
        {
            var limits = limitsFor(n);
            curve.Add(new FunnelPoint(n, limits.Lower, limits.Upper));
        }

        return curve;
    }

    private static Interval MeanAround(double mean, double standardDeviation, int n, double z)
    {
        var halfWidth = z * standardDeviation / Math.Sqrt(n);
        return new Interval(Math.Max(0, mean - halfWidth), Math.Min(10, mean + halfWidth));
    }

    private static void ValidateCurve(int minN, int maxN, int points, double confidence)
    {
        Guard.Positive(minN, nameof(minN));
        if (maxN <= minN)
        {
            throw new ArgumentOutOfRangeException(nameof(maxN), maxN, "Must be greater than minN.");
        }

        if (points < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, "At least two points are needed to draw a curve.");
        }

        Guard.OpenUnit(confidence, nameof(confidence));
    }

    private static IEnumerable<int> LogSpacedCounts(int minN, int maxN, int points)
    {
        var logMin = Math.Log(minN);
        var step = (Math.Log(maxN) - logMin) / (points - 1);
        var previous = 0;
        for (var i = 0; i < points; i++)
        {
            var n = i == points - 1 ? maxN : (int)Math.Round(Math.Exp(logMin + i * step), MidpointRounding.AwayFromZero);
            if (n > previous)
            {
                yield return n;
                previous = n;
            }
        }
    }
}

/// <summary>One point of a funnel plot's control limits: the limits for <paramref name="N"/> respondents.</summary>
public readonly record struct FunnelPoint(int N, double Lower, double Upper);

/// <summary>
/// Where an organisation sits on a funnel plot. Kept apart from <see cref="Domain.Band"/>, which is the published
/// rating against the expected range, so a computed position is never mistaken for a published one.
/// </summary>
public enum FunnelPosition
{
    AboveUpperLimit = 1,
    WithinLimits = 2,
    BelowLowerLimit = 3,
}
