using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Tests.Import;

/// <summary>Reading a sheet of an Excel workbook: which sheet, where its table is, and each cell as it shows.</summary>
public sealed class XlsxReadingTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static async Task<(IReadOnlyList<string>? Header, List<(int Line, string[] Fields)> Rows, IReadOnlyList<string> Notes, int HeaderLine)> ReadAsync(
        byte[] workbook, string? sheet = null, int? headerRow = null)
    {
        using var stream = new MemoryStream(workbook, writable: false);
        using var source = XlsxRecordSource.Open(stream, ImportLimits.DefaultMaxDecompressedBytes, sheet, headerRow);
        var header = await source.ReadHeaderAsync();
        var rows = new List<(int, string[])>();
        while (await source.ReadAsync())
        {
            rows.Add((source.Line, Enumerable.Range(0, source.Count).Select(i => source[i]).ToArray()));
        }

        return (header, rows, source.Notes, source.HeaderLine);
    }

    [Fact]
    public async Task Read_WithSheetNamed_ReadsThatSheetOnly()
    {
        var workbook = new XlsxBuilder()
            .Sheet("Contents").Row("About this workbook").Row("Results are on the next sheet")
            .Sheet("Results").Row("code", "score").Row("99X", "61")
            .ToBytes();

        var (header, rows, _, _) = await ReadAsync(workbook, sheet: "Results");

        header.Should().Equal("code", "score");
        rows.Should().ContainSingle().Which.Fields.Should().Equal("99X", "61");
    }

    [Fact]
    public async Task Read_WithUnknownSheet_NamesTheSheetsThereAre()
    {
        var workbook = new XlsxBuilder().Sheet("Contents").Row("x").Sheet("Results").Row("a", "b").ToBytes();

        var read = () => ReadAsync(workbook, sheet: "Data");

        (await read.Should().ThrowAsync<ImportFormatException>())
            .Which.Message.Should().Be("the workbook has no sheet named 'Data' (its sheets: Contents, Results)");
    }

    [Fact]
    public async Task Read_WithTitleAboveAndFootnotesBelow_FindsTheHeaderAndLeavesTheNotesOut()
    {
        var workbook = new XlsxBuilder()
            .Sheet("Results")
            .Row("National Cancer Patient Experience Survey 2022")
            .Row("Published 6 July 2023")
            .Blank()
            .Row("Organisation code", "Organisation", "Question", "Score")
            .Row("99X", "NHS Testshire ICB", "Q22", 61)
            .Row("98Y", "NHS Otherplace ICB", "Q22", 58)
            .Blank()
            .Row("* Suppressed: fewer than 21 respondents.")
            .Row("Source: invented figures for a test.")
            .ToBytes();

        var (header, rows, notes, headerLine) = await ReadAsync(workbook);

        headerLine.Should().Be(4);
        header.Should().Equal("Organisation code", "Organisation", "Question", "Score");
        rows.Select(r => r.Line).Should().Equal(5, 6);
        rows[1].Fields.Should().Equal("98Y", "NHS Otherplace ICB", "Q22", "58");
        notes.Should().Equal(
            "2 rows (1\u20132) above the header were left out as a title or notes: \u2018National Cancer Patient Experience Survey 2022\u2019; \u2018Published 6 July 2023\u2019",
            "2 rows (8\u20139) after the table's end at row 7 were left out as notes: \u2018* Suppressed: fewer than 21 respondents.\u2019; \u2018Source: invented figures for a test.\u2019");
    }

    [Fact]
    public async Task Read_WithHeaderRowChosen_UsesThatRow()
    {
        // Two rows of headings: the administrator picks the second, whose names are the columns'.
        var workbook = new XlsxBuilder()
            .Row("Organisation", "Organisation", "Result", "Result")
            .Row("code", "name", "question", "score")
            .Row("99X", "NHS Testshire ICB", "Q22", 61)
            .ToBytes();

        var (header, rows, notes, headerLine) = await ReadAsync(workbook, headerRow: 2);

        headerLine.Should().Be(2);
        header.Should().Equal("code", "name", "question", "score");
        rows.Should().ContainSingle().Which.Line.Should().Be(3);
        notes.Should().Equal("Row 1 above the header was left out as a title or notes: \u2018Organisation\u2019");
    }

    [Fact]
    public async Task Read_WithResultsAfterABlankRow_IsRefusedRatherThanDroppingThem()
    {
        var workbook = new XlsxBuilder()
            .Sheet("Results")
            .Row("code", "question", "score")
            .Row("99X", "Q22", 61)
            .Blank()
            .Row("98Y", "Q22", 58)
            .ToBytes();

        var read = () => ReadAsync(workbook);

        var error = (await read.Should().ThrowAsync<ImportFormatException>()).Which;
        error.Line.Should().Be(4);
        error.Sheet.Should().Be("Results");
        error.Message.Should().Be("the row looks like more results after the table ended at row 3 (a blank or one-cell row): remove the gap, or the notes between, and import again");
    }

    [Fact]
    public async Task Read_WithFormattedCells_GivesTheTextEachCellShows()
    {
        var workbook = new XlsxBuilder()
            .Row("year", "published", "score", "share", "whole", "mean", "plain", "text number")
            .Row(2022, new XlsxDate(new DateTime(2023, 7, 6)), new XlsxNumber(8.8, "0.00"), new XlsxNumber(0.853, "0.0%"),
                new XlsxNumber(1234, "#,##0"), 56.25, new XlsxNumber(0.1 + 0.2), "007")
            .ToBytes();

        var (_, rows, _, _) = await ReadAsync(workbook);

        rows.Single().Fields.Should().Equal("2022", "2023-07-06", "8.80", "85.3%", "1234", "56.25", "0.30000000000000004", "007");
    }

    [Fact]
    public async Task Read_WithInlineStringsAndGaps_GivesEmptyFieldsForMissingCells()
    {
        var workbook = new XlsxBuilder { InlineStrings = true }
            .Row("code", "name", "score")
            .Row("99X", null, 61)
            .ToBytes();

        var (header, rows, _, _) = await ReadAsync(workbook);

        header.Should().Equal("code", "name", "score");
        rows.Single().Fields.Should().Equal("99X", string.Empty, "61");
    }

    [Fact]
    public async Task Import_WithTidyWorkbook_StoresTheSameResultsAsTheTidyCsv()
    {
        var csv = File.ReadAllText(Fixtures.PathOf(Fixtures.TidyValid));
        var workbook = new XlsxBuilder().Sheet("tidy").RowsOfCsv(csv).ToBytes();
        using var fromCsv = new TestDatabase();

        var csvOutcome = await Importing.ImportFixtureAsync(fromCsv, Fixtures.TidyValid);
        var xlsxOutcome = await Importing.ImportAsync(_database, workbook, "tidy.xlsx");

        csvOutcome.Succeeded.Should().BeTrue(string.Join("; ", csvOutcome.Errors));
        xlsxOutcome.Succeeded.Should().BeTrue(string.Join("; ", xlsxOutcome.Errors));
        xlsxOutcome.Summary!.Layout.Should().Be("tidy");
        xlsxOutcome.Summary.Sheet.Should().Be("tidy");
        var expected = await ResultsAsync(fromCsv);
        expected.Should().HaveCount(6);
        (await ResultsAsync(_database)).Should().Equal(expected);
    }

    [Fact]
    public async Task Import_WithBadCellInWorkbook_NamesSheetCellAndColumn()
    {
        var workbook = new XlsxBuilder()
            .Sheet("Results")
            .Row("Tidy results, invented figures")
            .RowsOfCsv(string.Join('\n', File.ReadAllLines(Fixtures.PathOf(Fixtures.TidyValid)).Take(3)).Replace(",8.8,8.7,8.9,", ",abc,8.7,8.9,", StringComparison.Ordinal))
            .ToBytes();

        var outcome = await Importing.ImportAsync(_database, workbook, "tidy.xlsx");

        outcome.Errors.Select(e => e.ToString()).Should().Equal(
            "sheet Results, cell O4, column 'score': 'abc' is not a number",
            "sheet Results, cell O4, column 'score': is empty but the row is not marked suppressed (few-respondents or source)");
        (await _database.CountAsync()).Results.Should().Be(0);
    }

    private static async Task<List<string>> ResultsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var results = await db.Results.AsNoTracking()
            .Select(r => new
            {
                r.Organisation!.Code, r.Edition!.Year, r.Question!.Number, Tumour = r.TumourGroup!.Name, r.BreakdownId, r.Basis, r.Respondents, r.Score,
                r.ScoreDecimals, r.CiLower, r.CiUpper, r.ExpectedLower, r.ExpectedUpper, r.Band, r.ChangeSincePrevious, r.ChangeOverall,
                r.GroupDifferenceSignificant, r.Suppression, r.SourceNote,
            })
            .ToListAsync();
        return results.Select(r => r.ToString()!).Order(StringComparer.Ordinal).ToList();
    }
}
