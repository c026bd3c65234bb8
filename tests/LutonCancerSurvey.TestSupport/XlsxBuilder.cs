using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LutonCancerSurvey.TestSupport;

/// <summary>A number cell, shown with a custom format code such as <c>0.00</c> or <c>0.0%</c> (General when null).</summary>
public sealed record XlsxNumber(double Value, string? Format = null);

/// <summary>A date cell, stored as Excel's serial day number with the built-in short date format.</summary>
public sealed record XlsxDate(DateTime Value);

/// <summary>
/// Writes small .xlsx workbooks for tests with the Open XML SDK, the library the importer reads them with, so every
/// fixture is made by code in the test and none is a binary blob in the repository. Cells are strings (shared, as Excel
/// writes them, or inline), whole and decimal numbers, <see cref="XlsxNumber"/> with a format, or <see cref="XlsxDate"/>.
/// </summary>
public sealed class XlsxBuilder
{
    private readonly List<(string Name, List<(int Row, object?[] Cells)> Rows)> _sheets = [];
    private int _nextRow = 1;

    /// <summary>Write strings inline in each cell rather than in the shared strings table, as some writers do.</summary>
    public bool InlineStrings { get; init; }

    public XlsxBuilder Sheet(string name)
    {
        _sheets.Add((name, []));
        _nextRow = 1;
        return this;
    }

    public XlsxBuilder Row(params object?[] cells) => RowAt(_nextRow, cells);

    public XlsxBuilder RowAt(int row, params object?[] cells)
    {
        if (_sheets.Count == 0)
        {
            Sheet("Sheet1");
        }

        _sheets[^1].Rows.Add((row, cells));
        _nextRow = row + 1;
        return this;
    }

    /// <summary>Leaves the next row out of the sheet, as a blank row is.</summary>
    public XlsxBuilder Blank()
    {
        _nextRow++;
        return this;
    }

    /// <summary>
    /// The rows of a CSV file (comma separated, RFC 4180 quoting), numbers written as number cells shown with the decimal
    /// places the CSV writes them with (8.80 as 8.8 with format 0.00), everything else as text.
    /// </summary>
    public XlsxBuilder RowsOfCsv(string csv)
    {
        using var reader = new StringReader(csv);
        using var parser = new CsvHelper.CsvParser(reader, CultureInfo.InvariantCulture);
        var header = true;
        while (parser.Read())
        {
            Row(parser.Record!.Select(field => header ? field : (object)CellOf(field)).ToArray());
            header = false;
        }

        return this;
    }

    private static object CellOf(string field)
    {
        if (field.Length == 0 || !double.TryParse(field, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return field;
        }

        var point = field.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? new XlsxNumber(value, "0") : new XlsxNumber(value, "0." + new string('0', field.Length - point - 1));
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var sheets = new Sheets();
            workbookPart.Workbook = new Workbook(sheets);
            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            var formats = new List<string>();
            foreach (var (name, rows) in _sheets)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                foreach (var (row, cells) in rows)
                {
                    var rowElement = new Row { RowIndex = (uint)row };
                    for (var column = 0; column < cells.Length; column++)
                    {
                        if (cells[column] is { } value && CellFor(value, strings, formats) is { } cell)
                        {
                            cell.CellReference = ColumnLetters(column) + row.ToString(CultureInfo.InvariantCulture);
                            rowElement.Append(cell);
                        }
                    }

                    data.Append(rowElement);
                }

                worksheetPart.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
            }

            if (strings.Count > 0)
            {
                var table = new SharedStringTable();
                foreach (var text in strings.OrderBy(s => s.Value).Select(s => s.Key))
                {
                    table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                }

                workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = table;
            }

            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles(formats);
        }

        return stream.ToArray();
    }

    private Cell? CellFor(object value, Dictionary<string, int> strings, List<string> formats)
    {
        switch (value)
        {
            case string text when text.Length == 0:
                return null;
            case string text when InlineStrings:
                return new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
            case string text:
                if (!strings.TryGetValue(text, out var index))
                {
                    index = strings.Count;
                    strings.Add(text, index);
                }

                return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };
            case int whole:
                return new Cell { CellValue = new CellValue(whole.ToString(CultureInfo.InvariantCulture)) };
            case double number:
                return new Cell { CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture)) };
            case XlsxNumber { Format: null } number:
                return new Cell { CellValue = new CellValue(number.Value.ToString("R", CultureInfo.InvariantCulture)) };
            case XlsxNumber number:
                var style = formats.IndexOf(number.Format!);
                if (style < 0)
                {
                    formats.Add(number.Format!);
                    style = formats.Count - 1;
                }

                // Style 0 is the default and 1 the date; custom formats follow.
                return new Cell { StyleIndex = (uint)(style + 2), CellValue = new CellValue(number.Value.ToString("R", CultureInfo.InvariantCulture)) };
            case XlsxDate date:
                return new Cell { StyleIndex = 1, CellValue = new CellValue(date.Value.ToOADate().ToString("R", CultureInfo.InvariantCulture)) };
            default:
                throw new ArgumentException($"no cell for {value.GetType().Name}", nameof(value));
        }
    }

    private static Stylesheet Styles(List<string> formats)
    {
        var numberingFormats = new NumberingFormats();
        var cellFormats = new CellFormats(new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true });
        for (var i = 0; i < formats.Count; i++)
        {
            numberingFormats.Append(new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = formats[i] });
            cellFormats.Append(new CellFormat { NumberFormatId = (uint)(164 + i), ApplyNumberFormat = true });
        }

        return new Stylesheet(
            numberingFormats,
            new Fonts(new Font()),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellStyleFormats(new CellFormat()),
            cellFormats);
    }

    public static string ColumnLetters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }
}
