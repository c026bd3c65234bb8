using System.Globalization;
using CsvHelper;
using LutonCancerSurvey.Core.Import;

namespace LutonCancerSurvey.Core.Export;

/// <summary>Writes results in the tidy layout, column by column as <see cref="TidyColumns.All"/> defines them.</summary>
public static class TidyCsvWriter
{
    /// <summary>The 25 columns every tidy file has.</summary>
    public static IReadOnlyList<string> Header => TidyLayout.Columns;

    /// <summary>
    /// The columns written for these rows: the 25 of <see cref="Header"/>, and each optional one of
    /// <see cref="TidyColumns.All"/> in its place only when some row needs it, so a file of editions without ICBs
    /// (2015-2021) is exactly what it always was.
    /// </summary>
    public static IReadOnlyList<string> HeaderFor(IReadOnlyCollection<TidyRow> rows) =>
        ColumnsFor(rows).Select(c => c.Name).ToList();

    /// <summary>
    /// Writes rows with invariant, shortest round-trip numbers, except the score, which keeps the decimal places it was
    /// published to (8.80 stays 8.80, so a re-import knows its precision); export, import and export again give the
    /// same bytes. A suppressed row is written with every figure empty, whatever it is given. Text that a spreadsheet
    /// would run as a formula is quoted (<see cref="SpreadsheetText"/>); the importer takes the quote off again.
    /// </summary>
    public static async Task WriteAsync(TextWriter output, IEnumerable<TidyRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var all = rows as IReadOnlyCollection<TidyRow> ?? rows.ToList();
        var columns = ColumnsFor(all);
        await using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(column.Name);
        }

        await csv.NextRecordAsync().ConfigureAwait(false);
        foreach (var row in all)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var column in columns)
            {
                csv.WriteField(column.Write(row) ?? string.Empty);
            }

            await csv.NextRecordAsync().ConfigureAwait(false);
        }

        await csv.FlushAsync().ConfigureAwait(false);
    }

    private static List<TidyColumn> ColumnsFor(IReadOnlyCollection<TidyRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return TidyColumns.All.Where(c => c.NeededBy is not { } needed || rows.Any(needed)).ToList();
    }
}
