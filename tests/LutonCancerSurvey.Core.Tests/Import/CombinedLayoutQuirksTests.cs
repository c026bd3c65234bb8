using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Tests.Import;

/// <summary>Every quirk of the real combined files, each written once in Fixtures/combined-valid.csv (invented figures).</summary>
public sealed class CombinedLayoutQuirksTests(CombinedFixtureImport import) : IClassFixture<CombinedFixtureImport>
{
    [Fact]
    public void TheFixtureImportsWithoutErrors()
    {
        import.Outcome.Errors.Should().BeEmpty();
        import.Outcome.ErrorCount.Should().Be(0);
        import.Outcome.Succeeded.Should().BeTrue();
        import.Outcome.Summary!.Layout.Should().Be("CPES combined");
        import.Outcome.Summary.Warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task WholeNumbersWrittenAsFloatsAreStoredAsRespondents()
    {
        await using var db = import.Database.NewContext();

        var result = await db.SingleResultAsync("99X", 2018, 22, ResultBasis.Unadjusted);

        result.Respondents.Should().Be(131);
        result.Score.Should().Be(66.0);
        result.Suppression.Should().Be(Suppression.None);
    }

    [Fact]
    public async Task BinaryNoiseInFiguresIsRoundedAway()
    {
        await using var db = import.Database.NewContext();

        var adjusted = await db.SingleResultAsync("99X", 2018, 22, ResultBasis.Adjusted);
        var unadjusted = await db.SingleResultAsync("99X", 2018, 22, ResultBasis.Unadjusted);
        var national = await db.SingleResultAsync(Vocabulary.EnglandCode, 2015, 22, ResultBasis.Trend);

        adjusted.CiLower.Should().Be(56.0);
        unadjusted.CiLower.Should().Be(58.0);
        national.Score.Should().Be(55.0);
    }

    [Fact]
    public async Task AnEmptyScoreWithFewRespondentsIsStoredAsSuppressedForFewRespondents()
    {
        await using var db = import.Database.NewContext();

        var result = await db.SingleResultAsync("99X", 2018, 22, ResultBasis.Unadjusted, "Sarcoma");

        result.Suppression.Should().Be(Suppression.FewRespondents);
        result.Score.Should().BeNull();
        result.Respondents.Should().BeNull();
        result.SourceRow.Should().Be(8);
    }

    [Fact]
    public async Task AnEmptyScoreWith21OrMoreRespondentsIsStoredAsSuppressedByTheSource()
    {
        await using var db = import.Database.NewContext();

        var result = await db.SingleResultAsync("99X", 2018, 22, ResultBasis.Unadjusted, "Skin");

        result.Suppression.Should().Be(Suppression.Source);
        result.Score.Should().BeNull();
        result.Respondents.Should().BeNull();
        result.CiLower.Should().BeNull();
        result.CiUpper.Should().BeNull();
    }

    [Fact]
    public async Task AShownScoreWithFewerThan21RespondentsIsStoredSuppressedWithoutAnyFigure()
    {
        await using var db = import.Database.NewContext();

        var result = await db.SingleResultAsync("99X", 2018, 22, ResultBasis.Unadjusted, "Lung");

        result.Suppression.Should().Be(Suppression.FewRespondents);
        result.Score.Should().BeNull();
        result.Respondents.Should().BeNull();
        result.CiLower.Should().BeNull();
        result.CiUpper.Should().BeNull();
    }

    [Fact]
    public async Task AShownScoreWithoutACountOfRespondentsIsKept()
    {
        await using var db = import.Database.NewContext();

        var result = await db.SingleResultAsync("E56000099", 2018, 22, ResultBasis.Unadjusted, breakdown: "imd5");

        result.Score.Should().Be(62.0);
        result.Respondents.Should().BeNull();
        result.Suppression.Should().Be(Suppression.None);
        result.GroupDifferenceSignificant.Should().BeFalse();
    }

    [Fact]
    public async Task TheNationalRowIsStoredAsEngland()
    {
        await using var db = import.Database.NewContext();

        var england = await db.OrganisationAsync(Vocabulary.EnglandCode);
        var result = await db.SingleResultAsync(Vocabulary.EnglandCode, 2018, 59, ResultBasis.Unadjusted);

        england.Name.Should().Be("England");
        england.Level.Should().Be(OrganisationLevel.National);
        england.AllianceId.Should().BeNull();
        (await db.Organisations.AnyAsync(o => o.Code == "All")).Should().BeFalse();
        result.Score.Should().Be(8.88);
        result.Respondents.Should().Be(71003);
        result.CiLower.Should().Be(8.87);
        result.CiUpper.Should().Be(8.89);
    }

    [Fact]
    public async Task ARoundedPercentageJustOutsideItsUnroundedIntervalIsAccepted()
    {
        await using var db = import.Database.NewContext();

        var result = await db.SingleResultAsync(Vocabulary.EnglandCode, 2018, 2, ResultBasis.Unadjusted);

        result.Score.Should().Be(76.0);
        result.CiLower.Should().Be(75.2);
        result.CiUpper.Should().Be(75.9);
        result.Respondents.Should().Be(70112);
    }

    [Fact]
    public async Task CCGsAndTrustsAreLinkedToAlliancesListedLaterInTheFile()
    {
        await using var db = import.Database.NewContext();

        var ccg = await db.OrganisationAsync("99X");
        var trust = await db.OrganisationAsync("RZZ");

        ccg.AllianceCode.Should().Be("E56000099");
        ccg.AllianceName.Should().Be("Test Alliance");
        ccg.Level.Should().Be(OrganisationLevel.Ccg);
        trust.AllianceCode.Should().Be("E56000099");
        trust.Level.Should().Be(OrganisationLevel.Trust);
    }

    [Fact]
    public async Task ACCGIsLinkedToItsAllianceWhenTheFileSpellsTheAllianceNameDifferently()
    {
        await using var db = import.Database.NewContext();

        var ccg = await db.OrganisationAsync("99Y");

        ccg.AllianceCode.Should().Be("E57000099");
        ccg.AllianceName.Should().Be("National Cancer Vanguard: Test and Demo Alliances");
    }

    [Fact]
    public async Task AlliancesThemselvesHaveNoAlliance()
    {
        await using var db = import.Database.NewContext();

        var alliances = await db.OrganisationEditions.AsNoTracking()
            .Where(f => f.Organisation!.Level == OrganisationLevel.CancerAlliance)
            .Select(f => new { f.Organisation!.Code, f.AllianceId })
            .ToListAsync();

        alliances.Select(a => a.Code).Distinct().Order().Should().Equal("E56000099", "E57000099");
        alliances.Should().OnlyContain(a => a.AllianceId == null);
    }

    [Theory]
    [InlineData("male", 410, 63.0, 58.0, 68.0, true)]
    [InlineData("female", 455, 57.0, 52.0, 62.0, true)]
    [InlineData("imd1", 180, 66.0, 59.0, 73.0, false)]
    [InlineData("all", 865, 60.0, 57.0, 63.0, null)]
    public async Task GenderAndDeprivationBreakdownsAreStoredAsSeparateResults(
        string breakdown, int respondents, double score, double ciLower, double ciUpper, bool? significant)
    {
        await using var db = import.Database.NewContext();

        var result = await db.SingleResultAsync("E56000099", 2018, 22, ResultBasis.Unadjusted, breakdown: breakdown);

        result.Respondents.Should().Be(respondents);
        result.Score.Should().Be(score);
        result.CiLower.Should().Be(ciLower);
        result.CiUpper.Should().Be(ciUpper);
        result.GroupDifferenceSignificant.Should().Be(significant);
    }

    [Fact]
    public async Task ATumourGroupRowIsStoredUnderItsTumourGroup()
    {
        await using var db = import.Database.NewContext();

        var breast = await db.SingleResultAsync("99X", 2018, 22, ResultBasis.Unadjusted, "Breast");
        var colorectal = await db.SingleResultAsync("99X", 2018, 54, ResultBasis.Unadjusted, "Colorectal");

        breast.TumourGroupId.Should().Be(3);
        breast.Respondents.Should().Be(34);
        breast.Score.Should().Be(71.0);
        breast.CiLower.Should().Be(55.0);
        breast.CiUpper.Should().Be(84.0);
        colorectal.TumourGroupId.Should().Be(4);
        colorectal.Score.Should().Be(79.0);
    }

    [Fact]
    public async Task AnAdjustedMeanScoreKeepsItsIntervalExpectedRangeAndBand()
    {
        await using var db = import.Database.NewContext();

        var result = await db.SingleResultAsync("99X", 2018, 59, ResultBasis.Adjusted);

        result.Score.Should().Be(8.81);
        result.Respondents.Should().Be(212);
        result.CiLower.Should().Be(8.62);
        result.CiUpper.Should().Be(9.0);
        result.ExpectedLower.Should().Be(8.55);
        result.ExpectedUpper.Should().Be(9.02);
        result.Band.Should().Be(Band.Within);
        result.Question!.Scoring.Should().Be(Scoring.MeanOutOfTen);
    }

    [Theory]
    [InlineData("99X", 22, Band.Above, 48.0, 62.0)]
    [InlineData("RZZ", 59, Band.Below, 8.95, 9.1)]
    [InlineData("99Y", 59, Band.Within, 8.4, 9.1)]
    [InlineData("E57000099", 59, Band.Within, 8.7, 8.9)]
    public async Task PerformanceRatingsAreStoredAsBands(string code, int question, Band band, double expectedLower, double expectedUpper)
    {
        await using var db = import.Database.NewContext();

        var result = await db.SingleResultAsync(code, 2018, question, ResultBasis.Adjusted);

        result.Band.Should().Be(band);
        result.ExpectedLower.Should().Be(expectedLower);
        result.ExpectedUpper.Should().Be(expectedUpper);
    }

    [Fact]
    public async Task UnadjustedResultsCarryNoBandOrExpectedRange()
    {
        await using var db = import.Database.NewContext();

        var result = await db.SingleResultAsync("99X", 2018, 22, ResultBasis.Unadjusted);

        result.Band.Should().BeNull();
        result.ExpectedLower.Should().BeNull();
        result.ExpectedUpper.Should().BeNull();
    }

    [Theory]
    [InlineData(2018, 22, ChangeDirection.Up, ChangeDirection.Unchanged)]
    [InlineData(2018, 54, ChangeDirection.Down, ChangeDirection.Down)]
    [InlineData(2017, 22, null, null)]
    public async Task PublishedChangeFlagsAreStoredOnTrendResults(
        int year, int question, ChangeDirection? sincePrevious, ChangeDirection? overall)
    {
        await using var db = import.Database.NewContext();

        var result = await db.SingleResultAsync("99X", year, question, ResultBasis.Trend);

        result.ChangeSincePrevious.Should().Be(sincePrevious);
        result.ChangeOverall.Should().Be(overall);
    }

    [Fact]
    public async Task QuotedQuestionTextWithACommaIsReadWholeAndTheSectionComesFromTheQuestionnaire()
    {
        await using var db = import.Database.NewContext();

        var result = await db.SingleResultAsync("99X", 2018, 22, ResultBasis.Unadjusted);

        result.Question!.Text.Should().Be("Were you told by hospital staff how to get financial help, or benefits?");
        result.Question.Section.Should().Be("Support for people with cancer");
        result.Question.Scoring.Should().Be(Scoring.PercentPositive);
    }

    [Fact]
    public async Task EachYearBecomesADraftEditionWithItsOwnQuestions()
    {
        await using var db = import.Database.NewContext();

        var editions = await db.Editions.AsNoTracking().OrderBy(e => e.Year).ToListAsync();
        var questions2018 = await db.Questions.AsNoTracking()
            .Where(q => q.Edition!.Year == 2018).Select(q => q.Number).OrderBy(n => n).ToListAsync();

        editions.Select(e => e.Year).Should().Equal(2015, 2017, 2018);
        editions.Should().OnlyContain(e => e.Status == EditionStatus.Draft && e.PublishedAt == null);
        questions2018.Should().Equal(2, 22, 54, 59);
    }

    [Fact]
    public void TheSummaryCountsRowsByLevelAndBasis()
    {
        var summary = import.Outcome.Summary!;

        summary.Rows.Should().Be(22);
        summary.Added.Should().Be(22);
        summary.Replaced.Should().Be(0);
        summary.Suppressed.Should().Be(3);
        summary.RowsByLevelAndBasis.Should().BeEquivalentTo(new Dictionary<(OrganisationLevel, ResultBasis), long>
        {
            [(OrganisationLevel.Ccg, ResultBasis.Adjusted)] = 3,
            [(OrganisationLevel.Ccg, ResultBasis.Unadjusted)] = 6,
            [(OrganisationLevel.Ccg, ResultBasis.Trend)] = 3,
            [(OrganisationLevel.Trust, ResultBasis.Adjusted)] = 1,
            [(OrganisationLevel.National, ResultBasis.Unadjusted)] = 2,
            [(OrganisationLevel.National, ResultBasis.Trend)] = 1,
            [(OrganisationLevel.CancerAlliance, ResultBasis.Unadjusted)] = 5,
            [(OrganisationLevel.CancerAlliance, ResultBasis.Adjusted)] = 1,
        });
        summary.Editions.Should().Equal(
            new EditionTouched(2015, EditionStatus.Draft, false),
            new EditionTouched(2017, EditionStatus.Draft, false),
            new EditionTouched(2018, EditionStatus.Draft, false));
    }

    [Fact]
    public async Task TheDatabaseHoldsOneResultPerRowAndOneOrganisationPerCode()
    {
        var counts = await import.Database.CountAsync();

        counts.Should().Be(new TableCounts(Results: 22, Organisations: 6, Editions: 3, Questions: 6, Imports: 1));
    }
}
