using LutonCancerSurvey.Core.Domain;
using MathNet.Numerics.Distributions;

namespace LutonCancerSurvey.Core.Statistics;

/// <summary>Where a funnel's allowance for real variation between organisations (τ²) came from.</summary>
public enum TauSource
{
    /// <summary>Estimated from the organisations' own z-scores, winsorised (Spiegelhalter 2005).</summary>
    ZScores = 1,

    /// <summary>Recovered from the expected ranges the survey published with the case-mix adjusted scores.</summary>
    PublishedRanges = 2,
}

/// <summary>
/// One organisation as a funnel's estimate needs it: respondents, score, and the published confidence interval and
/// expected range where given.
/// </summary>
public readonly record struct FunnelPeer(
    int N, double Score, double? CiLower = null, double? CiUpper = null, double? ExpectedLower = null, double? ExpectedUpper = null);

/// <summary>
/// Everything needed to draw overdispersed funnel limits for one edition, level, question, tumour group and basis:
/// the centre (England's unrounded figure), the spread of one answer (binomial for a percentage; the pooled standard
/// deviation of the organisations' ratings for a mean out of ten) and τ², the real variation between organisations.
/// Limits are centre ± z·√(vₙ + τ²) (additive random effects), with vₙ the sampling variance for n respondents; for a
/// percentage where the normal approximation is poor they come from the exact binomial distribution instead.
/// </summary>
/// <param name="Scoring">Percentage positive or mean out of ten.</param>
/// <param name="Centre">England's unrounded figure.</param>
/// <param name="StandardDeviation">The pooled standard deviation of one rating (means only).</param>
/// <param name="TauSquared">The between-organisation variance, in the score's unit squared.</param>
/// <param name="Phi">The overdispersion factor from the winsorised z-scores (1 = no more spread than chance).</param>
/// <param name="Source">Where τ² came from.</param>
/// <param name="Organisations">How many organisations the estimate rests on.</param>
/// <param name="ScoresAreCounts">
/// True when a percentage is a count of respondents (unadjusted), so exact binomial limits apply at small n; a case-mix
/// adjusted percentage is a weighted estimate, not a count, and keeps the normal limits its published range uses.
/// </param>
/// <param name="CentreIsIntervalMiddle">
/// True when the centre is the middle of England's published confidence interval; false when England has no interval
/// on this basis (tumour-group and trend figures), so the centre is England's published, rounded score.
/// </param>
public sealed record FunnelBaseline(
    Scoring Scoring, double Centre, double? StandardDeviation, double TauSquared, double Phi, TauSource Source, int Organisations,
    bool ScoresAreCounts = true, bool CentreIsIntervalMiddle = false)
{
    /// <summary>
    /// Expected counts of positive and of other answers below this use exact binomial limits: the usual rule of thumb
    /// (both at least 10) for when the normal approximation to a binomial is good.
    /// </summary>
    public const double NormalApproximationMinimumCount = 10;

    /// <summary>The highest score the scale allows (100 % or 10).</summary>
    public double Maximum => Scoring == Scoring.MeanOutOfTen ? 10 : 100;

    /// <summary>The chance variance of a score from <paramref name="n"/> respondents, in the score's unit squared.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not positive.</exception>
    public double SamplingVariance(int n)
    {
        Guard.Positive(n, nameof(n));
        return Scoring == Scoring.MeanOutOfTen
            ? StandardDeviation!.Value * StandardDeviation.Value / n
            : Centre * (100 - Centre) / n;
    }

    /// <summary>True when a percentage from <paramref name="n"/> respondents gets exact binomial limits.</summary>
    public bool UsesExactBinomial(int n) =>
        Scoring == Scoring.PercentPositive
        && ScoresAreCounts
        && Math.Min(n * Centre / 100, n * (100 - Centre) / 100) < NormalApproximationMinimumCount;

    /// <summary>
    /// The control limits for <paramref name="n"/> respondents at <paramref name="confidence"/> (two-sided), clamped
    /// to the scale. Where the binomial is used exactly, its limits (interpolated between whole counts, as in
    /// Spiegelhalter 2005) are widened about the centre by the same factor √((vₙ + τ²)/vₙ) that τ² widens normal limits.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="n"/> is not positive or <paramref name="confidence"/> is not strictly between 0 and 1.
    /// </exception>
    public Interval Limits(int n, double confidence)
    {
        Guard.Positive(n, nameof(n));
        Guard.OpenUnit(confidence, nameof(confidence));

        var variance = SamplingVariance(n);
        var inflation = Math.Sqrt((variance + TauSquared) / variance);
        if (UsesExactBinomial(n))
        {
            var tail = (1 - confidence) / 2;
            var p = Centre / 100;
            var lower = ExactBinomialLimit(p, n, tail);
            var upper = ExactBinomialLimit(p, n, 1 - tail);
            return new Interval(
                Math.Clamp(Centre - (Centre - lower) * inflation, 0, 100),
                Math.Clamp(Centre + (upper - Centre) * inflation, 0, 100));
        }

        var halfWidth = Normal.TwoSidedCriticalValue(confidence) * Math.Sqrt(variance + TauSquared);
        return new Interval(Math.Max(0, Centre - halfWidth), Math.Min(Maximum, Centre + halfWidth));
    }

    /// <summary>Where a score from <paramref name="n"/> respondents falls; a score on a limit counts as within.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range as for <see cref="Limits"/>, or the score is not finite.</exception>
    public FunnelPosition Classify(double score, int n, double confidence) => Funnel.Classify(score, Limits(n, confidence));

    /// <summary>Points for drawing the limits from <paramref name="minN"/> to <paramref name="maxN"/> respondents, log spaced.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="minN"/> is not positive, <paramref name="maxN"/> is not above it, <paramref name="points"/> is under 2,
    /// or <paramref name="confidence"/> is not strictly between 0 and 1.
    /// </exception>
    public IReadOnlyList<FunnelPoint> Curve(int minN, int maxN, int points, double confidence) =>
        Funnel.CurveOf(minN, maxN, points, confidence, n => Limits(n, confidence));

    /// <summary>
    /// England's unrounded figure: the mid-point of its published confidence interval where one is given (the score
    /// itself is published rounded, e.g. 60 with an interval of 59.9-60.9), otherwise the score.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is not finite.</exception>
    public static double UnroundedCentre(double score, double? ciLower, double? ciUpper)
    {
        Guard.Finite(score, nameof(score));
        return HasInterval(ciLower, ciUpper) ? (ciLower!.Value + ciUpper!.Value) / 2 : score;
    }

    /// <summary>True when a published interval is usable as a centre's source: both ends finite, in order.</summary>
    public static bool HasInterval(double? ciLower, double? ciUpper) =>
        ciLower is { } lower && ciUpper is { } upper && double.IsFinite(lower) && double.IsFinite(upper) && upper >= lower;

    /// <summary>
    /// Estimates the baseline for one group of organisations. A mean takes its spread from the organisations' published
    /// confidence intervals (pooled); for <paramref name="caseMixAdjusted"/> scores τ² comes from the published expected
    /// ranges where at least two peers have one (the survey's own allowance), otherwise from the winsorised z-scores. Null when no limits can be drawn: a centre at the end of the scale (no chance
    /// variation to speak of), or a mean without any published interval to give its spread.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="peers"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="centre"/> is outside the scale, or a peer's figures are out of range.</exception>
    public static FunnelBaseline? Estimate(Scoring scoring, double centre, IReadOnlyList<FunnelPeer> peers, bool caseMixAdjusted)
    {
        ArgumentNullException.ThrowIfNull(peers);
        var isMean = scoring == Scoring.MeanOutOfTen;
        if (isMean)
        {
            Guard.Mean(centre, nameof(centre));
        }
        else
        {
            Guard.Percent(centre, nameof(centre));
        }

        var usable = peers.Where(p => p.N > 0 && double.IsFinite(p.Score)).ToList();
        double? sd = null;
        if (isMean)
        {
            sd = Means.PooledStandardDeviation(usable
                .Where(p => p.CiLower is { } l && p.CiUpper is { } u && u > l)
                .Select(p => (Means.StandardDeviationFromInterval(p.CiLower!.Value, p.CiUpper!.Value, p.N)!.Value, p.N)));
            if (sd is not > 0)
            {
                return null;
            }
        }
        else if (centre <= 0 || centre >= 100)
        {
            return null;
        }

        var shape = new FunnelBaseline(scoring, centre, sd, 0, 1, TauSource.ZScores, usable.Count, ScoresAreCounts: !caseMixAdjusted);
        var estimate = usable.Count >= 2
            ? Overdispersion.FromZScores(usable.Select(p => (p.Score, Math.Sqrt(shape.SamplingVariance(p.N)))).ToList(), centre)
            : new TauEstimate(0, 1, usable.Count);

        var ranges = usable
            .Where(p => p.ExpectedLower is { } l && p.ExpectedUpper is { } u && double.IsFinite(l) && double.IsFinite(u) && u >= l)
            .Select(p => (new Interval(p.ExpectedLower!.Value, p.ExpectedUpper!.Value), shape.SamplingVariance(p.N)))
            .ToList();
        return caseMixAdjusted && ranges.Count >= 2
            ? shape with { TauSquared = Overdispersion.FromPublishedRanges(ranges), Phi = estimate.Phi, Source = TauSource.PublishedRanges }
            : shape with { TauSquared = estimate.TauSquared, Phi = estimate.Phi };
    }

    /// <summary>
    /// The exact binomial limit at cumulative probability <paramref name="target"/>, in percent: the smallest count r
    /// with F(r) ≥ target, interpolated as r − (F(r) − target)/(F(r) − F(r − 1)) so the limit moves smoothly with n.
    /// </summary>
    private static double ExactBinomialLimit(double p, int n, double target)
    {
        var r = Math.Clamp((int)Math.Floor(n * p), 0, n);
        while (r > 0 && BinomialCdf(p, n, r - 1) >= target)
        {
            r--;
        }

        while (r < n && BinomialCdf(p, n, r) < target)
        {
            r++;
        }

        var atR = BinomialCdf(p, n, r);
        var belowR = BinomialCdf(p, n, r - 1);
        var alpha = atR > belowR ? (atR - target) / (atR - belowR) : 0;
        return Math.Clamp((r - alpha) / n * 100, 0, 100);
    }

    /// <summary>P(X ≤ r) for X ~ Binomial(n, p); the ends are set exactly, where the library's beta function is undefined.</summary>
    private static double BinomialCdf(double p, int n, int r) =>
        r < 0 ? 0 : r >= n ? 1 : Binomial.CDF(p, n, r);
}
