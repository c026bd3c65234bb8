namespace LutonCancerSurvey.Core.Statistics;

/// <summary>
/// The position of one score among its peers ("3rd of 106"), for context next to a funnel plot; a rank alone says
/// nothing about whether a difference is real, so it is never shown as a judgement.
/// </summary>
public static class Ranking
{
    /// <summary>
    /// The rank of <paramref name="score"/> among <paramref name="scores"/> (1 = best; tied scores share the best rank
    /// they cover, so two joint-first are both 1st and the next is 3rd), how many scores were ranked and how many share
    /// the score. Ties are exact equality: pass the figures as shown (rounded to their published places) so that two
    /// organisations both shown as 65% are joint, whatever unrounded values lie behind them.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="scores"/> is empty or holds a value that is not finite, or <paramref name="score"/> is not one of them.
    /// </exception>
    public static RankResult Rank(IReadOnlyList<double> scores, double score, bool higherIsBetter = true)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scores), "At least one score is needed to rank.");
        }

        Guard.Finite(score, nameof(score));

        var better = 0;
        var tied = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var other = scores[i];
            if (!double.IsFinite(other))
            {
                throw new ArgumentOutOfRangeException(nameof(scores), other, "Every score must be a finite number.");
            }

            if (other == score)
            {
                tied++;
            }
            else if (higherIsBetter ? other > score : other < score)
            {
                better++;
            }
        }

        if (tied == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "The score being ranked must be one of the scores.");
        }

        return new RankResult(better + 1, scores.Count, tied);
    }
}

/// <summary>
/// A rank (1 = best) out of <paramref name="Count"/> scores, and how many scores (this one included) are
/// <paramref name="Tied"/> on it, so "joint 31st of 194 (19 share 65%)" can be shown together.
/// </summary>
public readonly record struct RankResult(int Rank, int Count, int Tied)
{
    /// <summary>Shared with at least one other score.</summary>
    public bool IsJoint => Tied > 1;
}
