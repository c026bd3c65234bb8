using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Tests.Import;

/// <summary>
/// Files large enough that rows are written while later lines are still being read, and that the results' indexes are
/// set aside during the load: a late error or a cancellation must still leave the database as it was.
/// </summary>
public sealed class LargeFileTests : IDisposable
{
    private const int Organisations = 400;

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task EveryRowOfALargeFileIsStoredOnceAgainstItsOwnLine()
    {
        var csv = LargeFile().Row(("Trust.Code", "999"), ("Number.of.responses", "12.0"));

        var outcome = await Importing.ImportAsync(_database, csv.ToBytes(), "large.csv");

        outcome.Succeeded.Should().BeTrue();
        await using var db = _database.NewContext();
        var lines = await db.Results.Select(r => r.SourceRow).OrderBy(l => l).ToListAsync();
        lines.Should().Equal(Enumerable.Range(2, RowCount + 1));
        var breast = await db.SingleResultAsync("123", 2018, 22, ResultBasis.Unadjusted, "Breast");
        breast.SourceRow.Should().Be(2 + (123 * TumourGroups.All.Count) + 2);
        breast.Score.Should().Be(66.0);
        var last = await db.SingleResultAsync("999", 2018, 22, ResultBasis.Unadjusted);
        last.SourceRow.Should().Be(RowCount + 2);
        last.Suppression.Should().Be(Suppression.FewRespondents);
    }

    [Fact]
    public async Task AnErrorOnTheLastLineOfALargeFileWritesNothingAndNamesThatLine()
    {
        var csv = LargeFile().Row(("Trust.Code", "97Z"), ("scored.percentage", "n/a")).ToBytes();
        csv.Length.Should().BeGreaterThan((int)SqliteIndexDeferral.MinimumFileBytes);
        var lastLine = RowCount + 2;

        var outcome = await Importing.ImportAsync(_database, csv, "large.csv");

        outcome.Succeeded.Should().BeFalse();
        outcome.Errors.Should().ContainSingle().Which.Should().Be(
            new ImportError(lastLine, "scored.percentage", "'n/a' is not a number"));
        (await _database.CountAsync()).Should().Be(new TableCounts(0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task AfterALargeFileFailsLateTheSameRowsImportAndTheResultsKeepTheirIndexes()
    {
        var indexesBefore = await ResultIndexesAsync();
        await Importing.ImportAsync(_database, LargeFile().Row(("scored.percentage", "n/a")).ToBytes(), "bad.csv");

        var outcome = await Importing.ImportAsync(_database, LargeFile().ToBytes(), "good.csv");

        outcome.Succeeded.Should().BeTrue();
        outcome.Summary!.Added.Should().Be(RowCount);
        (await _database.CountAsync()).Should().Be(new TableCounts(RowCount, Organisations, 1, 1, 1));
        (await ResultIndexesAsync()).Should().BeEquivalentTo(indexesBefore);
    }

    [Fact]
    public async Task ErrorsFoundWhileReadingAndWhileMatchingRowsAreListedInFileOrder()
    {
        var csv = LargeFile()
            .Row(("Trust.Code", "001"), ("Geog", "Trust"))
            .Row(("Trust.Code", "002"), ("scored.percentage", "n/a"))
            .Row(("Trust.Code", "003"))
            .Row(("Trust.Code", "004"), ("Cancer.Type", "Kidney"));

        var outcome = await Importing.ImportTextAsync(_database, csv.ToString());

        outcome.Errors.Select(e => (e.Line, e.Column)).Should().Equal(
            (RowCount + 2, null),
            (RowCount + 3, "scored.percentage"),
            (RowCount + 4, null),
            (RowCount + 5, "Cancer.Type"));
        outcome.Errors[0].Message.Should().Contain("organisation 001 is at level 'ccg' in the 2018 edition, not 'trust'");
        outcome.Errors[2].Message.Should().Contain("duplicate result");
        (await _database.CountAsync()).Should().Be(new TableCounts(0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task CancellingPartWayThroughALargeFileWritesNothing()
    {
        var csv = LargeFile().ToBytes();
        using var cancellation = new CancellationTokenSource();

        // The importer hashes the whole file first, then reads it again: cancel half way through the second reading.
        await using var stream = new CancellingStream(csv, csv.Length + (csv.Length / 2), cancellation);
        await using var db = _database.NewContext();
        var importer = new SurveyImporter(db, TestClock.At());

        var import = () => importer.ImportAsync(stream, "large.csv", new ImportOptions(), progress: null, cancellation.Token);

        await import.Should().ThrowAsync<OperationCanceledException>();
        (await _database.CountAsync()).Should().Be(new TableCounts(0, 0, 0, 0, 0));
        (await Importing.ImportAsync(_database, csv, "large.csv")).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async Task ADryRunOfALargeFileCountsEveryRowAndWritesNothing()
    {
        var outcome = await Importing.ImportAsync(_database, LargeFile().ToBytes(), "large.csv", new ImportOptions { DryRun = true });

        outcome.Succeeded.Should().BeTrue();
        outcome.Summary!.Added.Should().Be(RowCount);
        outcome.Summary.DryRun.Should().BeTrue();
        (await _database.CountAsync()).Should().Be(new TableCounts(0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task ALaterFileRenamesOrganisationsAndRewordsQuestions()
    {
        await Importing.ImportAsync(_database, LargeFile().ToBytes(), "first.csv");
        var renamed = CombinedCsv.Create()
            .Row(("Trust.Code", "350"), ("Trust.Name", "NHS Renamed CCG"), ("Question.Text", "Reworded question?"));

        var outcome = await Importing.ImportTextAsync(_database, renamed.ToString());

        outcome.Succeeded.Should().BeTrue();
        await using var db = _database.NewContext();
        (await db.OrganisationAsync("350")).Name.Should().Be("NHS Renamed CCG");
        (await db.OrganisationAsync("351")).Name.Should().Be("NHS Testshire CCG 351");
        (await db.Questions.SingleAsync()).Text.Should().Be("Reworded question?");
    }

    private static int RowCount => Organisations * TumourGroups.All.Count;

    /// <summary>One valid result for each of 400 invented CCGs and each tumour group: ~1.4 MB, several batches.</summary>
    private static CombinedCsv LargeFile()
    {
        var csv = CombinedCsv.Create();
        for (var organisation = 0; organisation < Organisations; organisation++)
        {
            var code = organisation.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var tumourGroup in TumourGroups.All)
            {
                csv.Row(("Trust.Code", code), ("Trust.Name", $"NHS Testshire CCG {code}"), ("Cancer.Type", tumourGroup.Name));
            }
        }

        return csv;
    }

    private async Task<List<string>> ResultIndexesAsync()
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Results' AND sql IS NOT NULL";
        var indexes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            indexes.Add(reader.GetString(0));
        }

        indexes.Should().NotBeEmpty();
        return indexes;
    }

    /// <summary>A file that cancels the import once a given number of bytes has been read from it.</summary>
    private sealed class CancellingStream(byte[] content, long cancelAfter, CancellationTokenSource cancellation)
        : MemoryStream(content, writable: false)
    {
        private long _read;

        public override int Read(Span<byte> buffer) => Counted(base.Read(buffer));

        public override int Read(byte[] buffer, int offset, int count) => Counted(base.Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        private int Counted(int read)
        {
            _read += read;
            if (_read >= cancelAfter)
            {
                cancellation.Cancel();
            }

            return read;
        }
    }
}
