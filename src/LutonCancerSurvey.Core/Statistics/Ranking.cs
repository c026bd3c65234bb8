namespace LutonCancerSurvey.Core.Statistics;

/// <summary>
/// The position of one score among its peers ("3rd of 106"), for context next to a funnel plot; a rank alone says
/// nothing about whether a difference is real, so it is never shown as a judgement.
/// </summary>
public static class Ranking
{
    /// <summary>
    /// The rank of <paramref name="score"/> among <paramref name="scores"/> (1 = best; tied scores share the best rank
    /// they cover, so two joint-first are both 1st and the next is 3rd), and how many scores were ranked.
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
        var found = false;
        for (var i = 0; i < scores.Count; i++)
        {
            var other = scores[i];
            if (!double.IsFinite(other))
            {
                throw new ArgumentOutOfRangeException(nameof(scores), other, "Every score must be a finite number.");
            }

            if (other == score)
            {
                found = true;
            }
            else if (higherIsBetter ? other > score : other < score)
            {
                better++;
            }
        }

        if (!found)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "The score being ranked must be one of the scores.");
        }

        return new RankResult(better + 1, scores.Count);
    }
}

/// <summary>A rank (1 = best) out of <paramref name="Count"/> scores, so "3rd of 106" can be shown together.</summary>
public readonly record struct RankResult(int Rank, int Count);
