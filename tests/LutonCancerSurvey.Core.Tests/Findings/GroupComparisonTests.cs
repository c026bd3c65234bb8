using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Findings;

namespace LutonCancerSurvey.Core.Tests.Findings;

/// <summary>Which gap of a dimension the survey tested: the pair a row names, else the fixed pairs of sex and deprivation.</summary>
public class GroupComparisonTests
{
    private static readonly SourceInfo Source = new("constructed.csv", DateTimeOffset.UnixEpoch, 1, null);
    private static readonly QuestionInfo Q22 = new(22, "Were you told how to get financial help?", "Support for people with cancer", Scoring.PercentPositive);

    private static Breakdown Group(string word) => Breakdown.TryParse(word, out var b) ? b : throw new ArgumentException(word);

    private static GroupFigure Figure(string word, double score, int rank, bool? significant = null, string? comparedWith = null) =>
        new(Group(word), new Figure(ResultBasis.Unadjusted, null, score, null, null, null, null, null, null, null, Suppression.None, Source),
            significant, comparedWith is null ? null : Group(comparedWith), rank);

    [Fact]
    public void Of_TakesTheNamedPair_ForADimensionOtherThanSexAndDeprivation()
    {
        var question = new QuestionInequality(Q22,
        [
            Figure("all", 60, 0), Figure("male", 57, 10001, true), Figure("female", 63, 10002, true),
            Figure("age:16-24", 48, 20001, true, "age:75+"), Figure("age:25-64", 58, 20002), Figure("age:75+", 66, 20003, true, "age:16-24"),
            Figure("ethnic-group:White", 61, 30001),
        ]);

        var comparisons = GroupComparison.Of([question]);

        comparisons.Should().Equal(GroupComparison.Sex, new GroupComparison("age", Group("age:16-24"), Group("age:75+")));
        question.Gap(comparisons[1]).Should().Be(-18);
        question.Test(comparisons[1]).Should().BeTrue();
    }

    [Fact]
    public void Of_SeveralNamedPairsInADimension_GivesEachPairOnceWithItsOwnTest()
    {
        // Each younger band against the oldest: 75+ carries its test against 16-24 only.
        var question = new QuestionInequality(Q22,
        [
            Figure("all", 60, 0), Figure("age:16-24", 48, 20001, true, "age:75+"), Figure("age:25-64", 64, 20002, false, "age:75+"),
            Figure("age:75+", 66, 20003, true, "age:16-24"),
        ]);

        var comparisons = GroupComparison.Of([question]);
        var findings = InequalityFindings.Write("Test Alliance", 2019, [question]);

        comparisons.Should().Equal(
            new GroupComparison("age", Group("age:16-24"), Group("age:75+")),
            new GroupComparison("age", Group("age:25-64"), Group("age:75+")));
        comparisons.Select(question.Test).Should().Equal(true, false);
        comparisons.Select(question.Gap).Should().Equal(-18, -2);
        findings.Select(f => (f.Tested, f.Significant)).Should().Equal((1, 1), (1, 0));
    }

    [Fact]
    public void Findings_OfANamedPair_SpeakOfItsGroups()
    {
        var question = new QuestionInequality(Q22,
            [Figure("all", 60, 0), Figure("age:16-24", 48, 20001, true, "age:75+"), Figure("age:75+", 66, 20003, true, "age:16-24")]);

        var finding = InequalityFindings.Write("Test Alliance", 2019, [question]).Should().ContainSingle().Subject;

        finding.Gaps.Single().Sentence.Should().Be(
            "on Q22, “Were you told how to get financial help?”, patients in “16-24” (age) were less likely than those in “75+” to answer positively (48% against 66%)");
        finding.Summary.Should().StartWith(
            "The survey's test found a significant difference between patients in “16-24” (age) and those in “75+” on 1 of the 1 question it tested for Test Alliance in 2019");
    }

    [Fact]
    public void Largest_NamesTheLargestGapsAcrossDimensions_OnlyWhenMoreThanOneHasAny()
    {
        var both = new QuestionInequality(Q22,
        [
            Figure("all", 60, 0), Figure("male", 57, 10001, true), Figure("female", 63, 10002, true),
            Figure("age:16-24", 48, 20001, true, "age:75+"), Figure("age:75+", 66, 20003, true, "age:16-24"),
        ]);
        var sexOnly = new QuestionInequality(Q22, [Figure("all", 60, 0), Figure("male", 57, 10001, true), Figure("female", 63, 10002, true)]);

        var largest = InequalityFindings.Largest(InequalityFindings.Write("Test Alliance", 2019, [both]));

        largest.Should().Be(
            "Across every group the survey tested, the largest significant gaps: between patients in “16-24” (age) and those in “75+”, on Q22, "
            + "“Were you told how to get financial help?”, patients in “16-24” (age) were less likely than those in “75+” to answer positively (48% against 66%); "
            + "between men and women, on Q22, “Were you told how to get financial help?”, women were more likely than men to answer positively (63% against 57%).");
        InequalityFindings.Largest(InequalityFindings.Write("Test Alliance", 2019, [sexOnly])).Should().BeNull();
    }
}
