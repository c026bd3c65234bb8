using System.Text;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.Import;

/// <summary>
/// Every bad file fails with an error that names the line and the column, and leaves the database exactly as it was
/// (the valid fixture is imported first, so there is something to leave untouched).
/// </summary>
public sealed class BadInputTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _database = new();
    private TableCounts _before = null!;

    public async Task InitializeAsync()
    {
        var seed = await Importing.ImportFixtureAsync(_database, Fixtures.CombinedValid);
        seed.Succeeded.Should().BeTrue();
        _before = await _database.CountAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task AnUnknownHeaderIsRejectedOnLine1()
    {
        var outcome = await Importing.ImportTextAsync(_database, "name,value,colour\nTestshire,12,blue\n");

        await ShouldFailAsync(outcome, 1, null, "unknown header");
    }

    [Fact]
    public async Task AMissingColumnIsNamed()
    {
        var header = CombinedCsv.Header.Where(c => c != "Significance.test").ToList();
        var csv = CombinedCsv.Create().WithHeader(header).Row().ToString();

        var outcome = await Importing.ImportTextAsync(_database, csv);

        await ShouldFailAsync(outcome, 1, "Significance.test", "missing column");
    }

    [Fact]
    public async Task AnUnknownExtraColumnIsNamed()
    {
        var header = CombinedCsv.Header.Append("Colour").ToList();
        var csv = CombinedCsv.Create().WithHeader(header).Row().ToString();

        var outcome = await Importing.ImportTextAsync(_database, csv);

        await ShouldFailAsync(outcome, 1, "Colour", "unknown column");
    }

    [Fact]
    public async Task ANonNumericScoreIsRejected()
    {
        var csv = CombinedCsv.Create().Row().Row(("Cancer.Type", "Breast"), ("scored.percentage", "sixty")).ToString();

        var outcome = await Importing.ImportTextAsync(_database, csv);

        await ShouldFailAsync(outcome, 3, "scored.percentage", "'sixty' is not a number");
    }

    [Fact]
    public async Task APercentageAbove100IsRejected()
    {
        var csv = CombinedCsv.Create()
            .Row(("scored.percentage", "104.0"), ("Lower.95..confidence.interval", ""), ("Upper.95..confidence.interval", ""))
            .ToString();

        var outcome = await Importing.ImportTextAsync(_database, csv);

        await ShouldFailAsync(outcome, 2, "scored.percentage", "outside the scale");
    }

    [Fact]
    public async Task ANegativePercentageIsRejected()
    {
        var csv = CombinedCsv.Create()
            .Row(("scored.percentage", "-1.0"), ("Lower.95..confidence.interval", ""), ("Upper.95..confidence.interval", ""))
            .ToString();

        var outcome = await Importing.ImportTextAsync(_database, csv);

        await ShouldFailAsync(outcome, 2, "scored.percentage", "outside the scale");
    }

    [Fact]
    public async Task AMeanRatingAbove10IsRejected()
    {
        var csv = CombinedCsv.Create()
            .Row(
                ("Question.Number", "Q59"), ("qnum", "59.0"), ("Question.Text", "Overall, how would you rate the care?"),
                ("scored.percentage", "10.4"), ("Lower.95..confidence.interval", ""), ("Upper.95..confidence.interval", ""))
            .ToString();

        var outcome = await Importing.ImportTextAsync(_database, csv);

        await ShouldFailAsync(outcome, 2, "scored.percentage", "a mean score from 0 to 10");
    }

    [Fact]
    public async Task APercentageScaleScoreOnTheMeanQuestionIsRejected()
    {
        var csv = CombinedCsv.Create()
            .Row(("Question.Number", "Q59"), ("qnum", "59.0"), ("scored.percentage", "66.0"),
                ("Lower.95..confidence.interval", "58.0"), ("Upper.95..confidence.interval", "74.0"))
            .ToString();

        var outcome = await Importing.ImportTextAsync(_database, csv);

        outcome.Errors.Should().Contain(e => e.Line == 2 && e.Column == "scored.percentage");
        await ShouldBeUnchangedAsync(outcome);
    }

    [Fact]
    public async Task AScoreOutsideItsConfidenceIntervalIsRejected()
    {
        var csv = CombinedCsv.Create()
            .Row(("scored.percentage", "80.0"), ("Lower.95..confidence.interval", "60.0"), ("Upper.95..confidence.interval", "70.0"))
            .ToString();

        var outcome = await Importing.ImportTextAsync(_database, csv);

        await ShouldFailAsync(outcome, 2, "scored.percentage", "not within its confidence interval 60-70");
    }

    [Fact]
    public async Task AConfidenceIntervalWithItsEndsReversedIsRejected()
    {
        var csv = CombinedCsv.Create()
            .Row(("Lower.95..confidence.interval", "74.0"), ("Upper.95..confidence.interval", "58.0"))
            .ToString();

        var outcome = await Importing.ImportTextAsync(_database, csv);

        await ShouldFailAsync(outcome, 2, "Lower.95..confidence.interval", "above its upper end");
    }

    [Fact]
    public async Task AnUnknownTumourGroupIsRejected()
    {
        var csv = CombinedCsv.Create().Row(("Cancer.Type", "Kidney")).ToString();

        var outcome = await Importing.ImportTextAsync(_database, csv);

        await ShouldFailAsync(outcome, 2, "Cancer.Type", "'Kidney' is not a known tumour group");
    }

    [Fact]
    public async Task AnUnknownLevelIsRejected()
    {
        var csv = CombinedCsv.Create().Row(("Geog", "Region")).ToString();

        var outcome = await Importing.ImportTextAsync(_database, csv);

        await ShouldFailAsync(outcome, 2, "Geog", "'Region' is not one of");
    }

    [Fact]
    public async Task AnUnscoredQuestionIsRejected()
    {
        var csv = CombinedCsv.Create().Row(("Question.Number", "Q24"), ("qnum", "24.0")).ToString();

        var outcome = await Importing.ImportTextAsync(_database, csv);

        await ShouldFailAsync(outcome, 2, "Question.Number", "Q24 is not a scored question of the 2018 questionnaire");
    }

    [Fact]
    public async Task ARowBreakingDownByGenderAndDeprivationAtOnceIsRejected()
    {
        var csv = CombinedCsv.Create().Row(("Gender", "Male"), ("IMD", "3")).ToString();

        var outcome = await Importing.ImportTextAsync(_database, csv);

        await ShouldFailAsync(outcome, 2, "IMD", "not both");
    }

    [Fact]
    public async Task ADuplicateKeyWithinTheFileIsRejectedNamingBothLines()
    {
        var csv = CombinedCsv.Create()
            .Row()
            .Row(("Cancer.Type", "Breast"), ("Number.of.responses", "40.0"))
            .Row(("scored.percentage", "67.0"))
            .ToString();

        var outcome = await Importing.ImportTextAsync(_database, csv);

        await ShouldFailAsync(outcome, 4, null, "duplicate result: line 2");
    }

    [Fact]
    public async Task AnOrganisationCodeUsedAtTwoLevelsInOneEditionIsRejected()
    {
        var csv = CombinedCsv.Create().Row(("Geog", "Trust")).ToString();

        var outcome = await Importing.ImportTextAsync(_database, csv);

        await ShouldFailAsync(outcome, 2, null, "organisation 99X is at level 'ccg' in the 2018 edition, not 'trust'");
    }

    [Fact]
    public async Task ARowWithTheWrongNumberOfFieldsIsRejected()
    {
        var csv = CombinedCsv.Create()
            .Row()
            .RawLine("CCG,99X,NHS Testshire CCG,2018,Both,All,Breast,Q22,Text,unadjusted,40.0,70.0")
            .ToString();

        var outcome = await Importing.ImportTextAsync(_database, csv);

        await ShouldFailAsync(outcome, 3, null, "has 12 fields but the header has 25");
    }

    [Fact]
    public async Task AnEmptyFileIsRejected()
    {
        var outcome = await Importing.ImportAsync(_database, [], "empty.csv");

        await ShouldFailAsync(outcome, 0, null, "the file is empty");
    }

    [Fact]
    public async Task AFileWithOnlyTheHeaderIsRejected()
    {
        var outcome = await Importing.ImportTextAsync(_database, CombinedCsv.Create().ToString());

        await ShouldFailAsync(outcome, 1, null, "the file has a header but no results");
    }

    [Fact]
    public async Task ATruncatedGzipFileIsRejected()
    {
        var gzip = Importing.Gzip(Fixtures.Bytes(Fixtures.CombinedValid));
        var truncated = gzip[..(gzip.Length - 40)];

        var outcome = await Importing.ImportAsync(_database, truncated, "results.csv.gz");

        await ShouldFailAsync(outcome, 0, null, "gzip");
    }

    [Fact]
    public async Task AGzipFileCutJustBeforeItsTrailerIsRejected()
    {
        var gzip = Importing.Gzip(Fixtures.Bytes(Fixtures.CombinedValid));
        var truncated = gzip[..(gzip.Length - 8)];

        var outcome = await Importing.ImportAsync(_database, truncated, "results.csv.gz");

        await ShouldFailAsync(outcome, 0, null, "gzip");
    }

    [Fact]
    public async Task AFileThatIsNotUTF8IsRejected()
    {
        var csv = CombinedCsv.Create().Row(("Trust.Name", "NHS Testshire CCG \u00e9")).ToString();
        var windows1252 = Encoding.Latin1.GetBytes(csv);
        windows1252.Should().Contain(0xE9);

        var outcome = await Importing.ImportAsync(_database, windows1252, "results.csv");

        await ShouldFailAsync(outcome, 0, null, "not UTF-8");
    }

    [Fact]
    public async Task ErrorsAreListedUpToTheLimitAndAllCounted()
    {
        var csv = CombinedCsv.Create();
        var tumourGroups = new[] { "Breast", "Colorectal", "Lung", "Prostate", "Skin", "Sarcoma", "Other" };
        foreach (var tumourGroup in tumourGroups)
        {
            csv.Row(("Cancer.Type", tumourGroup), ("scored.percentage", "n/a"));
        }

        var outcome = await Importing.ImportTextAsync(_database, csv.ToString(), options: new ImportOptions { MaxErrorsListed = 3 });

        outcome.Succeeded.Should().BeFalse();
        outcome.Summary.Should().BeNull();
        outcome.ErrorCount.Should().Be(7);
        outcome.Errors.Select(e => e.Line).Should().Equal(2, 3, 4);
        outcome.Errors.Should().OnlyContain(e => e.Column == "scored.percentage");
        (await _database.CountAsync()).Should().Be(_before);
    }

    [Fact]
    public async Task OneBadRowAmongGoodRowsWritesNoneOfThem()
    {
        var csv = CombinedCsv.Create()
            .Row(("Trust.Code", "98A"), ("Trust.Name", "NHS Newshire CCG"))
            .Row(("Trust.Code", "98A"), ("Trust.Name", "NHS Newshire CCG"), ("Cancer.Type", "Breast"))
            .Row(("Trust.Code", "98A"), ("Trust.Name", "NHS Newshire CCG"), ("Year", "2016"), ("Cancer.Type", "Kidney"));

        var outcome = await Importing.ImportTextAsync(_database, csv.ToString());

        await ShouldFailAsync(outcome, 4, "Cancer.Type", "Kidney");
    }

    [Fact]
    public void ErrorsReadAsLineAndColumn()
    {
        new ImportError(3, "scored.percentage", "'x' is not a number").ToString()
            .Should().Be("line 3, column 'scored.percentage': 'x' is not a number");
        new ImportError(0, null, "the file is empty").ToString().Should().Be("the file is empty", "the whole file has no line to name");
    }

    [Theory]
    [InlineData("=98D")]
    [InlineData("<i>98F")]
    [InlineData("98f")]
    [InlineData("9 8F")]
    public async Task AnOrganisationCodeOtherThanCapitalLettersAndDigitsIsNamedByLineAndColumn(string code)
    {
        var csv = CombinedCsv.Create().Row().Row(("Cancer.Type", "Breast"), ("Trust.Code", code)).ToString();

        var outcome = await Importing.ImportTextAsync(_database, csv);

        await ShouldFailAsync(outcome, 3, "Trust.Code", $"'{code}' is not an organisation code: codes are capital letters and digits only");
    }

    [Fact]
    public void AnErrorOfTheWholeFileIsSaidOfTheFileNotOfLine0()
    {
        var error = new ImportError(0, null, "the file is not UTF-8 text");
        var group = new ImportErrorGroup(null, "the file is larger than 1 MiB once decompressed", 1, [(0, 0)], false);

        error.ToString().Should().Be("the file is not UTF-8 text");
        group.ToString().Should().Be("the file is larger than 1 MiB once decompressed");
    }

    private async Task ShouldFailAsync(ImportOutcome outcome, int line, string? column, string message)
    {
        outcome.Errors.Should().ContainSingle();
        var error = outcome.Errors[0];
        error.Line.Should().Be(line);
        error.Column.Should().Be(column);
        error.Message.Should().Contain(message);
        outcome.ErrorCount.Should().Be(1);
        await ShouldBeUnchangedAsync(outcome);
    }

    private async Task ShouldBeUnchangedAsync(ImportOutcome outcome)
    {
        outcome.Succeeded.Should().BeFalse();
        outcome.Summary.Should().BeNull();
        (await _database.CountAsync()).Should().Be(_before);
    }
}
