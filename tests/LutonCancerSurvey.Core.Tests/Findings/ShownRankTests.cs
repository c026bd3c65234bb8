using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Findings;
using LutonCancerSurvey.Core.Statistics;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.Findings;

public sealed class ShownRankTests
{
    [Fact]
    public void Among_TwoScoresShownTheSame_AreJointWhateverLiesBehindThem()
    {
        // 65.4 and 64.6 are both shown as 65%: the table cannot tell them apart, so neither can the rank.
        ShownScore[] peers = [new(70.2, 0), new(65.4, 0), new(64.6, 0), new(50, 0)];

        var rank = ShownRank.Among(peers, ownIsAmongThem: true, Figures.Of(ResultBasis.Adjusted, 64.6, decimals: 0), Scoring.PercentPositive);

        rank.Should().Be(new RankResult(Rank: 2, Count: 4, Tied: 2));
        rank!.Value.IsJoint.Should().BeTrue();
    }

    [Fact]
    public void Among_ScoresDifferentOnceShownToTheirPlaces_AreNotJoint()
    {
        ShownScore[] peers = [new(8.81, 2), new(8.79, 2)];

        var rank = ShownRank.Among(peers, ownIsAmongThem: true, Figures.Of(ResultBasis.Adjusted, 8.79, decimals: 2), Scoring.MeanOutOfTen);

        rank.Should().Be(new RankResult(Rank: 2, Count: 2, Tied: 1));
    }

    [Fact]
    public void Among_WithTheOwnFigureSuppressed_GivesNoRank()
    {
        ShownScore[] peers = [new(70, 0)];
        var own = Figures.Of(ResultBasis.Adjusted, 70, respondents: 12, suppression: Suppression.FewRespondents);

        var rank = ShownRank.Among(peers, ownIsAmongThem: true, own, Scoring.PercentPositive);

        rank.Should().BeNull();
    }

    [Fact]
    public void Among_WhenTheOrganisationIsNotAmongThePeersShown_GivesNoRank()
    {
        ShownScore[] peers = [new(70, 0), new(60, 0)];

        var rank = ShownRank.Among(peers, ownIsAmongThem: false, Figures.Of(ResultBasis.Adjusted, 60, decimals: 0), Scoring.PercentPositive);

        rank.Should().BeNull();
    }
}
