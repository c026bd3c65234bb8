using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Formatting;
using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Core.Findings;

/// <summary>
/// The verdict on one comparison, with the test named and its result stated, so the wording can follow the evidence.
/// Borderline is true when rounding of the published figures could give the other verdict.
/// </summary>
public sealed record Judgement(Verdict Verdict, string Test, string Result, string? UntestedReason = null, bool Borderline = false);

/// <summary>
/// The spread of individual answers to a mean-scored question, recovered where no interval of a figure's own gives it,
/// with where it came from in words ("pooled over every CCG's published interval for the overall rating").
/// </summary>
public sealed record PooledSpread(double StandardDeviation, string Source);

/// <summary>
/// The wording rules: which test applies to a comparison, and what the result allows a sentence to say. "Significantly"
/// needs a test; "similar to" without a test needs equal rounded figures or the comparator inside the published
/// confidence interval; anything else without a test is "higher" or "lower" with the reason it could not be tested.
/// </summary>
public static class Comparisons
{
    /// <summary>The significance level of every test the dashboard computes itself, before any correction.</summary>
    public const double SignificanceLevel = 0.05;

    /// <summary>
    /// The level of the dashboard's own year-on-year test, for each question without correction, as the survey tests.
    /// Measured against the survey's published 2017-2018 flags (docs/statistics-agreement.md), a pooled two-proportion
    /// z-test at p &lt; 0.01 flags about as many changes as the survey does; at 0.05 with a Bonferroni correction for
    /// 51 questions it found one change in eight of those the survey published.
    /// </summary>
    public const double YearOnYearSignificanceLevel = 0.01;

    /// <summary>The wording of the year-on-year test's level, used wherever the test is named.</summary>
    public const string YearOnYearLevelText =
        "p < 0.01 for each question, the level at which it flags about as many changes as the survey's own year-on-year test";

    /// <summary>
    /// A score against a reference taken as fixed (England's figure, or the previous edition's when no test is
    /// possible). Uses, in order: the published expected range (case-mix adjusted scores); a z-test with the standard
    /// error from the published 95 % confidence interval (means and percentages alike); a one-sample z-test of a
    /// percentage on its respondents; a z-test of a mean on its respondents with a <paramref name="pooledSpread"/> of
    /// answers where one is known; otherwise no test. <paramref name="comparisons"/> is the number of such comparisons
    /// made together, for a Bonferroni correction.
    /// </summary>
    public static Judgement AgainstReference(Figure own, double reference, Scoring scoring, int comparisons, PooledSpread? pooledSpread = null)
    {
        ArgumentNullException.ThrowIfNull(own);
        var score = own.Score ?? throw new ArgumentException("A figure without a score cannot be compared.", nameof(own));
        Guard.Positive(comparisons, nameof(comparisons));

        if (own.Basis == ResultBasis.Adjusted && own.Band is { } band)
        {
            return ExpectedRange(own, score, reference, band, scoring);
        }

        var alpha = SignificanceLevel / comparisons;
        var levelText = LevelText(comparisons, "comparisons");
        if (own.CiLower is { } lower && own.CiUpper is { } upper && Means.StandardErrorFromInterval(lower, upper) is { } standardError)
        {
            var test = Proportions.ZTestAgainstFixed(score, reference, standardError);
            return Tested(
                score, reference, own.Decimals, scoring, test.PValue < alpha, test.Z,
                $"z-test of the difference from the comparator's figure (taken as fixed), standard error from the published 95% confidence interval ({FindingText.Range(lower, upper, scoring)}), two-sided, {levelText}",
                test.PValue);
        }

        if (scoring == Scoring.PercentPositive && own.Respondents is { } n && n > 0 && reference > 0 && reference < 100)
        {
            var test = Proportions.OneSampleZTest(score, n, reference);
            return Tested(
                score, reference, own.Decimals, scoring, test.PValue < alpha, test.Z,
                $"one-sample z-test of the percentage on its {FindingText.Count(n)} respondents against the comparator's figure (taken as fixed), two-sided, {levelText}",
                test.PValue);
        }

        if (scoring == Scoring.MeanOutOfTen && pooledSpread is { StandardDeviation: > 0 } spread && own.Respondents is { } count && count > 0)
        {
            var test = Proportions.ZTestAgainstFixed(score, reference, spread.StandardDeviation / Math.Sqrt(count));
            return Tested(
                score, reference, own.Decimals, scoring, test.PValue < alpha, test.Z,
                $"z-test of the difference from the comparator's figure (taken as fixed), standard error from its {FindingText.Count(count)} respondents and a spread of answers of {FindingText.Spread(spread.StandardDeviation)} ({spread.Source}), two-sided, {levelText}",
                test.PValue);
        }

        // A mean needs its spread: a respondent count alone does not allow a test of it, whether or not one was published.
        var reason = scoring == Scoring.MeanOutOfTen
            ? MeanUntestedReason
            : own.Respondents is null
                ? "no respondent count was published"
                : "the comparator's figure leaves no variation to test against";
        return Untested(score, reference, own.Decimals, scoring, own, reason);
    }

