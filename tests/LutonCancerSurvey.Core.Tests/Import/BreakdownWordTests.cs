using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Tests.Import;

/// <summary>A breakdown's tidy word: the words of sex and deprivation read and write as they always have; any other group is dimension:group.</summary>
public class BreakdownWordTests
{
    [Theory]
    [InlineData("all", "", "all", "all")]
    [InlineData("Male", "sex", "male", "male")]
    [InlineData("sex:FEMALE", "sex", "female", "female")]
    [InlineData("imd1", "deprivation", "1", "imd1")]
    [InlineData("deprivation:5", "deprivation", "5", "imd5")]
    [InlineData("age:16-24", "age", "16-24", "age:16-24")]
    [InlineData(" Ethnic-Group : Mixed / multiple ", "ethnic-group", "Mixed / multiple", "ethnic-group:Mixed / multiple")]
    [InlineData("sex:prefer not to say", "sex", "prefer not to say", "sex:prefer not to say")]
    public void TryParse_ReadsEachWord_AndWritesItBack(string word, string dimension, string group, string written)
    {
        Breakdown.TryParse(word, out var breakdown).Should().BeTrue();

        breakdown!.Dimension.Should().Be(dimension);
        breakdown.Group.Should().Be(group);
        breakdown.Word.Should().Be(written);
    }

    [Theory]
    [InlineData("")]
    [InlineData("men")]
    [InlineData("imd6")]
    [InlineData(":16-24")]
    [InlineData("age:")]
    [InlineData("age group:16-24")]
    [InlineData("1age:16-24")]
    public void TryParse_RefusesWhatIsNoBreakdown(string word)
    {
        Breakdown.TryParse(word, out _).Should().BeFalse();
    }

    [Fact]
    public void TryParse_RefusesAGroupLongerThanItsColumn()
    {
        Breakdown.TryParse("age:" + new string('x', Breakdown.MaxGroupLength + 1), out _).Should().BeFalse();
        Breakdown.TryParse("age:" + new string('x', Breakdown.MaxGroupLength), out _).Should().BeTrue();
    }

    [Fact]
    public void Seeded_KeepsTheIdsResultsOfEarlierVersionsStored()
    {
        Breakdown.Seeded.Select(s => (s.Id, s.Breakdown.Word)).Should().Equal(
            (1, "male"), (2, "female"), (11, "imd1"), (12, "imd2"), (13, "imd3"), (14, "imd4"), (15, "imd5"));
    }
}
