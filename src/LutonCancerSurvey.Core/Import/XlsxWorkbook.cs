using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// An Excel workbook (.xlsx) opened for reading one sheet's rows as text, within the import limits. The sheet and the
/// shared strings are streamed with the Open XML SDK's reader (SAX), never loaded whole, and every zip entry's size is
/// checked against <see cref="ImportLimits"/> before it is read (as declared) and while it is read (as it really is):
/// a workbook is a zip, and a small one can expand to gigabytes.
/// </summary>
internal sealed class XlsxWorkbook : IDisposable
{
    // The package's own XML (content types, relationships) is parsed whole by System.IO.Packaging: a results workbook's
    // is a few KB, so a bound far above that keeps a bomb hidden there from being read into memory.
    private const long MaxPackagePartBytes = 1024 * 1024;

    // A workbook of results has a handful of parts; a zip of thousands of entries is not one.
    private const int MaxEntries = 2_000;

    private readonly SpreadsheetDocument _document;
    private readonly IReadOnlyDictionary<string, long> _declared;
    private readonly ByteBudget _budget;

    private XlsxWorkbook(SpreadsheetDocument document, IReadOnlyDictionary<string, long> declared, ByteBudget budget, IReadOnlyList<XlsxSheet> sheets)
    {
        _document = document;
        _declared = declared;
        _budget = budget;
        Sheets = sheets;
    }

    /// <summary>The worksheets in workbook order (chart sheets and the like are left out).</summary>
    public IReadOnlyList<XlsxSheet> Sheets { get; }

    /// <summary>Whether the stream starts as a zip file does ("PK\x03\x04"), as every .xlsx does.</summary>
    public static bool LooksLikeZip(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Span<byte> magic = stackalloc byte[4];
        var read = content.Read(magic);
        content.Seek(0, SeekOrigin.Begin);
        return read == 4 && magic[0] == 0x50 && magic[1] == 0x4b && magic[2] == 0x03 && magic[3] == 0x04;
    }

    public static XlsxWorkbook Open(Stream content, long maxDecompressedBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        var declared = CheckDeclaredSizes(content, maxDecompressedBytes);
        content.Seek(0, SeekOrigin.Begin);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(content, isEditable: false, new OpenSettings
            {
                // Belt and braces beside the byte counts: the SDK's XML reader refuses a part with more characters.
                MaxCharactersInPart = maxDecompressedBytes,
            });
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or IOException or FileFormatException)
        {
            throw new ImportFormatException("the file is not an Excel workbook (.xlsx) that can be read: " + ex.Message, ex);
        }

        var budget = new ByteBudget(maxDecompressedBytes);
        try
        {
            var workbookPart = document.WorkbookPart
                ?? throw new ImportFormatException("the file is a zip but not an Excel workbook: it has no workbook part");
            var sheets = new List<XlsxSheet>();
            using (var reader = OpenReader(workbookPart, declared, budget))
            {
                while (reader.Read())
                {
                    if (reader.ElementType == typeof(Sheet) && reader.IsStartElement)
                    {
                        var name = Attribute(reader, "name") ?? string.Empty;
                        var id = Attribute(reader, "id");
                        if (id is not null && workbookPart.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
                        {
                            sheets.Add(new XlsxSheet(name, worksheet));
                        }
                    }
                }
            }

            return new XlsxWorkbook(document, declared, budget, sheets);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>The sheet to read: the one named, or the first.</summary>
    public XlsxSheet Sheet(string? name)
    {
        if (Sheets.Count == 0)
        {
            throw new ImportFormatException("the workbook has no worksheet");
        }

        if (string.IsNullOrEmpty(name))
        {
            return Sheets[0];
        }

        return Sheets.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal))
            ?? Sheets.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ImportFormatException(
                $"the workbook has no sheet named '{name}' (its sheets: {string.Join(", ", Sheets.Select(s => s.Name))})");
    }

    /// <summary>The rows of a sheet, each cell as the text it shows (numbers as written, dates as yyyy-MM-dd).</summary>
    public XlsxRowReader ReadRows(XlsxSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var workbookPart = _document.WorkbookPart!;
        var strings = workbookPart.SharedStringTablePart is { } sharedStrings ? ReadSharedStrings(sharedStrings) : [];
        var styles = workbookPart.WorkbookStylesPart is { } stylesPart ? ReadStyles(stylesPart) : [];
        return new XlsxRowReader(sheet.Name, OpenReader(sheet.Part, _declared, _budget), strings, styles);
    }

