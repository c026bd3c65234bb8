using System.Buffers.Binary;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.Import;

/// <summary>
/// A workbook is a zip, so a small one can expand to gigabytes: an Excel bomb is refused within the import's limits,
/// and memory stays flat. Run alone, so that the allocation measured is the import's.
/// </summary>
[Collection(MeasuresAllocation.Name)]
public sealed class XlsxBombTests : IDisposable
{
    private const long OneMegabyte = 1024 * 1024;
    private const string TooLarge = "the file is larger than 1 MiB once decompressed, the most one import may read; nothing was imported";
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Import_WithMillionsOfEmptyRows_IsRefusedBeforeReadingThemWithMemoryFlat()
    {
        // 2,000,000 empty rows: about 50 MB of XML, 5 MB zipped, under the limit as a file.
        var bomb = Workbook(sheet => sheet.WriteEmptyRows(2, 2_000_000));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var outcome = await Importing.ImportAsync(_database, bomb, "bomb.xlsx", new ImportOptions { MaxDecompressedBytes = 8 * OneMegabyte });

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        bomb.Length.Should().BeLessThan(8 * (int)OneMegabyte);
        outcome.Errors.Should().ContainSingle().Which.Should().Be(new ImportError(
            0, null, "the file is larger than 8 MiB once decompressed, the most one import may read; nothing was imported"));
        allocated.Should().BeLessThan(32L * 1024 * 1024, "the sheet's declared size is checked before a row of it is read");
        (await _database.CountAsync()).Results.Should().Be(0);
    }

    [Fact]
    public async Task Import_WithHugeSharedStringsTable_IsRefusedBeforeHoldingIt()
    {
        var bomb = Workbook(sheet => { }, sharedStrings: 200_000);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var outcome = await Importing.ImportAsync(_database, bomb, "bomb.xlsx", new ImportOptions { MaxDecompressedBytes = OneMegabyte });

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        outcome.Errors.Should().ContainSingle().Which.Should().Be(new ImportError(0, null, TooLarge));
        allocated.Should().BeLessThan(32L * 1024 * 1024, "the shared strings are never read, let alone held");
    }

    [Fact]
    public async Task Import_WithSheetLargerThanItsZipEntryDeclares_IsRefusedWhileStreaming()
    {
        // The zip claims the sheet is 2 KB: the declared sizes pass, and decompression stops at 2 KB, mid-XML.
        var bomb = DeclareSize(Workbook(sheet => sheet.WriteEmptyRows(2, 200_000)), "sheet", 2048);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var outcome = await Importing.ImportAsync(_database, bomb, "bomb.xlsx", new ImportOptions { MaxDecompressedBytes = OneMegabyte });

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        outcome.Succeeded.Should().BeFalse();
        outcome.Errors.Should().ContainSingle().Which.Message.Should().StartWith("sheet Bomb cannot be read after row ");
        allocated.Should().BeLessThan(32L * 1024 * 1024);
    }

    [Fact]
    public async Task Import_WithRowLongerThanTheLineLimit_IsRefusedOnThatRow()
    {
        var bomb = Workbook(sheet => sheet.WriteElement(new Row(
            new Cell { CellReference = "A2", DataType = CellValues.InlineString, InlineString = new InlineString(new Text(new string('x', 20_000))) })
        {
            RowIndex = 2,
        }));

        var outcome = await Importing.ImportAsync(_database, bomb, "bomb.xlsx");

        outcome.Errors.Should().ContainSingle().Which.ToString().Should().Be(
            "sheet Bomb, row 2: the row is longer than 16,384 characters, more than any valid row needs; nothing was imported");
    }

    [Fact]
    public async Task Import_WithCellFarRight_IsRefusedOnItsRow()
    {
        var bomb = Workbook(sheet => sheet.WriteElement(new Row(
            new Cell { CellReference = "XFD2", CellValue = new CellValue("1") })
        {
            RowIndex = 2,
        }));

        var outcome = await Importing.ImportAsync(_database, bomb, "bomb.xlsx");

        outcome.Errors.Should().ContainSingle().Which.ToString().Should().Be(
            "sheet Bomb, row 2: cell XFD2 is beyond column AMJ: a results table has at most 1,024 columns; nothing was imported");
    }

    /// <summary>A one-sheet workbook ("Bomb") with a tidy header row, then whatever <paramref name="rows"/> writes.</summary>
    private static byte[] Workbook(Action<OpenXmlWriter> rows, int sharedStrings = 0)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(worksheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                writer.WriteElement(new Row(TidyLayout.Columns.Select((name, i) => new Cell
                {
                    CellReference = XlsxRowReader.ColumnLetters(i) + "1",
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(name)),
                }))
                {
                    RowIndex = 1,
                });
                rows(writer);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            if (sharedStrings > 0)
            {
                var part = workbookPart.AddNewPart<SharedStringTablePart>();
                using var writer = OpenXmlWriter.Create(part);
                writer.WriteStartElement(new SharedStringTable());
                for (var i = 0; i < sharedStrings; i++)
                {
                    writer.WriteElement(new SharedStringItem(new Text($"string number {i:D10}")));
                }

                writer.WriteEndElement();
            }

            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1, Name = "Bomb" }));
        }

        return stream.ToArray();
    }

    /// <summary>Rewrites the uncompressed size a zip declares for the entry whose name contains <paramref name="nameContains"/>.</summary>
    private static byte[] DeclareSize(byte[] zip, string nameContains, uint size)
    {
        var bytes = zip.ToArray();
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            var (sizeAt, nameLengthAt, nameAt) = signature switch
            {
                0x04034b50 => (22, 26, 30),
                0x02014b50 => (24, 28, 46),
                _ => (-1, 0, 0),
            };
            if (sizeAt < 0)
            {
                continue;
            }

            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + nameLengthAt));
            if (i + nameAt + nameLength > bytes.Length)
            {
                continue;
            }

            var name = Encoding.UTF8.GetString(bytes, i + nameAt, nameLength);
            if (name.Contains(nameContains, StringComparison.Ordinal) && name.EndsWith(".xml", StringComparison.Ordinal))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + sizeAt), size);
                patched++;
            }
        }

        patched.Should().BeGreaterThan(0, "the workbook has an entry named like {0}", nameContains);
        return bytes;
    }
}

internal static class BombWriting
{
    public static void WriteEmptyRows(this OpenXmlWriter writer, int first, int count)
    {
        for (var row = first; row < first + count; row++)
        {
            writer.WriteElement(new Row { RowIndex = (uint)row });
        }
    }
}