    /// <summary>
    /// A score against a figure it is part of (an organisation against its own Cancer Alliance): the two are not
    /// independent samples, so no test is made, and only equality or overlap with the confidence interval is stated.
    /// </summary>
    public static Judgement AgainstOverlapping(Figure own, double reference, Scoring scoring, string ownName, string referenceName)
    {
        ArgumentNullException.ThrowIfNull(own);
        var score = own.Score ?? throw new ArgumentException("A figure without a score cannot be compared.", nameof(own));
        return Untested(
            score, reference, own.Decimals, scoring, own,
            $"{ownName}'s patients are among {referenceName}'s, so the two are not independent samples and no test was made");
    }

    /// <summary>Why a mean without a published interval is not tested.</summary>
    public const string MeanUntestedReason =
        "no confidence interval was published for this mean, and a respondent count alone does not give a mean's spread";

    /// <summary>
    /// Two editions' percentages: a pooled two-proportion z-test at <see cref="YearOnYearSignificanceLevel"/> for each
    /// question, marked borderline when rounding of the published figures could flip it; no test where a count is
    /// missing or the score is a mean.
    /// </summary>
    public static Judgement BetweenEditions(Figure current, Figure previous, Scoring scoring)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        var now = current.Score ?? throw new ArgumentException("A figure without a score cannot be compared.", nameof(current));
        var before = previous.Score ?? throw new ArgumentException("A figure without a score cannot be compared.", nameof(previous));

        if (scoring == Scoring.PercentPositive && current.Respondents is { } n1 && n1 > 0 && previous.Respondents is { } n2 && n2 > 0)
        {
            var test = Proportions.TwoProportionZTest(now, n1, before, n2);
            var judgement = Tested(
                now, before, current.Decimals, scoring, test.PValue < YearOnYearSignificanceLevel, test.Z,
                $"two-proportion z-test (pooled), two-sided, {YearOnYearLevelText}",
                test.PValue);
            if (!Proportions.RoundingCouldFlip(
                now, n1, before, n2, YearOnYearSignificanceLevel,
                Format.HalfLastDigit(current.Decimals, scoring), Format.HalfLastDigit(previous.Decimals, scoring)))
            {
                return judgement;
            }

            return judgement with
            {
                Borderline = true,
                Result = judgement.Result + "; borderline: the published figures are rounded, and within that rounding the verdict could be the other way",
            };
        }

