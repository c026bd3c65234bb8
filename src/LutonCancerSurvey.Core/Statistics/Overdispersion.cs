namespace LutonCancerSurvey.Core.Statistics;

/// <summary>
/// The real variation between organisations beyond chance (τ², the between-organisation variance), which funnel
/// limits must allow for or they flag far too many organisations as different: Spiegelhalter, "Handling
/// over-dispersion of performance indicators", Qual Saf Health Care 2005;14:347-351.
/// </summary>
public static class Overdispersion
{
    /// <summary>The share of z-scores pulled in at each end before φ is estimated, as Spiegelhalter recommends (10 %).</summary>
    public const double DefaultWinsorisation = 0.1;

    /// <summary>
    /// Estimates τ² from each organisation's score and its sampling standard error around the
    /// <paramref name="centre"/>: zᵢ = (yᵢ − centre)/sᵢ, winsorised at <paramref name="winsorisation"/> at each end;
    /// φ = Σzᵢ²/I; τ² = (Iφ − (I − 1)) / (Σwᵢ − Σwᵢ²/Σwᵢ) with wᵢ = 1/sᵢ², and τ² = 0 when Iφ ≤ I − 1 (no more
    /// spread than chance). Scores and errors are in the score's own unit, so τ² is in that unit squared.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="organisations"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// Fewer than two organisations, a score that is not finite, a standard error that is not positive, or a
    /// winsorisation outside 0 to under 0.5.
    /// </exception>
    public static TauEstimate FromZScores(
        IReadOnlyList<(double Score, double StandardError)> organisations, double centre, double winsorisation = DefaultWinsorisation)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        Guard.Finite(centre, nameof(centre));
        if (organisations.Count < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(organisations), organisations.Count, "At least two organisations are needed to estimate a spread between them.");
        }

        if (!(winsorisation >= 0 && winsorisation < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(winsorisation), winsorisation, "Must be at least 0 and under 0.5.");
        }

        var z = new double[organisations.Count];
        double sumW = 0, sumW2 = 0;
        for (var i = 0; i < organisations.Count; i++)
        {
            var (score, se) = organisations[i];
            Guard.Finite(score, nameof(organisations));
            Guard.Positive(se, nameof(organisations));
            z[i] = (score - centre) / se;
            var w = 1 / (se * se);
            sumW += w;
            sumW2 += w * w;
        }

        var winsorised = Winsorise(z, winsorisation);
        var count = winsorised.Count;
        var phi = winsorised.Sum(v => v * v) / count;
        var excess = count * phi - (count - 1);
        var tauSquared = excess <= 0 ? 0 : excess / (sumW - sumW2 / sumW);
        return new TauEstimate(tauSquared, phi, count);
    }

    /// <summary>
    /// Recovers τ² from published expected ranges, each centre ± z·√(vᵢ + τ²) with vᵢ the organisation's sampling
    /// variance: τ²ᵢ = (half-widthᵢ / z)² − vᵢ, and τ² is their median (so ranges published rounded to whole numbers
    /// do not pull it about), never below 0.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="ranges"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// No ranges, a range that is not finite or is reversed, a sampling variance that is not positive, or a
    /// confidence not strictly between 0 and 1.
    /// </exception>
    public static double FromPublishedRanges(
        IReadOnlyList<(Interval Range, double SamplingVariance)> ranges, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        Guard.OpenUnit(confidence, nameof(confidence));
        if (ranges.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ranges), 0, "At least one published range is needed.");
        }

        var z = Normal.TwoSidedCriticalValue(confidence);
        var each = new double[ranges.Count];
        for (var i = 0; i < ranges.Count; i++)
        {
            var (range, variance) = ranges[i];
            Guard.Range(range, nameof(ranges));
            Guard.Positive(variance, nameof(ranges));
            var se = (range.Upper - range.Lower) / 2 / z;
            each[i] = se * se - variance;
        }

        return Math.Max(0, Median(each));
    }

    /// <summary>
    /// The values with the lowest and highest <paramref name="fraction"/> of them replaced by the nearest value kept,
    /// so a few extreme organisations cannot inflate the estimate of everyone's spread. Order is not kept.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is outside 0 to under 0.5.</exception>
    public static IReadOnlyList<double> Winsorise(IReadOnlyList<double> values, double fraction)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(fraction >= 0 && fraction < 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "Must be at least 0 and under 0.5.");
        }

        var sorted = values.Order().ToArray();
        var cut = (int)Math.Floor(fraction * sorted.Length);
        if (cut == 0)
        {
            return sorted;
        }

        var low = sorted[cut];
        var high = sorted[sorted.Length - 1 - cut];
        return sorted.Select(v => Math.Clamp(v, low, high)).ToArray();
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}

/// <summary>
/// An estimate of the between-organisation variance τ² (in the score's unit squared), with the overdispersion factor
/// φ it came from and how many organisations it rests on; φ ≤ 1 means no more spread than chance, so τ² = 0.
/// </summary>
public readonly record struct TauEstimate(double TauSquared, double Phi, int Organisations);
