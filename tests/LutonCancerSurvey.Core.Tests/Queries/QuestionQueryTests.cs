using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Statistics;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.Queries;

public sealed class QuestionQueryTests(ReadFixture fixture) : IClassFixture<ReadFixture>
{
    private async Task<QuestionDetail?> DetailAsync(int year, ResultBasis basis, int number, IViewer? viewer = null)
    {
        viewer ??= FixedViewer.Public;
        var header = (await fixture.HeaderAsync("99X", viewer))!;
        await using var db = fixture.Context(viewer);
        return await new QuestionQuery(db, ReadFixture.Fresh(viewer)).QuestionDetailAsync(header, year, TumourGroups.AllCancersId, basis, number, CancellationToken.None);
    }

    [Fact]
    public async Task QuestionDetail_WithAPeerShownTheSame_RanksJointAmongThePeersShown()
    {
        var detail = (await DetailAsync(2018, ResultBasis.Adjusted, 22))!;

        detail.Peers.Select(p => (p.Code, p.Score)).Should().Equal(("99Y", 64), ("99Z", 70), ("99X", 64));
        detail.SuppressedPeers.Should().Be(1);
        detail.Rank!.Value.Should().Be(new RankResult(Rank: 2, Count: 3, Tied: 2));
    }

    [Fact]
    public async Task QuestionDetail_ComparesWithEnglandsUnadjustedAndTheAlliancesAdjustedFigure()
    {
        var detail = (await DetailAsync(2018, ResultBasis.Adjusted, 22))!;

        detail.Organisation!.Score.Should().Be(64);
        (detail.England!.Basis, detail.England.Score).Should().Be((ResultBasis.Unadjusted, 60));
        (detail.Alliance!.Basis, detail.Alliance.Score).Should().Be((ResultBasis.Adjusted, 61));
    }

    [Fact]
    public async Task QuestionDetail_ForAllCancers_DrawsTheTrendFromTheYearOnYearFigures()
    {
        var detail = (await DetailAsync(2018, ResultBasis.Adjusted, 22))!;

        detail.Trend.Select(p => (p.Year, p.Organisation?.Score, p.England?.Score)).Should().Equal((2017, 60, 58), (2018, 65, 59));
        detail.TrendBreak.Should().BeNull();
    }

    [Fact]
    public async Task QuestionDetail_AsThePublic_LeavesTheDraftYearOutOfTheTrend_AndACommissionerSeesIt()
    {
        var publicTrend = (await DetailAsync(2018, ResultBasis.Adjusted, 22))!.Trend.Select(p => p.Year);
        var commissionerTrend = (await DetailAsync(2018, ResultBasis.Adjusted, 22, FixedViewer.Commissioner))!.Trend
            .Select(p => (p.Year, p.Organisation?.Score, p.England?.Score));

        publicTrend.Should().Equal(2017, 2018);
        commissionerTrend.Should().Equal((2017, 60, 58), (2018, 65, 59), (2019, null, 61));
    }

    [Fact]
    public async Task QuestionDetail_ForAQuestionWithoutAResultOnThatBasis_IsNull()
    {
        var detail = await DetailAsync(2018, ResultBasis.Unadjusted, 22);

        detail.Should().BeNull();
    }

    [Fact]
    public async Task NeighbouringQuestions_AreTheOnesEitherSideWithAResultOnTheSameBasis()
    {
        var header = (await fixture.HeaderAsync("99X"))!;
        await using var db = fixture.Context(FixedViewer.Public);

        var (previous, next) = await new QuestionQuery(db, ReadFixture.Fresh(FixedViewer.Public)).NeighbouringQuestionsAsync(
            header.Organisation.Id, header.EditionIdOf(2018)!.Value, TumourGroups.AllCancersId, ResultBasis.Adjusted, 22, CancellationToken.None);

        previous.Should().BeNull();
        next!.Number.Should().Be(59);
    }
}
