namespace LutonCancerSurvey.Core.Statistics;

/// <summary>
/// What every funnel plot shares, whatever its limits: where a score falls against them, and the log-spaced points that
/// draw them. The limits themselves come from <see cref="FunnelBaseline"/>, which allows for the real variation between
/// organisations as the survey's expected ranges do.
/// </summary>
public static class Funnel
{
    /// <summary>
    /// Where a score falls against limits already computed (for example by <see cref="FunnelBaseline.Limits"/>); a score on a
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
