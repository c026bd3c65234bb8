using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Findings;

namespace LutonCancerSurvey.Core.Tests.Findings;

/// <summary>The inequality findings on constructed cases: only the survey's own test makes a gap significant.</summary>
public class InequalityFindingsTests
{
    private static readonly SourceInfo Source = new("constructed.csv", DateTimeOffset.UnixEpoch, 1, null);
    private static readonly QuestionInfo Q22 = new(22, "Were you told how to get financial help?", "Support for people with cancer", Scoring.PercentPositive);
    private static readonly QuestionInfo Q28 = new(28, "Did doctors talk in front of you as if you were not there?", "Hospital care as an inpatient", Scoring.PercentPositive);
    private static readonly QuestionInfo Q59 = new(59, "Overall, how would you rate your care?", "Your overall NHS care", Scoring.MeanOutOfTen);

    private static GroupFigure Group(Breakdown breakdown, double? score, bool? significant = null, Suppression suppression = Suppression.None) =>
        new(breakdown,
            new Figure(ResultBasis.Unadjusted, null, suppression == Suppression.None ? score : null, null, null, null, null, null, null, null, suppression, Source),
            suppression == Suppression.None ? significant : null);

    private static QuestionInequality Sex(QuestionInfo question, double men, double women, bool? significant) =>
        new(question, [Group(Breakdown.AllPatients, (men + women) / 2), Group(Breakdown.Male, men, significant), Group(Breakdown.Female, women, significant)]);

    private static QuestionInequality Deprivation(QuestionInfo question, double imd1, double imd5, bool? significant) =>
        new(question,
        [
            Group(Breakdown.AllPatients, (imd1 + imd5) / 2), Group(Breakdown.Imd1, imd1, significant), Group(Breakdown.Imd2, imd1),
            Group(Breakdown.Imd3, imd1), Group(Breakdown.Imd4, imd5), Group(Breakdown.Imd5, imd5, significant),
        ]);

    private static InequalityFinding Of(IReadOnlyList<InequalityFinding> findings, GroupComparison comparison) =>
        findings.Should().ContainSingle(f => f.Comparison == comparison).Subject;

    [Fact]
    public void SignificantGaps_AreListedLargestFirst_WithTheirDirection()
    {
        var questions = new[]
        {
            Sex(Q22, men: 55, women: 61, significant: true),
            Sex(Q28, men: 80, women: 70, significant: true),
            Sex(Q59, men: 8.83, women: 8.78, significant: true),
        };

        var sex = Of(InequalityFindings.Write("Test Alliance", 2018, questions), GroupComparison.Sex);

        sex.Tested.Should().Be(3);
        sex.Significant.Should().Be(3);
        sex.Gaps.Select(g => g.Question.Number).Should().Equal(28, 22, 59);
        sex.Gaps[0].Sentence.Should().Be(
            "on Q28, “Did doctors talk in front of you as if you were not there?”, women were less likely than men to answer positively (70% against 80%)");
        sex.Gaps[1].Sentence.Should().Contain("women were more likely than men to answer positively (61% against 55%)");
        sex.Gaps[2].Sentence.Should().Be(
            "on Q59, “Overall, how would you rate your care?”, women gave a lower rating than men (8.78 against 8.83)");
        sex.Summary.Should().StartWith(
            "The survey's test found a significant difference between men and women on 3 of the 3 questions it tested for Test Alliance in 2018: "
            + "women answered more positively than men on 1 and less positively on 2. Largest first: on Q28,");
    }

    [Fact]
    public void Deprivation_SpeaksOfTheMostDeprivedAreas()
    {
        var questions = new[] { Deprivation(Q22, imd1: 52, imd5: 68, significant: true) };

        var deprivation = Of(InequalityFindings.Write("England", 2018, questions), GroupComparison.Deprivation);

        deprivation.Gaps.Should().ContainSingle().Which.Sentence.Should().Be(
            "on Q22, “Were you told how to get financial help?”, patients from the most deprived areas were less likely than those from the least deprived areas to answer positively (52% against 68%)");
        deprivation.Summary.Should().Contain("between patients from the most and least deprived areas (IMD quintiles 1 and 5) on 1 of the 1 question it tested")
            .And.Contain("It was that on Q22");
    }

    [Fact]
    public void NoSignificantGap_SaysSoWithoutNamingAnyQuestion()
    {
        var questions = new[] { Sex(Q22, men: 55, women: 61, significant: false), Sex(Q59, men: 8.8, women: 8.9, significant: false) };

        var sex = Of(InequalityFindings.Write("Test Alliance", 2018, questions), GroupComparison.Sex);

        sex.Gaps.Should().BeEmpty();
        sex.Summary.Should().Be("The survey's test found no significant difference between men and women on any of the 2 questions it tested for Test Alliance in 2018.");
    }

