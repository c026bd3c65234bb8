using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Statistics;

/// <summary>
/// Tests for percentage-positive scores (Q1-Q58), which are proportions of respondents; all inputs and
/// outputs are percentages (0-100) because that is how the survey publishes them.
/// </summary>
public static class Proportions
{
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
        return new TwoProportionTest(z, Normal.TwoSidedPValue(z));
    }

    /// <summary>
    /// True when the verdict of <see cref="TwoProportionZTest"/> at <paramref name="significanceLevel"/> could change
    /// if each percentage moved by up to half its last published digit (<paramref name="roundingHalfUnit1"/> and
    /// <paramref name="roundingHalfUnit2"/>: 0.5 for figures published as whole numbers, 0.05 for one decimal): the
    /// published figures cannot settle such a verdict, so it is reported as borderline.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An argument is out of range as for <see cref="TwoProportionZTest"/>, the level is not strictly between 0 and 1,
    /// or a half unit is negative.
    /// </exception>
    public static bool RoundingCouldFlip(
        double percent1, int n1, double percent2, int n2, double significanceLevel, double roundingHalfUnit1 = 0.5, double roundingHalfUnit2 = 0.5)
    {
        Guard.OpenUnit(significanceLevel, nameof(significanceLevel));
        Guard.NonNegative(roundingHalfUnit1, nameof(roundingHalfUnit1));
        Guard.NonNegative(roundingHalfUnit2, nameof(roundingHalfUnit2));
        var verdict = TwoProportionZTest(percent1, n1, percent2, n2).Direction(significanceLevel);

        // |z| is largest and smallest with the two figures pushed apart or together, so the corners decide.
        foreach (var (d1, d2) in new[] { (1, -1), (-1, 1), (1, 1), (-1, -1) })
        {
            var moved1 = Math.Clamp(percent1 + d1 * roundingHalfUnit1, 0, 100);
            var moved2 = Math.Clamp(percent2 + d2 * roundingHalfUnit2, 0, 100);
            if (TwoProportionZTest(moved1, n1, moved2, n2).Direction(significanceLevel) != verdict)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Tests <paramref name="percent"/> of <paramref name="n"/> respondents against a reference percentage taken as
    /// fixed (a national figure from tens of thousands of respondents): z = (p − p₀)/√(p₀(1−p₀)/n).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A percentage is outside 0-100, <paramref name="n"/> is not positive, or the reference is 0 or 100 (no variation to test against).
    /// </exception>
    public static TwoProportionTest OneSampleZTest(double percent, int n, double referencePercent)
    {
        Guard.Percent(percent, nameof(percent));
        Guard.Positive(n, nameof(n));
        if (!(referencePercent > 0 && referencePercent < 100))
        {
            throw new ArgumentOutOfRangeException(nameof(referencePercent), referencePercent, "Must be strictly between 0 and 100.");
        }

        var p0 = referencePercent / 100;
        var z = (percent / 100 - p0) / Math.Sqrt(p0 * (1 - p0) / n);
        return new TwoProportionTest(z, Normal.TwoSidedPValue(z));
    }

    /// <summary>
    /// Tests a score against a reference taken as fixed, with the score's standard error (for example one recovered
    /// from its published confidence interval by <see cref="Means.StandardErrorFromInterval"/>): z = (score − reference)/SE.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A figure is not finite or the standard error is not positive.</exception>
    public static TwoProportionTest ZTestAgainstFixed(double score, double reference, double standardError)
    {
        Guard.Finite(score, nameof(score));
        Guard.Finite(reference, nameof(reference));
        Guard.Positive(standardError, nameof(standardError));
        var z = (score - reference) / standardError;
        return new TwoProportionTest(z, Normal.TwoSidedPValue(z));
    }
}

/// <summary>The result of a z-test (two-proportion, one-sample or against a fixed figure): the statistic (positive when the first proportion is higher) and its two-sided p-value.</summary>
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
