using CsvHelper;

namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// The records of one results file as text fields, whatever it was written as (CSV, or a sheet of an Excel workbook),
/// with where each record is so that a message can point at it.
/// </summary>
internal interface IRecordSource : IDisposable
{
    /// <summary>The sheet the records come from, or null for a CSV file (whose records are named by line).</summary>
    string? Sheet { get; }

    /// <summary>The line (CSV) or sheet row of the header, once read.</summary>
    int HeaderLine { get; }

    /// <summary>The line (CSV) or sheet row of the current record.</summary>
    int Line { get; }

    /// <summary>How many fields the current record has.</summary>
    int Count { get; }

    string this[int index] { get; }

    /// <summary>What was left out around the table (titles above the header, footnotes below), said once read to the end.</summary>
    IReadOnlyList<string> Notes { get; }

    /// <summary>Reads the header row; null when the file has none.</summary>
    ValueTask<IReadOnlyList<string>?> ReadHeaderAsync();

    /// <summary>Moves to the next record after the header; false at the end of the table.</summary>
    ValueTask<bool> ReadAsync();
}

/// <summary>Today's CSV path, unchanged: CsvHelper's parser, its first record the header.</summary>
internal sealed class CsvRecordSource(CsvParser parser) : IRecordSource
{
    public string? Sheet => null;

    public int HeaderLine => 1;

    public int Line => parser.RawRow;

    public int Count => parser.Count;

    public string this[int index] => parser[index];

    public IReadOnlyList<string> Notes => [];

    public async ValueTask<IReadOnlyList<string>?> ReadHeaderAsync() =>
        await parser.ReadAsync().ConfigureAwait(false) ? parser.Record : null;

    public async ValueTask<bool> ReadAsync() => await parser.ReadAsync().ConfigureAwait(false);

    public void Dispose() => parser.Dispose();
}