    [Fact]
    public void WithoutAPublishedTest_NoDifferenceIsClaimed_HoweverLargeTheGap()
    {
        var questions = new[] { Sex(Q22, men: 40, women: 80, significant: null) };

        var sex = Of(InequalityFindings.Write("Test Alliance", 2018, questions), GroupComparison.Sex);

        sex.Tested.Should().Be(0);
        sex.Gaps.Should().BeEmpty();
        sex.Summary.Should().Be("The survey published no test of the difference between men and women for Test Alliance in 2018, so no difference is claimed.");
    }

    [Fact]
    public void SignificantGap_WithEqualPublishedFigures_StatesNoDirection()
    {
        var questions = new[] { Sex(Q22, men: 61.2, women: 60.8, significant: true) };

        var sex = Of(InequalityFindings.Write("England", 2018, questions), GroupComparison.Sex);

        sex.Gaps.Single().Sentence.Should().Be(
            "on Q22, “Were you told how to get financial help?”, the survey's test found a significant difference, but the published figures are equal once rounded (61% against 61%), so no direction is stated");
        sex.Summary.Should().Contain("women answered more positively than men on 0 and less positively on 0; on 1 the published figures are equal once rounded or not shown, so no direction is stated");
    }

    [Fact]
    public void SuppressedSide_IsNeverQuoted_AndItsGapHasNoDirection()
    {
        var question = new QuestionInequality(Q22,
        [
            Group(Breakdown.AllPatients, 60), Group(Breakdown.Male, 58, significant: true),
            Group(Breakdown.Female, null, significant: true, suppression: Suppression.Source),
        ]);

        var sex = Of(InequalityFindings.Write("Test Alliance", 2018, [question]), GroupComparison.Sex);

        question.Gap(GroupComparison.Sex).Should().BeNull();
        question.Test(GroupComparison.Sex).Should().BeTrue("the men's row still carries the published test");
        sex.Gaps.Single().Sentence.Should().NotContain("58").And.EndWith("but a group's figure is not shown, so no direction is stated");
    }

    [Fact]
    public void Test_WhenTheTwoSidesDisagree_IsTakenAsNoTest()
    {
        var question = new QuestionInequality(Q22,
            [Group(Breakdown.Male, 55, significant: true), Group(Breakdown.Female, 61, significant: false)]);

        question.Test(GroupComparison.Sex).Should().BeNull();
        question.Gap(GroupComparison.Sex).Should().Be(6);
    }

    [Fact]
    public void Caveat_SaysTheGapsAreUnadjusted_AndHowManyChanceAloneWouldMarkSignificant()
    {
        var questions = Enumerable.Range(1, 30)
            .Select(n => Sex(Q22 with { Number = n }, men: 50, women: 60, significant: n <= 4))
            .Concat(Enumerable.Range(31, 10).Select(n => Deprivation(Q22 with { Number = n }, imd1: 50, imd5: 60, significant: n == 31)))
            .ToList();

        var caveat = InequalityFindings.Caveat(InequalityFindings.Write("Test Alliance", 2018, questions));

        caveat.Should().Be(
            "These gaps are unadjusted: they compare groups of patients as they are, not as if they had the same tumour types, ages and other "
            + "characteristics, so a gap may reflect who the patients are rather than the care they were given. The survey tested 40 gaps here and "
            + "found 5 significant. At the usual 5 % level, chance alone marks about one gap in 20 significant where there is no real difference, "
            + "so about 2 of these 40 would be expected to be significant by chance alone; the gaps are not corrected for the number of tests.");
    }

    [Fact]
    public void Caveat_WithFewTests_SaysFewerThanOne_AndWithoutTests_OnlyThatTheGapsAreUnadjusted()
    {
        var few = InequalityFindings.Caveat(InequalityFindings.Write("Test Alliance", 2018, [Sex(Q22, men: 50, women: 60, significant: true)]));
        var none = InequalityFindings.Caveat(InequalityFindings.Write("Test Alliance", 2018, [Sex(Q22, men: 50, women: 60, significant: null)]));

        few.Should().Contain("The survey tested 1 gap here and found 1 significant.").And.Contain("so fewer than one of these 1 would be expected");
        none.Should().StartWith("These gaps are unadjusted:").And.NotContain("chance");
    }

    [Fact]
    public void NoBreakdown_WritesNoFindings()
    {
        InequalityFindings.Write("NHS Testshire CCG", 2018, []).Should().BeEmpty();
    }
}