        var reason = scoring == Scoring.MeanOutOfTen
            ? MeanUntestedReason + ", so no test was made"
            : "a respondent count is missing, so no test was made";
        return Untested(now, before, current.Decimals, scoring, null, reason);
    }

    /// <summary>The source's own year-on-year test: Up, Down or Unchanged, used as published.</summary>
    public static Judgement PublishedChange(Figure current, double? previous, ChangeDirection change, Scoring scoring)
    {
        ArgumentNullException.ThrowIfNull(current);
        var now = current.Score ?? throw new ArgumentException("A figure without a score cannot be compared.", nameof(current));
        var verdict = change switch
        {
            ChangeDirection.Up => Verdict.SignificantlyHigher,
            ChangeDirection.Down => Verdict.SignificantlyLower,
            _ => previous is { } before ? NotSignificant(now, before, current.Decimals, scoring) : Verdict.Similar,
        };
        var flag = change switch
        {
            ChangeDirection.Up => "Up (a significant increase)",
            ChangeDirection.Down => "Down (a significant decrease)",
            _ => "Unchanged (no significant change)",
        };
        return new Judgement(verdict, "the source's published year-on-year significance test", $"published flag {flag}");
    }

    /// <summary>Equal when both are written the same at the figures' published places.</summary>
    public static bool RoundsEqual(double a, double b, int? decimals, Scoring scoring) =>
        string.Equals(FindingText.Score(a, decimals, scoring), FindingText.Score(b, decimals, scoring), StringComparison.Ordinal);

    /// <summary>The comparison phrase a verdict allows, e.g. "significantly higher than England (8.8)".</summary>
    public static string Phrase(Judgement judgement, string comparator)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        return judgement.Verdict switch
        {
            Verdict.SignificantlyHigher => $"significantly higher than {comparator}",
            Verdict.SignificantlyLower => $"significantly lower than {comparator}",
            Verdict.HigherNotSignificant => $"higher than {comparator}, but not significantly",
            Verdict.LowerNotSignificant => $"lower than {comparator}, but not significantly",
            Verdict.Similar => $"similar to {comparator}",
            Verdict.HigherUntested => $"higher than {comparator}; whether that is more than chance cannot be tested: {judgement.UntestedReason}",
            Verdict.LowerUntested => $"lower than {comparator}; whether that is more than chance cannot be tested: {judgement.UntestedReason}",
            _ => $"not compared with {comparator}",
        };
    }

    private static Judgement ExpectedRange(Figure own, double score, double reference, Band band, Scoring scoring)
    {
        var n = own.Respondents is { } count ? FindingText.Count(count) : "its";
        var range = own.ExpectedLower is { } lower && own.ExpectedUpper is { } upper
            ? FindingText.Range(lower, upper, scoring)
            : "not given";
        var test = $"the published expected range for the case-mix adjusted score with {n} respondents ({ExpectedRangeMeaning})";
        var position = band switch
        {
            Band.Above => "above",
            Band.Below => "below",
            _ => "within",
        };
        var result = $"{FindingText.Score(score, own.Decimals, scoring)} is {position} the expected range ({range}), published rating {(int)band}";
        if (RoundingHidesBand(own, scoring))
        {
            result += "; the source rated it on unrounded figures";
        }

        var verdict = band switch
        {
            Band.Above => Verdict.SignificantlyHigher,
            Band.Below => Verdict.SignificantlyLower,
            _ => NotSignificant(score, reference, own.Decimals, scoring),
        };
        return new Judgement(verdict, test, result);
    }

    /// <summary>
    /// What the survey's expected range is, in words: not England's score ± two standard errors, because it also allows
    /// for the variation between organisations the survey expects, which for some results more than doubles its width.
    /// </summary>
    public const string ExpectedRangeMeaning =
        "the survey's 95% range around England's score for the organisation's respondents, allowing for chance and for the variation between organisations the survey expects";

    /// <summary>
    /// True when the survey rated a score above or below its expected range but, as published (the score at its
    /// places, the range's ends at theirs), the score sits on or inside the range: the survey judged the unrounded
    /// score, and rounding hides the difference, so a sentence must say so rather than contradict itself.
    /// </summary>
    public static bool RoundingHidesBand(Figure own, Scoring scoring)
    {
        ArgumentNullException.ThrowIfNull(own);
        if (own is not { Band: Band.Above or Band.Below, Score: { } score, ExpectedLower: { } lower, ExpectedUpper: { } upper })
        {
            return false;
        }

        var shown = Format.Rounded(score, Format.DecimalsOf(own.Decimals, scoring));
        var places = Math.Min(Math.Max(Format.PlacesOf(lower), Format.PlacesOf(upper)), Format.BoundDecimals(scoring));
        return shown >= Format.Rounded(lower, places) && shown <= Format.Rounded(upper, places);
    }

    private static Judgement Tested(
        double score, double reference, int? decimals, Scoring scoring, bool significant, double z, string test, double p)
    {
        var verdict = significant
            ? score > reference ? Verdict.SignificantlyHigher : Verdict.SignificantlyLower
            : NotSignificant(score, reference, decimals, scoring);
        var result = $"{FindingText.Z(z)}, {FindingText.PValue(p)}: {(significant ? "significant" : "not significant")}";
        return new Judgement(verdict, test, result);
    }

    private static Judgement Untested(double score, double reference, int? decimals, Scoring scoring, Figure? own, string reason)
    {
        if (RoundsEqual(score, reference, decimals, scoring))
        {
            return new Judgement(
                Verdict.Similar, $"none ({reason})",
                $"the figures are equal when rounded ({FindingText.Score(score, decimals, scoring)} and {FindingText.Score(reference, decimals, scoring)})",
                reason);
        }

        if (own is { CiLower: { } lower, CiUpper: { } upper } && reference >= lower && reference <= upper)
        {
            return new Judgement(
                Verdict.Similar, $"none ({reason})",
                $"the comparator's figure ({FindingText.Score(reference, decimals, scoring)}) lies inside the published 95% confidence interval ({FindingText.Range(lower, upper, scoring)})",
                reason);
        }

        return new Judgement(
            score > reference ? Verdict.HigherUntested : Verdict.LowerUntested,
            $"none ({reason})",
            $"difference {FindingText.Difference(score - reference, decimals, scoring)}, not tested",
            reason);
    }

    private static Verdict NotSignificant(double score, double reference, int? decimals, Scoring scoring) =>
        RoundsEqual(score, reference, decimals, scoring) ? Verdict.Similar
            : score > reference ? Verdict.HigherNotSignificant
            : Verdict.LowerNotSignificant;

    private static string LevelText(int comparisons, string what) => comparisons <= 1
        ? "p < 0.05 (a single comparison, no correction needed)"
        : $"p < 0.05 with a Bonferroni correction for the {FindingText.Count(comparisons)} {what} (p < {FindingText.Level(SignificanceLevel / comparisons)})";
}
