using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Core.Tests.Statistics;

public class RankingTests
{
    private static readonly double[] Scores = [61.0, 70.0, 56.0, 70.0, 48.5, 61.0];

    [Theory]
    [InlineData(70.0, 1, 2)]
    [InlineData(61.0, 3, 2)]
    [InlineData(56.0, 5, 1)]
    [InlineData(48.5, 6, 1)]
    public void Rank_PutsTheHighestFirstAndTiesShareTheBestRank(double score, int expectedRank, int tied)
    {
        Ranking.Rank(Scores, score).Should().Be(new RankResult(expectedRank, 6, tied));
    }

    [Theory]
    [InlineData(48.5, 1, 1)]
    [InlineData(56.0, 2, 1)]
    [InlineData(61.0, 3, 2)]
    [InlineData(70.0, 5, 2)]
    public void Rank_PutsTheLowestFirstWhenLowerIsBetter(double score, int expectedRank, int tied)
    {
        Ranking.Rank(Scores, score, higherIsBetter: false).Should().Be(new RankResult(expectedRank, 6, tied));
    }

    [Fact]
    public void Rank_OfASingleScoreIs1Of1()
    {
        Ranking.Rank([8.7], 8.7).Should().Be(new RankResult(1, 1, 1));
    }

    [Fact]
    public void Rank_OfAllTiedScoresIs1()
    {
        Ranking.Rank([8.7, 8.7, 8.7], 8.7).Should().Be(new RankResult(1, 3, 3));
    }

    [Fact]
    public void Rank_CountsTheScoresSharingATiedRank()
    {
        // 30 organisations above 65, 19 on 65 (this one among them), 145 below: joint 31st of 194.
        var scores = Enumerable.Repeat(70.0, 30).Concat(Enumerable.Repeat(65.0, 19)).Concat(Enumerable.Repeat(60.0, 145)).ToList();

        var rank = Ranking.Rank(scores, 65.0);

        rank.Should().Be(new RankResult(31, 194, 19));
        rank.IsJoint.Should().BeTrue();
    }

    [Fact]
    public void Rank_OfAScoreNoOtherSharesIsNotJoint()
    {
        Ranking.Rank(Scores, 56.0).IsJoint.Should().BeFalse();
    }

    [Fact]
    public void Rank_RejectsNullScores()
    {
        FluentActions.Invoking(() => Ranking.Rank(null!, 1))
            .Should().Throw<ArgumentNullException>().WithParameterName("scores");
    }

    [Fact]
    public void Rank_RejectsEmptyOrNonFiniteScores()
    {
        FluentActions.Invoking(() => Ranking.Rank([], 1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("scores");
        FluentActions.Invoking(() => Ranking.Rank([1, double.NaN], 1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("scores");
    }

    [Fact]
    public void Rank_RejectsAScoreThatIsNotAmongTheScores()
    {
        FluentActions.Invoking(() => Ranking.Rank(Scores, 99))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("score");
        FluentActions.Invoking(() => Ranking.Rank(Scores, double.NaN))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("score");
    }
}
