using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Presentation;

namespace LutonCancerSurvey.Web.Tests.Presentation;

public class PatientSummaryTests
{
    private static readonly SourceInfo Source = new("invented.csv", DateTimeOffset.UnixEpoch, 1, null);

    private static Figure Adjusted(double score, Band? band, Suppression suppression = Suppression.None) =>
        new(ResultBasis.Adjusted, 50, score, null, null, null, null, band, null, null, suppression, Source);

    private static QuestionResult Percent(int number, Figure own) =>
        new(new QuestionInfo(number, $"Question {number}", "Care", Scoring.PercentPositive), own, Adjusted(70, null));

    [Fact]
    public void For_AdjustedResults_GivesTheRatingAndCountsTheBands()
    {
        var results = new List<QuestionResult>
        {
            Percent(1, Adjusted(80, Band.Above)),
            Percent(2, Adjusted(60, Band.Below)),
            Percent(3, Adjusted(71, Band.Within)),
            Percent(4, Adjusted(72, Band.Within)),
            Percent(5, Adjusted(10, Band.Above, Suppression.FewRespondents)),
            new(new QuestionInfo(59, "Overall rating", "Overall", Scoring.MeanOutOfTen), Adjusted(8.74, null), Adjusted(8.8, null)),
        };

        var sentences = PatientSummary.For("NHS Testtown CCG", 2018, ResultBasis.Adjusted, results);

        sentences.Should().Equal(
            "In 2018, NHS Testtown CCG's cancer patients rated their care 8.74 out of 10 on average; across England the average was 8.80.",
            "Of 4 questions that can be compared fairly with the rest of England, 1 was better than expected, 1 worse than expected and 2 about as expected.");
    }

    [Fact]
    public void For_NothingThatMayBeShown_SaysNothing()
    {
        var results = new List<QuestionResult> { Percent(1, Adjusted(10, Band.Above, Suppression.FewRespondents)) };

        PatientSummary.For("NHS Testtown CCG", 2018, ResultBasis.Adjusted, results).Should().BeEmpty();
    }
}
