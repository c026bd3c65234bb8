using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.Queries;

public sealed class KeyFindingsQueryTests(ReadFixture fixture) : IClassFixture<ReadFixture>
{
    [Fact]
    public async Task FindingsInput_TakesTheAdjustedHeadline_WithEnglandTheAllianceAndBothYearsTrendFigures()
    {
        var header = (await fixture.HeaderAsync("99X"))!;
        await using var db = fixture.Context(FixedViewer.Public);

        var input = await new KeyFindingsQuery(db, new TumourGroupsQuery(db, ReadFixture.Fresh(FixedViewer.Public)), ReadFixture.Fresh(FixedViewer.Public)).FindingsInputAsync(header, 2018, CancellationToken.None);

        input.PreviousYear.Should().Be(2017);
        input.Questions.Select(q => (q.Question.Number, q.Organisation!.Basis, q.Organisation.Score, q.England?.Score, q.Alliance?.Score, q.Trend?.Score, q.PreviousTrend?.Score))
            .Should().Equal(
                (22, ResultBasis.Adjusted, 64, 60, 61, 65, 60),
                (59, ResultBasis.Adjusted, 8.7, 8.8, null, 8.6, null));
        input.TumourGroups.Select(t => TumourGroups.NameOf(t.TumourGroupId)).Should().Equal("Breast", "Lung");
    }
}
