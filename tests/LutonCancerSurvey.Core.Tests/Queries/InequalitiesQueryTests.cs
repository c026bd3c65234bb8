using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.Queries;

public sealed class InequalitiesQueryTests(ReadFixture fixture) : IClassFixture<ReadFixture>
{
    [Fact]
    public async Task Inequalities_OfAnAlliance_GiveEachGroupsFigureWithTheSurveysTest()
    {
        var header = (await fixture.HeaderAsync("E56000099"))!;
        await using var db = fixture.Context(FixedViewer.Public);

        var questions = await new InequalitiesQuery(db).InequalitiesAsync(header, header.EditionIdOf(2018)!.Value, CancellationToken.None);

        var question = questions.Should().ContainSingle().Which;
        question.Question.Number.Should().Be(22);
        question.Groups.Select(g => (g.Breakdown.Word, g.Figure.Score, g.GroupDifferenceSignificant))
            .Should().BeEquivalentTo([("female", (double?)58, (bool?)false), ("male", 63, false)]);
    }

    [Fact]
    public async Task Inequalities_OfACcg_WithNoBreakdownPublished_AreNone()
    {
        var header = (await fixture.HeaderAsync("99X"))!;
        await using var db = fixture.Context(FixedViewer.Public);

        var questions = await new InequalitiesQuery(db).InequalitiesAsync(header, header.EditionIdOf(2018)!.Value, CancellationToken.None);

        questions.Should().BeEmpty();
    }
}