    public void Dispose() => _document.Dispose();

    /// <summary>
    /// Every entry's size as the zip declares it, refused past the limit before anything is decompressed. A zip may lie
    /// about the sizes: .NET stops decompressing an entry at its declared size (a lie cuts the XML short, which is
    /// refused as unreadable), and <see cref="CountingStream"/> checks what is really read, whatever the runtime does.
    /// </summary>
    private static Dictionary<string, long> CheckDeclaredSizes(Stream content, long maxDecompressedBytes)
    {
        var declared = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
            {
                throw new ImportFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"the workbook has {zip.Entries.Count:N0} parts, more than a results workbook has; nothing was imported"));
            }

            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > maxDecompressedBytes)
                {
                    throw new ImportFormatException(CheckedGzipStream.TooLarge(maxDecompressedBytes));
                }

                var name = entry.FullName.TrimStart('/');
                if ((name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase) || name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase))
                    && entry.Length > MaxPackagePartBytes)
                {
                    throw new ImportFormatException(string.Create(CultureInfo.InvariantCulture,
                        $"the workbook's {name} is {entry.Length:N0} bytes, far more than a workbook needs; nothing was imported"));
                }

                declared[name] = entry.Length;
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ImportFormatException("the file is not an Excel workbook (.xlsx) that can be read: " + ex.Message, ex);
        }

        return declared;
    }

    private static OpenXmlPartReader OpenReader(OpenXmlPart part, IReadOnlyDictionary<string, long> declared, ByteBudget budget)
    {
        var name = part.Uri.OriginalString.TrimStart('/');
        var stream = new CountingStream(part.GetStream(FileMode.Open, FileAccess.Read), name, declared.GetValueOrDefault(name, -1), budget);
        return new OpenXmlPartReader(stream, part.Features, new OpenXmlPartReaderOptions
        {
            CloseStream = true,
            MaxCharactersInPart = budget.Limit,
        });
    }

    /// <summary>
    /// The shared strings, held in memory because cells refer to them by index. They cannot hold more characters than
    /// the decompressed bytes they are read from, so the byte budget bounds them too.
    /// </summary>
    private string[] ReadSharedStrings(SharedStringTablePart part)
    {
        var strings = new List<string>();
        var text = new System.Text.StringBuilder();
        var inItem = false;
        var inPhonetic = 0;
        using var reader = OpenReader(part, _declared, _budget);
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(SharedStringItem))
            {
                if (reader.IsStartElement)
                {
                    inItem = true;
                    text.Clear();
                }

                if (reader.IsEndElement || !reader.IsStartElement)
                {
                    inItem = false;
                    strings.Add(text.Length == 0 ? string.Empty : text.ToString());
                }
            }
            else if (type == typeof(PhoneticRun))
            {
                inPhonetic += reader.IsStartElement ? 1 : -1;
            }
            else if (inItem && inPhonetic == 0 && type == typeof(Text) && reader.IsStartElement)
            {
                text.Append(reader.GetText());
            }
        }

        return [.. strings];
    }

    /// <summary>How each cell style shows a number: as a date, a percentage or with fixed decimals.</summary>
    private NumberShape[] ReadStyles(WorkbookStylesPart part)
    {
        var formats = new Dictionary<uint, string>();
        var shapes = new List<NumberShape>();
        var inCellFormats = false;
        using var reader = OpenReader(part, _declared, _budget);
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(NumberingFormat) && reader.IsStartElement)
            {
                if (uint.TryParse(Attribute(reader, "numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    formats[id] = Attribute(reader, "formatCode") ?? string.Empty;
                }
            }
            else if (type == typeof(CellFormats))
            {
                inCellFormats = reader.IsStartElement;
            }
            else if (inCellFormats && type == typeof(CellFormat) && reader.IsStartElement)
            {
                uint.TryParse(Attribute(reader, "numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id);
                shapes.Add(NumberShape.Of(id, formats.GetValueOrDefault(id)));
            }
        }

        return [.. shapes];
    }

    internal static string? Attribute(OpenXmlReader reader, string localName)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == localName)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>What the whole workbook may decompress to, shared by every part read from it.</summary>
    private sealed class ByteBudget(long limit)
    {
        public long Limit { get; } = limit;

        public long Used { get; set; }
    }

    /// <summary>Counts the bytes really decompressed from one part against its declared size and the whole budget.</summary>
    private sealed class CountingStream(Stream inner, string name, long declared, ByteBudget budget) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read;
            try
            {
                read = inner.Read(buffer);
            }
            catch (InvalidDataException ex)
            {
                throw new ImportFormatException($"the workbook is damaged: its {name} cannot be decompressed ({ex.Message})", ex);
            }

            _read += read;
            budget.Used += read;
            if (declared >= 0 && _read > declared)
            {
                throw new ImportFormatException($"the workbook is damaged: its {name} is larger than the zip says; nothing was imported");
            }

            if (budget.Used > budget.Limit)
            {
                throw new ImportFormatException(CheckedGzipStream.TooLarge(budget.Limit));
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>One worksheet of a workbook.</summary>
internal sealed record XlsxSheet(string Name, WorksheetPart Part);

/// <summary>How a cell style shows a number, which is how the publisher meant it to be read.</summary>
internal readonly record struct NumberShape(NumberKind Kind, int Decimals)
{
    public static readonly NumberShape General = new(NumberKind.General, 0);

    private static readonly System.Buffers.SearchValues<char> DateLetters = System.Buffers.SearchValues.Create("dDmMyYhHsS");

    public static NumberShape Of(uint numberFormatId, string? formatCode) => numberFormatId switch
    {
        0 or 11 or 48 or 49 => General,
        1 or 3 or 37 or 38 => new(NumberKind.Fixed, 0),
        2 or 4 or 39 or 40 => new(NumberKind.Fixed, 2),
        9 => new(NumberKind.Percent, 0),
        10 => new(NumberKind.Percent, 2),
        (>= 14 and <= 22) or (>= 45 and <= 47) => new(NumberKind.Date, 0),
        _ when formatCode is not null => FromCode(formatCode),
        _ => General,
    };

    /// <summary>Reads a custom format code's first section: dates, percentages and fixed decimals; anything else as General.</summary>
    private static NumberShape FromCode(string code)
    {
        var section = code.Split(';')[0];
        var plain = new System.Text.StringBuilder();
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            if (c == '"')
            {
                var end = section.IndexOf('"', i + 1);
                i = end < 0 ? section.Length : end;
            }
            else if (c == '\\' || c == '_' || c == '*')
            {
                i++;
            }
            else if (c == '[')
            {
                var end = section.IndexOf(']', i + 1);
                var inside = end < 0 ? string.Empty : section[(i + 1)..end];

                // [h], [mm], [ss] are elapsed times; [Red] or [$-809] only colour or localise.
                if (inside.Length > 0 && inside.All(ch => "hms".Contains(char.ToLowerInvariant(ch), StringComparison.Ordinal)))
                {
                    plain.Append('h');
                }

                i = end < 0 ? section.Length : end;
            }
            else
            {
                plain.Append(c);
            }
        }

        var text = plain.ToString();
        if (text.AsSpan().IndexOfAny(DateLetters) >= 0)
        {
            return new(NumberKind.Date, 0);
        }

        if (text.AsSpan().IndexOfAny("0#?") < 0)
        {
            return General;
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var decimals = point < 0 ? 0 : text[(point + 1)..].TakeWhile(ch => ch is '0' or '#' or '?').Count();
        return new(text.Contains('%', StringComparison.Ordinal) ? NumberKind.Percent : NumberKind.Fixed, decimals);
    }

    /// <summary>The number as the cell shows it, in invariant culture and without thousands separators.</summary>
    public string Show(string raw)
    {
        if (Kind == NumberKind.General
            || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            return raw;
        }

        return Kind switch
        {
            NumberKind.Date => ShowDate(value) ?? raw,
            NumberKind.Percent => (value * 100).ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%",
            _ => value.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        };
    }

    private static string? ShowDate(double serial)
    {
        // Excel's serial day numbers: 1 is 1900-01-01; OLE automation dates agree from 1900-03-01 on.
        if (serial is < 1 or > 2958465)
        {
            return null;
        }

        var date = DateTime.FromOADate(serial);
        return date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}

internal enum NumberKind
{
    General,
    Fixed,
    Percent,
    Date,
}
