using MathNet.Numerics;

namespace LutonCancerSurvey.Core.Statistics;

/// <summary>
/// The standard normal distribution, which every interval, range, limit and test in the dashboard rests on. The
/// arithmetic is Math.NET Numerics' (see docs/adr/0006-numerics-package.md); this class keeps the dashboard's own
/// argument checks and names so callers state a confidence level, never a magic number.
/// </summary>
public static class Normal
{
    private const double SqrtTwo = 1.4142135623730950488;

    /// <summary>
    /// The z value below which a proportion <paramref name="p"/> of the distribution lies (e.g. 0.975 gives 1.959964),
    /// needed to turn a confidence level into a multiplier.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not strictly between 0 and 1.</exception>
    public static double Quantile(double p)
    {
        Guard.OpenUnit(p, nameof(p));

        // Through the inverse complementary error function of the smaller tail, so that tail keeps relative accuracy.
        return p < 0.5
            ? -SqrtTwo * SpecialFunctions.ErfcInv(2 * p)
            : SqrtTwo * SpecialFunctions.ErfcInv(2 * (1 - p));
    }

    /// <summary>
    /// The proportion of the distribution below <paramref name="z"/>, needed to turn a test statistic into a p-value.
    /// Computed from the complementary error function, so small p-values far into the tails are not rounded to zero.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="z"/> is NaN.</exception>
    public static double Cdf(double z)
    {
        if (double.IsNaN(z))
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "Must be a number.");
        }

        return 0.5 * SpecialFunctions.Erfc(-z / SqrtTwo);
    }

    /// <summary>
    /// The multiplier for a two-sided interval at <paramref name="confidence"/> (0.95 gives 1.959964, 0.998 gives
    /// 3.090232), so callers state a confidence level rather than a magic number.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not strictly between 0 and 1.</exception>
    public static double TwoSidedCriticalValue(double confidence)
    {
        Guard.OpenUnit(confidence, nameof(confidence));
        return Quantile(1 - (1 - confidence) / 2);
    }

    /// <summary>The two-sided p-value of a z statistic: the chance of a value at least as far from zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="z"/> is NaN.</exception>
    public static double TwoSidedPValue(double z) => Math.Min(1, 2 * Cdf(-Math.Abs(z)));
}
