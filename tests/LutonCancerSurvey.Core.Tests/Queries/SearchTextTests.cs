using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Core.Tests.Queries;

public class SearchTextTests
{
    [Theory]
    [InlineData("GUY'S AND ST THOMAS' NHS FOUNDATION TRUST", "guys and st thomas nhs foundation trust")]
    [InlineData("Guy’s", "guys")]
    [InlineData("  NHS   Luton CCG ", "nhs luton ccg")]
    [InlineData("Luton-Dunstable", "luton dunstable")]
    [InlineData("Bedfordshire, Luton and Milton Keynes", "bedfordshire luton and milton keynes")]
    [InlineData("Saint-Étienne", "saint etienne")]
    [InlineData("'’", "")]
    public void Normalise_DropsCaseAccentsAndPunctuation(string text, string expected)
    {
        SearchText.Normalise(text).Should().Be(expected);
    }

    [Theory]
    [InlineData("guys")]
    [InlineData("Guy’s")]
    [InlineData("GUY'S")]
    [InlineData("st thomas")]
    public void Matches_WhateverTheApostropheOrCase_FindsTheName(string search)
    {
        SearchText.Matches("GUY'S AND ST THOMAS' NHS FOUNDATION TRUST", SearchText.Normalise(search)).Should().BeTrue();
    }

    [Fact]
    public void Matches_WithAnEmptySearch_FindsNothing()
    {
        SearchText.Matches("NHS Luton CCG", SearchText.Normalise("’")).Should().BeFalse();
    }
}
