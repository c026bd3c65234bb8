using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.DomainRules;

public sealed class ComparatorTests
{
    private static readonly Figure Adjusted = Figures.Of(ResultBasis.Adjusted, 61);
    private static readonly Figure Unadjusted = Figures.Of(ResultBasis.Unadjusted, 62);
    private static readonly Figure Trend = Figures.Of(ResultBasis.Trend, 63);

    [Fact]
    public void Choose_WithTheSameBasisPublished_TakesIt()
    {
        var chosen = Comparator.Choose([Unadjusted, Adjusted, Trend], ResultBasis.Adjusted);

        chosen.Should().BeSameAs(Adjusted);
    }

    [Fact]
    public void Choose_AnAdjustedResultAgainstEnglandWithoutAnAdjustedFigure_TakesTheUnadjustedOne()
    {
        var chosen = Comparator.Choose([Trend, Unadjusted], ResultBasis.Adjusted);

        chosen.Should().BeSameAs(Unadjusted);
    }

    [Fact]
    public void Choose_ATrendResultWithoutATrendFigure_TakesTheUnadjustedOneBeforeTheAdjusted()
    {
        var chosen = Comparator.Choose([Adjusted, Unadjusted], ResultBasis.Trend);

        chosen.Should().BeSameAs(Unadjusted);
    }

    [Fact]
    public void Choose_AnUnadjustedResultWithOnlyAnAdjustedFigure_TakesThatAsTheLastResort()
    {
        var chosen = Comparator.Choose([Adjusted], ResultBasis.Unadjusted);

        chosen.Should().BeSameAs(Adjusted);
    }

    [Fact]
    public void Choose_WithNoFigures_GivesNone()
    {
        var chosen = Comparator.Choose([], ResultBasis.Unadjusted);

        chosen.Should().BeNull();
    }

    [Fact]
    public void Preference_ForEachBasis_IsTheOrderTheFiguresAreLookedFor()
    {
        Comparator.Preference(ResultBasis.Trend).Should().Equal(ResultBasis.Trend, ResultBasis.Unadjusted, ResultBasis.Adjusted);
        Comparator.Preference(ResultBasis.Adjusted).Should().Equal(ResultBasis.Adjusted, ResultBasis.Unadjusted, ResultBasis.Trend);
        Comparator.Preference(ResultBasis.Unadjusted).Should().Equal(ResultBasis.Unadjusted, ResultBasis.Trend, ResultBasis.Adjusted);
    }

    [Theory]
    [InlineData(TumourGroups.AllCancersId, ResultBasis.Trend)]
    [InlineData(TumourGroups.AllCancersId + 1, ResultBasis.Unadjusted)]
    public void TrendBasis_ForATumourGroup_IsTheYearOnYearFiguresOnlyForAllCancers(int tumourGroupId, ResultBasis expected)
    {
        TrendBasis.For(tumourGroupId).Should().Be(expected);
    }
}
