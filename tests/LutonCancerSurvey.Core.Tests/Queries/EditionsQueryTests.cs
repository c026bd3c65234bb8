using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.Queries;

public sealed class EditionsQueryTests(ReadFixture fixture) : IClassFixture<ReadFixture>
{
    [Fact]
    public async Task VisibleEditions_AsThePublic_AreThePublishedOnesNewestFirst()
    {
        await using var db = fixture.Context(FixedViewer.Public);

        var editions = await new EditionsQuery(db, TestClock.At()).VisibleEditionsAsync(CancellationToken.None);

        editions.Should().Equal(new VisibleEdition(2018, null), new VisibleEdition(2017, null));
    }

    [Fact]
    public async Task VisibleEditions_AsACommissioner_IncludeTheDraftUnderEmbargo()
    {
        await using var db = fixture.Context(FixedViewer.Commissioner);

        var editions = await new EditionsQuery(db, TestClock.At()).VisibleEditionsAsync(CancellationToken.None);

        editions.Should().Equal(
            new VisibleEdition(2019, new Embargo(2019, null)), new VisibleEdition(2018, null), new VisibleEdition(2017, null));
    }

    [Fact]
    public async Task QuestionnaireOf_AnEdition_IsTheQuestionnaireItUsed()
    {
        var header = (await fixture.HeaderAsync("99X"))!;
        await using var db = fixture.Context(FixedViewer.Public);

        var questionnaire = await new EditionsQuery(db, TestClock.At())
            .QuestionnaireOfAsync(header.EditionIdOf(2018)!.Value, CancellationToken.None);

        (questionnaire.FirstYear, questionnaire.LastYear).Should().Be((2015, 2019));
    }
}
