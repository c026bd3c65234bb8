using System.Globalization;

namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// The records of one sheet of a workbook. Published workbooks open with a title and notes above the table and end
/// with footnotes: the header is the first row that looks like one (or the row the administrator picks), the table
/// ends at its first blank or one-cell row, and what lies around it is left out and said so, never read as results.
/// </summary>
internal sealed class XlsxRecordSource : IRecordSource
{
    /// <summary>How many non-blank rows are looked at to find the header.</summary>
    public const int HeaderSearchRows = 30;

    private readonly XlsxWorkbook _workbook;
    private readonly XlsxRowReader _rows;
    private readonly int? _headerRow;
    private readonly Queue<(int Row, string[] Cells)> _pending = new();
    private readonly LeftOut _above = new();
    private readonly LeftOut _below = new();
    private string[] _current = [];
    private int _headerWidth;
    private int? _endedAt;
    private bool _finished;

    private XlsxRecordSource(XlsxWorkbook workbook, XlsxRowReader rows, int? headerRow)
    {
        _workbook = workbook;
        _rows = rows;
        _headerRow = headerRow;
    }

    public static XlsxRecordSource Open(Stream content, long maxDecompressedBytes, string? sheet, int? headerRow)
    {
        var workbook = XlsxWorkbook.Open(content, maxDecompressedBytes);
        try
        {
            return new XlsxRecordSource(workbook, workbook.ReadRows(workbook.Sheet(sheet)), headerRow);
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            workbook.Dispose();
            throw new ImportFormatException("the workbook cannot be read: " + ex.Message, ex);
        }
        catch
        {
            workbook.Dispose();
            throw;
        }
    }

    public string? Sheet => _rows.Sheet;

    public int HeaderLine { get; private set; } = 1;

    public int Line { get; private set; }

    public int Count => Math.Max(_headerWidth, _current.Length);

    public string this[int index] => index < _current.Length ? _current[index] : string.Empty;

    public IReadOnlyList<string> Notes
    {
        get
        {
            var notes = new List<string>();
            if (_above.Count > 0)
            {
                notes.Add($"{_above.Rows} above the header {Plural(_above.Count, "was", "were")} left out as a title or notes: {_above.Quote}");
            }

            if (_below.Count > 0)
            {
                notes.Add($"{_below.Rows} after the table's end at row {_endedAt:N0} {Plural(_below.Count, "was", "were")} left out as notes: {_below.Quote}");
            }

            return notes;
        }
    }

    public ValueTask<IReadOnlyList<string>?> ReadHeaderAsync()
    {
        var scanned = new List<(int Row, string[] Cells)>();
        while (_rows.Read())
        {
            if (_rows.IsBlank)
            {
                continue;
            }

            var cells = _rows.Cells.ToArray();
            if (_headerRow is { } wanted)
            {
                if (_rows.Row < wanted)
                {
                    _above.Add(_rows.Row, First(cells));
                    continue;
                }

                if (_rows.Row > wanted)
                {
                    throw new ImportFormatException("the row chosen as the header is blank", wanted) { Sheet = Sheet };
                }

                return ValueTask.FromResult<IReadOnlyList<string>?>(UseHeader(wanted, cells));
            }

            scanned.Add((_rows.Row, cells));
            if (scanned.Count >= HeaderSearchRows)
            {
                break;
            }
        }

        if (_headerRow is not null || scanned.Count == 0)
        {
            return ValueTask.FromResult<IReadOnlyList<string>?>(null);
        }

        var header = FindHeader(scanned);
        foreach (var row in scanned)
        {
            if (row.Row < scanned[header].Row)
            {
                _above.Add(row.Row, First(row.Cells));
            }
            else if (row.Row > scanned[header].Row)
            {
                _pending.Enqueue(row);
            }
        }

        return ValueTask.FromResult<IReadOnlyList<string>?>(UseHeader(scanned[header].Row, scanned[header].Cells));
    }

    public ValueTask<bool> ReadAsync()
    {
        while (!_finished)
        {
            int row;
            string[] cells;
            if (_pending.Count > 0)
            {
                (row, cells) = _pending.Dequeue();
            }
            else if (_rows.Read())
            {
                (row, cells) = (_rows.Row, _rows.Cells.ToArray());
            }
            else
            {
                _finished = true;
                break;
            }

            // A sheet leaves blank rows out: a gap in the numbering is a blank row.
            if (_endedAt is null && row > Line + 1)
            {
                _endedAt = Line + 1;
            }

            if (_endedAt is null && !IsNote(cells))
            {
                (Line, _current) = (row, cells);
                return ValueTask.FromResult(true);
            }

            // A blank row between results would be skipped by a reader and results after it lost: the table ends at
            // the first one, and a row after it that looks like results is an error rather than a footnote.
            _endedAt ??= row;
            if (cells.Length == 0)
            {
                continue;
            }

            if (!IsNote(cells))
            {
                throw new ImportFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"the row looks like more results after the table ended at row {_endedAt:N0} (a blank or one-cell row): remove the gap, or the notes between, and import again"), row)
                {
                    Sheet = Sheet,
                };
            }

            _below.Add(row, First(cells));
        }

        return ValueTask.FromResult(false);
    }

    public void Dispose()
    {
        _rows.Dispose();
        _workbook.Dispose();
    }

    /// <summary>
    /// The header is the first row with most of the widest row's cells filled, all of them text rather than numbers
    /// and none twice: a title or a note fills one or two cells, a row of results has numbers.
    /// </summary>
    internal static int FindHeader(IReadOnlyList<(int Row, string[] Cells)> rows)
    {
        var widest = rows.Max(r => Filled(r.Cells));
        var needed = Math.Max(2, (int)Math.Ceiling(widest * 0.6));
        for (var i = 0; i < rows.Count; i++)
        {
            var filled = rows[i].Cells.Where(c => c.Length > 0).ToList();
            if (filled.Count >= needed
                && filled.All(c => !double.TryParse(c.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                && filled.Distinct(StringComparer.OrdinalIgnoreCase).Count() == filled.Count)
            {
                return i;
            }
        }

        return 0;
    }

    private string[] UseHeader(int row, string[] cells)
    {
        HeaderLine = row;
        Line = row;
        _headerWidth = cells.Length;
        return cells;
    }

    private bool IsNote(string[] cells) => Filled(cells) <= (_headerWidth >= 3 ? 1 : 0);

    private static int Filled(string[] cells) => cells.Count(c => c.Length > 0);

    private static string First(string[] cells) => cells.FirstOrDefault(c => c.Length > 0) ?? string.Empty;

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;

    /// <summary>Rows left out: counted, with the first two quoted, so a sheet of a million footnotes holds two.</summary>
    private sealed class LeftOut
    {
        private const int Quoted = 2;
        private readonly List<string> _texts = [];
        private int _first;
        private int _last;

        public int Count { get; private set; }

        public string Rows => Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"Row {_first:N0}")
            : string.Create(CultureInfo.InvariantCulture, $"{Count} rows ({_first:N0}\u2013{_last:N0})");

        public string Quote
        {
            get
            {
                static string Short(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 59), "\u2026");
                var quoted = string.Join("; ", _texts.Select(t => $"\u2018{Short(t)}\u2019"));
                return Count > Quoted ? quoted + "; \u2026" : quoted;
            }
        }

        public void Add(int row, string text)
        {
            if (Count == 0)
            {
                _first = row;
            }

            _last = row;
            Count++;
            if (_texts.Count < Quoted)
            {
                _texts.Add(text);
            }
        }
    }
}
