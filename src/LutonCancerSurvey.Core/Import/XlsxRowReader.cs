using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// Streams one sheet's rows (SAX), each as the text its cells show. Rows the sheet leaves out are not made up: a sheet
/// that declares row 1,000,000 and nothing before costs one row, not a million.
/// </summary>
internal sealed class XlsxRowReader(string sheet, OpenXmlReader reader, string[] sharedStrings, NumberShape[] styles) : IDisposable
{
    /// <summary>The most columns a results sheet may use (Excel allows 16,384); a cell further right is refused.</summary>
    public const int MaxColumns = 1_024;

    private readonly List<string> _cells = new(32);
    private readonly System.Text.StringBuilder _text = new();
    private int _lastRow;
    private int _rowCharacters;

    public string Sheet { get; } = sheet;

    /// <summary>The current row's number in the sheet (1 is the first).</summary>
    public int Row { get; private set; }

    /// <summary>The current row's cells from column A, "" where a cell is empty or missing; trailing empties trimmed.</summary>
    public IReadOnlyList<string> Cells => _cells;

    public bool IsBlank => _cells.Count == 0;

    public bool Read()
    {
        try
        {
            return ReadRow();
        }
        catch (System.Xml.XmlException ex)
        {
            throw new ImportFormatException($"sheet {Sheet} cannot be read after row {Row:N0}: {ex.Message}", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new ImportFormatException($"sheet {Sheet} cannot be read: {ex.Message}", ex);
        }
    }

    private bool ReadRow()
    {
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row))
            {
                continue;
            }

            if (!reader.IsStartElement)
            {
                continue;
            }

            Row = RowNumber(XlsxWorkbook.Attribute(reader, "r"));
            _lastRow = Row;
            _cells.Clear();
            _rowCharacters = 0;
            ReadCells();
            while (_cells.Count > 0 && _cells[^1].Length == 0)
            {
                _cells.RemoveAt(_cells.Count - 1);
            }

            return true;
        }

        return false;
    }

    private int RowNumber(string? reference)
    {
        if (reference is null)
        {
            return _lastRow + 1;
        }

        if (!int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var row) || row <= _lastRow)
        {
            throw new ImportFormatException($"the sheet is damaged: the next row is numbered '{reference}', out of order", _lastRow) { Sheet = Sheet };
        }

        return row;
    }

    /// <summary>Reads the cells up to the row's end element (an empty row element has none).</summary>
    private void ReadCells()
    {
        var depth = reader.Depth;
        var column = -1;
        string? type = null;
        var shape = NumberShape.General;
        string? value = null;
        var inInline = false;
        while (reader.Read())
        {
            var elementType = reader.ElementType;
            if (reader.Depth <= depth)
            {
                // The row's end element, or already the next row when this one was empty.
                if (elementType == typeof(Row) && reader.IsStartElement)
                {
                    throw new ImportFormatException("the sheet is damaged: the row is not closed", Row) { Sheet = Sheet };
                }

                return;
            }

            if (elementType == typeof(Cell))
            {
                if (reader.IsStartElement)
                {
                    column = ColumnOf(XlsxWorkbook.Attribute(reader, "r"), column);
                    type = null;
                    shape = NumberShape.General;
                    value = null;
                    foreach (var attribute in reader.Attributes)
                    {
                        if (attribute.LocalName == "t")
                        {
                            type = attribute.Value;
                        }
                        else if (attribute.LocalName == "s"
                            && int.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var style)
                            && style < styles.Length)
                        {
                            shape = styles[style];
                        }
                    }
                }

                if (reader.IsEndElement || !reader.IsStartElement)
                {
                    Put(column, Show(type, shape, value));
                }
            }
            else if (elementType == typeof(CellValue) && reader.IsStartElement)
            {
                value = reader.GetText();
            }
            else if (elementType == typeof(InlineString))
            {
                inInline = reader.IsStartElement;
                if (inInline)
                {
                    _text.Clear();
                }
                else
                {
                    value = _text.ToString();
                }
            }
            else if (inInline && elementType == typeof(Text) && reader.IsStartElement)
            {
                _text.Append(reader.GetText());
            }
        }
    }

    private string Show(string? type, NumberShape shape, string? value)
    {
        if (value is null || value.Length == 0)
        {
            return string.Empty;
        }

        switch (type)
        {
            case "s":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= sharedStrings.Length)
                {
                    throw new ImportFormatException($"the sheet is damaged: a cell refers to shared string {value}, which the workbook does not have", Row) { Sheet = Sheet };
                }

                return sharedStrings[index];
            case "inlineStr" or "str" or "e":
                return value;
            case "b":
                return value == "1" ? "TRUE" : "FALSE";
            case "d":
                return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date)
                    ? date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                    : value;
            default:
                return shape.Show(value);
        }
    }

    private void Put(int column, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        _rowCharacters += text.Length;
        if (_rowCharacters > ImportLimits.MaxLineLength)
        {
            throw new ImportFormatException(string.Create(CultureInfo.InvariantCulture,
                $"the row is longer than {ImportLimits.MaxLineLength:N0} characters, more than any valid row needs; nothing was imported"), Row)
            {
                Sheet = Sheet,
            };
        }

        while (_cells.Count <= column)
        {
            _cells.Add(string.Empty);
        }

        _cells[column] = text.Trim();
    }

    private int ColumnOf(string? reference, int previous)
    {
        if (reference is null)
        {
            return previous + 1;
        }

        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
                letters++;
                if (letters > 3)
                {
                    break;
                }
            }
            else
            {
                break;
            }
        }

        if (letters == 0 || letters > 3 || column > MaxColumns)
        {
            throw new ImportFormatException(string.Create(CultureInfo.InvariantCulture,
                $"cell {reference} is beyond column {ColumnLetters(MaxColumns - 1)}: a results table has at most {MaxColumns:N0} columns; nothing was imported"), Row)
            {
                Sheet = Sheet,
            };
        }

        return column - 1;
    }

    /// <summary>Excel's letters for a zero-based column index: 0 is A, 25 is Z, 26 is AA.</summary>
    public static string ColumnLetters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    public void Dispose() => reader.Dispose();
}
