using System.Security.Cryptography;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Tests.Import;

/// <summary>Merging by natural key, gzip, publishing, the tidy layout and the import record.</summary>
public sealed class ImporterBehaviourTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Import_HandsItsConnectionBackWithTheDefaultPageCache()
    {
        await using var db = _database.NewContext();
        await db.Database.OpenConnectionAsync();
        var importer = new SurveyImporter(db, TestClock.At());
        using var file = new MemoryStream(Fixtures.Bytes("combined-valid.csv"), writable: false);

        var outcome = await importer.ImportAsync(file, "combined-valid.csv", new ImportOptions(), progress: null, CancellationToken.None);
        await using var pragma = db.Database.GetDbConnection().CreateCommand();
        pragma.CommandText = "PRAGMA cache_size";
        var cacheSize = (long)(await pragma.ExecuteScalarAsync())!;

        outcome.Succeeded.Should().BeTrue();
        cacheSize.Should().Be(-2000, "a pooled connection keeping the import's 128 MB cache would grow every page query's memory");
    }

    [Fact]
    public async Task AQuestionWordedTwoWaysTakesTheWordingMostRowsGiveAndSaysSo()
    {
        const string Usual = "Were you told by hospital staff how to get financial help, or benefits?";
        const string Stray = "Were you told how to get financial help?";
        var csv = CombinedCsv.Create()
            .Row(("Trust.Code", "91A"))
            .Row(("Trust.Code", "91B"))
            .Row(("Trust.Code", "91C"))
            .Row(("Trust.Code", "91D"), ("Question.Text", Stray));

        var outcome = await Importing.ImportTextAsync(_database, csv.ToString());

        outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        outcome.Summary!.Warnings[0].Should().Be(
            $"Q22 of 2018 is worded 2 ways in this file: \"{Usual}\" (3 rows) is kept, not \"{Stray}\" (1 row)");
        await using var db = _database.NewContext();
        (await db.Questions.Where(q => q.Number == 22).Select(q => q.Text).SingleAsync()).Should().Be(Usual);
    }

    [Fact]
    public async Task ASecondFileReplacesResultsWithTheSameKeyAndAddsNewOnes()
    {
        var first = CombinedCsv.Create()
            .Row()
            .Row(("Cancer.Type", "Breast"), ("Number.of.responses", "40.0"), ("scored.percentage", "70.0"),
                ("Lower.95..confidence.interval", "55.0"), ("Upper.95..confidence.interval", "82.0"));
        var second = CombinedCsv.Create()
            .Row(("Cancer.Type", "Lung"), ("Number.of.responses", "52.0"), ("scored.percentage", "58.0"),
                ("Lower.95..confidence.interval", "45.0"), ("Upper.95..confidence.interval", "70.0"))
            .Row(("Number.of.responses", "133.0"), ("scored.percentage", "68.0"),
                ("Lower.95..confidence.interval", "60.0"), ("Upper.95..confidence.interval", "75.0"));
        var firstOutcome = await Importing.ImportTextAsync(_database, first.ToString(), "first.csv");

        var outcome = await Importing.ImportTextAsync(_database, second.ToString(), "second.csv");

        outcome.Succeeded.Should().BeTrue();
        outcome.Summary!.Rows.Should().Be(2);
        outcome.Summary.Replaced.Should().Be(1);
        outcome.Summary.Added.Should().Be(1);
        outcome.Summary.Editions.Should().Equal(new EditionTouched(2018, EditionStatus.Draft, false));
        await using var db = _database.NewContext();
        var imports = await db.Imports.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
        imports.Select(i => i.FileName).Should().Equal("first.csv", "second.csv");
        firstOutcome.Summary!.Added.Should().Be(2);

        var replaced = await db.SingleResultAsync("99X", 2018, 22, ResultBasis.Unadjusted);
        replaced.Score.Should().Be(68.0);
        replaced.Respondents.Should().Be(133);
        replaced.CiLower.Should().Be(60.0);
        replaced.CiUpper.Should().Be(75.0);
        replaced.ImportId.Should().Be(imports[1].Id);
        replaced.SourceRow.Should().Be(3);

        var untouched = await db.SingleResultAsync("99X", 2018, 22, ResultBasis.Unadjusted, "Breast");
        untouched.Score.Should().Be(70.0);
        untouched.Respondents.Should().Be(40);
        untouched.ImportId.Should().Be(imports[0].Id);
        untouched.SourceRow.Should().Be(3);

        var added = await db.SingleResultAsync("99X", 2018, 22, ResultBasis.Unadjusted, "Lung");
        added.Score.Should().Be(58.0);
        added.ImportId.Should().Be(imports[1].Id);
        added.SourceRow.Should().Be(2);

        (await _database.CountAsync()).Should().Be(new TableCounts(Results: 3, Organisations: 1, Editions: 1, Questions: 1, Imports: 2));
    }

    [Fact]
    public async Task AReplacedResultThatIsNowSuppressedLosesItsOldFigures()
    {
        await Importing.ImportTextAsync(_database, CombinedCsv.Create().Row().ToString());

        var outcome = await Importing.ImportTextAsync(_database, CombinedCsv.Create()
            .Row(("Number.of.responses", "19.0"), ("scored.percentage", ""), ("Lower.95..confidence.interval", ""),
                ("Upper.95..confidence.interval", ""))
            .ToString());

        outcome.Summary!.Replaced.Should().Be(1);
        outcome.Summary.Suppressed.Should().Be(1);
        await using var db = _database.NewContext();
        var result = await db.SingleResultAsync("99X", 2018, 22, ResultBasis.Unadjusted);
        result.Suppression.Should().Be(Suppression.FewRespondents);
        result.Score.Should().BeNull();
        result.Respondents.Should().BeNull();
        result.CiLower.Should().BeNull();
        result.CiUpper.Should().BeNull();
    }

    [Fact]
    public async Task ImportingTheSameFileTwiceReplacesEveryRowAndAddsNone()
    {
        await Importing.ImportFixtureAsync(_database, Fixtures.CombinedValid);
        var before = await _database.CountAsync();

        var outcome = await Importing.ImportFixtureAsync(_database, Fixtures.CombinedValid);

        outcome.Summary!.Replaced.Should().Be(22);
        outcome.Summary.Added.Should().Be(0);
        (await _database.CountAsync()).Should().Be(before with { Imports = 2 });
    }

    [Fact]
    public async Task AGzipFileImportsTheSameAsThePlainFile()
    {
        using var plainDatabase = new TestDatabase();
        var plain = await Importing.ImportFixtureAsync(plainDatabase, Fixtures.CombinedValid);

        var gzip = await Importing.ImportAsync(
            _database, Importing.Gzip(Fixtures.Bytes(Fixtures.CombinedValid)), "combined-valid.csv.gz");

        gzip.Succeeded.Should().BeTrue();
        gzip.Summary!.Rows.Should().Be(plain.Summary!.Rows);
        gzip.Summary.RowsByLevelAndBasis.Should().BeEquivalentTo(plain.Summary.RowsByLevelAndBasis);
        gzip.Summary.Suppressed.Should().Be(plain.Summary.Suppressed);
        (await StoredResultsAsync(_database)).Should().Equal(await StoredResultsAsync(plainDatabase));
        (await _database.CountAsync()).Should().Be(await plainDatabase.CountAsync());
    }

    [Fact]
    public async Task PublishPublishesEveryEditionTheFileTouchesAndNoOther()
    {
        await Importing.ImportTextAsync(_database, CombinedCsv.Create().Row(("Year", "2016")).ToString());
        var now = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);

        var outcome = await Importing.ImportFixtureAsync(
            _database, Fixtures.CombinedValid, new ImportOptions { Publish = true }, TestClock.At(now));

        outcome.Summary!.Editions.Should().Equal(
            new EditionTouched(2015, EditionStatus.Published, false),
            new EditionTouched(2017, EditionStatus.Published, false),
            new EditionTouched(2018, EditionStatus.Published, false));
        await using var db = _database.NewContext();
        var editions = await db.Editions.AsNoTracking().OrderBy(e => e.Year).ToListAsync();
        editions.Select(e => (e.Year, e.Status, e.PublishedAt)).Should().Equal(
            (2015, EditionStatus.Published, now),
            (2016, EditionStatus.Draft, (DateTimeOffset?)null),
            (2017, EditionStatus.Published, now),
            (2018, EditionStatus.Published, now));
    }

    [Fact]
    public async Task ReimportingIntoAPublishedEditionKeepsItsPublicationDateAndSaysItWasPublished()
    {
        var published = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
        await Importing.ImportAsync(_database, CombinedCsv.Create().Row().ToBytes(), "a.csv",
            new ImportOptions { Publish = true }, TestClock.At(published));

        var outcome = await Importing.ImportAsync(_database, CombinedCsv.Create().Row().ToBytes(), "b.csv",
            new ImportOptions { Publish = true }, TestClock.At(published.AddDays(3)));

        outcome.Summary!.Editions.Should().Equal(new EditionTouched(2018, EditionStatus.Published, true));
        await using var db = _database.NewContext();
        (await db.Editions.AsNoTracking().SingleAsync()).PublishedAt.Should().Be(published);
    }

    [Fact]
    public async Task TheImportRecordKeepsTheFileNameHashTimeAndRowCountAndEachResultPointsBackToItsLine()
    {
        var bytes = Fixtures.Bytes(Fixtures.CombinedValid);
        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var outcome = await Importing.ImportAsync(_database, bytes, "/uploads/incoming/combined-valid.csv");

        outcome.Summary!.FileName.Should().Be("combined-valid.csv");
        outcome.Summary.Sha256.Should().Be(expectedHash);
        await using var db = _database.NewContext();
        var record = await db.Imports.AsNoTracking().SingleAsync();
        record.FileName.Should().Be("combined-valid.csv");
        record.Sha256.Should().Be(expectedHash);
        record.ImportedAt.Should().Be(TestClock.DefaultNow);
        record.Rows.Should().Be(22);
        var results = await db.Results.AsNoTracking().ToListAsync();
        results.Should().OnlyContain(r => r.ImportId == record.Id);
        results.Select(r => r.SourceRow).Should().BeEquivalentTo(Enumerable.Range(2, 22));
        (await db.SingleResultAsync("RZZ", 2018, 59, ResultBasis.Adjusted)).SourceRow.Should().Be(13);
        (await db.SingleResultAsync("E57000099", 2018, 59, ResultBasis.Adjusted)).SourceRow.Should().Be(23);
    }

    [Fact]
    public async Task TheHashOfAGzipFileIsTheHashOfTheBytesGiven()
    {
        var gzip = Importing.Gzip(Fixtures.Bytes(Fixtures.CombinedValid));

        var outcome = await Importing.ImportAsync(_database, gzip, "combined-valid.csv.gz");

        outcome.Summary!.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(gzip)));
    }

    [Fact]
    public async Task AUTF8FileWithAByteOrderMarkAndAccentedNamesIsRead()
    {
        var csv = CombinedCsv.Create().Row(("Trust.Name", "NHS Test\u00e9shire CCG")).ToString();
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(csv)).ToArray();

        var outcome = await Importing.ImportAsync(_database, bytes, "bom.csv");

        outcome.Succeeded.Should().BeTrue();
        await using var db = _database.NewContext();
        (await db.OrganisationAsync("99X")).Name.Should().Be("NHS Test\u00e9shire CCG");
    }

    [Fact]
    public async Task TheTidyLayoutIsReadWithItsSectionsAllianceCodesSuppressionAndNotes()
    {
        var outcome = await Importing.ImportFixtureAsync(_database, Fixtures.TidyValid);

        outcome.Errors.Should().BeEmpty();
        outcome.Summary!.Layout.Should().Be("tidy");
        outcome.Summary.Rows.Should().Be(6);
        outcome.Summary.Suppressed.Should().Be(1);
        outcome.Summary.RowsByLevelAndBasis.Should().BeEquivalentTo(new Dictionary<(OrganisationLevel, ResultBasis), long>
        {
            [(OrganisationLevel.National, ResultBasis.Unadjusted)] = 1,
            [(OrganisationLevel.CancerAlliance, ResultBasis.Adjusted)] = 1,
            [(OrganisationLevel.CancerAlliance, ResultBasis.Unadjusted)] = 1,
            [(OrganisationLevel.Ccg, ResultBasis.Adjusted)] = 1,
            [(OrganisationLevel.Ccg, ResultBasis.Unadjusted)] = 2,
        });
        await using var db = _database.NewContext();
        (await db.OrganisationAsync("99X")).AllianceCode.Should().Be("E56000099");

        var adjusted = await db.SingleResultAsync("99X", 2019, 59, ResultBasis.Adjusted);
        adjusted.Score.Should().Be(8.7);
        adjusted.Respondents.Should().Be(204);
        adjusted.Band.Should().Be(Band.Within);
        adjusted.ExpectedLower.Should().Be(8.5);
        adjusted.ExpectedUpper.Should().Be(9.1);
        adjusted.ChangeSincePrevious.Should().Be(ChangeDirection.Up);
        adjusted.ChangeOverall.Should().Be(ChangeDirection.Unchanged);
        adjusted.Question!.Section.Should().Be("Your overall NHS care");
        adjusted.Question.Scoring.Should().Be(Scoring.MeanOutOfTen);

        var suppressed = await db.SingleResultAsync("99X", 2019, 22, ResultBasis.Unadjusted, "Breast");
        suppressed.Suppression.Should().Be(Suppression.FewRespondents);
        suppressed.Score.Should().BeNull();

        var noted = await db.SingleResultAsync("99X", 2019, 22, ResultBasis.Unadjusted);
        noted.SourceNote.Should().Be("Testshire CCG annual report 2020, page 4");
        noted.Score.Should().Be(68.0);

        var female = await db.SingleResultAsync("E56000099", 2019, 22, ResultBasis.Unadjusted, breakdown: "female");
        female.GroupDifferenceSignificant.Should().BeFalse();
        female.Respondents.Should().Be(470);
    }

    [Fact]
    public async Task ATidyRowWithAnEmptyScoreThatIsNotMarkedSuppressedIsRejected()
    {
        var lines = File.ReadAllLines(Fixtures.PathOf(Fixtures.TidyValid));
        var header = lines[0];
        var row = lines[1].Replace(",60250,8.9,", ",60250,,", StringComparison.Ordinal);

        var outcome = await Importing.ImportTextAsync(_database, header + "\n" + row + "\n", "tidy.csv");

        outcome.Succeeded.Should().BeFalse();
        outcome.Errors.Should().ContainSingle().Which.Should().Be(
            new ImportError(2, "score", "is empty but the row is not marked suppressed (few-respondents or source)"));
        (await _database.CountAsync()).Should().Be(new TableCounts(0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task ATidyRowWithAScoreButNoRespondentCountOrCitationIsRejected()
    {
        var lines = File.ReadAllLines(Fixtures.PathOf(Fixtures.TidyValid));
        var header = lines[0];
        var row = lines[1].Replace(",60250,8.9,", ",,8.9,", StringComparison.Ordinal);

        var outcome = await Importing.ImportTextAsync(_database, header + "\n" + row + "\n", "tidy.csv");

        outcome.Succeeded.Should().BeFalse();
        outcome.Errors.Should().ContainSingle().Which.Should().Be(new ImportError(
            2, "respondents", "is empty for a published score: give the count, mark the row suppressed, "
            + "or cite in source_note the source that published the figure without one"));
        (await _database.CountAsync()).Should().Be(new TableCounts(0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task ATidyRowWithAScoreAndNoCountIsKeptWhenItCitesItsSource()
    {
        var lines = File.ReadAllLines(Fixtures.PathOf(Fixtures.TidyValid));
        var header = lines[0];
        var row = lines[1].Replace(",60250,8.9,", ",,8.9,", StringComparison.Ordinal) + "\"Press release, 1 May 2019\"";

        var outcome = await Importing.ImportTextAsync(_database, header + "\n" + row + "\n", "tidy.csv");

        outcome.Errors.Should().BeEmpty();
        outcome.Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task ProgressIsReportedWhenTheImportFinishes()
    {
        var reports = new List<ImportProgress>();
        await using var db = _database.NewContext();
        var importer = new SurveyImporter(db, TestClock.At());
        using var stream = new MemoryStream(Fixtures.Bytes(Fixtures.CombinedValid));

        var outcome = await importer.ImportAsync(
            stream, Fixtures.CombinedValid, new ImportOptions(), new SynchronousProgress(reports.Add), CancellationToken.None);

        outcome.Succeeded.Should().BeTrue();
        reports.Should().ContainSingle().Which.Rows.Should().Be(22);
    }

    private static async Task<List<string>> StoredResultsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var rows = await db.Results.AsNoTracking()
            .Select(r => new
            {
                r.Organisation!.Code,
                r.Edition!.Year,
                r.Question!.Number,
                r.TumourGroupId,
                r.BreakdownId,
                r.Basis,
                r.Respondents,
                r.Score,
                r.CiLower,
                r.CiUpper,
                r.ExpectedLower,
                r.ExpectedUpper,
                r.Band,
                r.ChangeSincePrevious,
                r.ChangeOverall,
                r.GroupDifferenceSignificant,
                r.Suppression,
                r.SourceRow,
            })
            .ToListAsync();
        return rows.Select(r => r.ToString()!).Order(StringComparer.Ordinal).ToList();
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
