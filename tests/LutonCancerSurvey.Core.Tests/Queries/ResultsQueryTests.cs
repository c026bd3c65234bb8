using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.Queries;

public sealed class ResultsQueryTests(ReadFixture fixture) : IClassFixture<ReadFixture>
{
    [Fact]
    public async Task Results_OnTheAdjustedBasis_SetEnglandsUnadjustedFigureBesideEachQuestion()
    {
        var header = (await fixture.HeaderAsync("99X"))!;
        await using var db = fixture.Context(FixedViewer.Public);

        var results = await new ResultsQuery(db, ReadFixture.Fresh(FixedViewer.Public)).ResultsAsync(
            header, header.EditionIdOf(2018)!.Value, TumourGroups.AllCancersId, ResultBasis.Adjusted, CancellationToken.None);

        results.Select(r => (r.Question.Number, r.Organisation!.Score, r.England!.Score, r.England.Basis)).Should().Equal(
            (22, 64, 60, ResultBasis.Unadjusted),
            (59, 8.7, 8.8, ResultBasis.Unadjusted));
    }

    [Fact]
    public async Task Results_OnTheTrendBasis_SetEnglandsTrendFigureBesideEachQuestion()
    {
        var header = (await fixture.HeaderAsync("99X"))!;
        await using var db = fixture.Context(FixedViewer.Public);

        var results = await new ResultsQuery(db, ReadFixture.Fresh(FixedViewer.Public)).ResultsAsync(
            header, header.EditionIdOf(2018)!.Value, TumourGroups.AllCancersId, ResultBasis.Trend, CancellationToken.None);

        results.Select(r => (r.Question.Number, r.Organisation!.Score, r.England!.Score, r.England.Basis)).Should().Equal(
            (22, 65, 59, ResultBasis.Trend),
            (59, 8.6, 8.8, ResultBasis.Trend));
    }
}
