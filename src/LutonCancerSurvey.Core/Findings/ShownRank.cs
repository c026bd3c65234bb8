using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Formatting;
using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Core.Findings;

/// <summary>A score as the table shows it: its value and the places it was published to (null when not recorded).</summary>
public readonly record struct ShownScore(double Score, int? Decimals);

/// <summary>An organisation's place among its peers, judged on the figures as the page shows them.</summary>
public static class ShownRank
{
    /// <summary>
    /// The place of <paramref name="own"/> among <paramref name="peers"/> (which include it), or null when its figure is
    /// not shown (suppressed, no score) or it is not among them. Ties are judged on the figures as shown: two CCGs both
    /// shown as 65% are joint, whatever unrounded values lie behind them. Every scored question is worded so that a
    /// higher score is a better experience.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static RankResult? Among(IReadOnlyList<ShownScore> peers, bool ownIsAmongThem, Figure own, Scoring scoring)
    {
        ArgumentNullException.ThrowIfNull(peers);
        ArgumentNullException.ThrowIfNull(own);
        if (own is not { IsSuppressed: false, Score: { } score } || !ownIsAmongThem)
        {
            return null;
        }

        return Ranking.Rank(
            peers.Select(p => AsShown(p.Score, p.Decimals, scoring)).ToList(), AsShown(score, own.Decimals, scoring), higherIsBetter: true);
    }

    private static double AsShown(double score, int? decimals, Scoring scoring) =>
        (double)Format.Rounded(score, Format.DecimalsOf(decimals, scoring));
}
