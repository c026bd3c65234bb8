using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Tests.Import;

/// <summary>
/// What an import may read is bounded (decompressed bytes, line length, each field's declared size), and a file past a
/// bound is refused with a clear error that changes nothing. Run alone, so that the allocation measured is the import's.
/// </summary>
[Collection(MeasuresAllocation.Name)]
public sealed class ImportLimitsTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase _database = new();
    private TableCounts _before = null!;

    public async Task InitializeAsync()
    {
        (await Importing.ImportFixtureAsync(_database, Fixtures.CombinedValid)).Succeeded.Should().BeTrue();
        _before = await _database.CountAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task AGzipBombOfOneEndlessLineIsRefusedOnThatLineWithMemoryStayingFlat()
    {
        // 256 MiB of zeros after the header, with no line end: about 250 KB compressed.
        var bomb = GzipOf(Encoding.UTF8.GetBytes(string.Join(',', CombinedCsv.Header) + "\n"), zeros: 256L * 1024 * 1024);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var outcome = await Importing.ImportAsync(_database, bomb, "bomb.csv.gz");

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        outcome.Errors.Should().ContainSingle().Which.Should().Be(new ImportError(
            2, null, "line 2 is longer than 16,384 characters, more than any valid row needs; nothing was imported"));
        allocated.Should().BeLessThan(32L * 1024 * 1024, "the parser may hold one bounded line, never the 256 MiB one");
        (await _database.CountAsync()).Should().Be(_before);
    }

    [Fact]
    public async Task AFileOfDistinctShortFieldsWithinEveryLimitIsReadWithMemoryStayingFlat()
    {
        // 300,000 lines of 25 fields never seen before (about 70 MB decompressed, well within the limits): a parser
        // that remembered every distinct field would hold 7.5 million strings, several hundred MB.
        var text = new StringBuilder(string.Join(',', CombinedCsv.Header)).Append('\n');
        for (var line = 0; line < 300_000; line++)
        {
            for (var field = 0; field < 25; field++)
            {
                text.Append(field == 0 ? string.Empty : ",").Append((line * 25L + field).ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        var file = Importing.Gzip(Encoding.UTF8.GetBytes(text.ToString()));
        text.Clear();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var sampling = new CancellationTokenSource();
        var peak = baseline;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(5, CancellationToken.None);
            }
        }, CancellationToken.None);

        var outcome = await Importing.ImportAsync(_database, file, "distinct.csv.gz");

        await sampling.CancelAsync();
        await sampler;
        outcome.Succeeded.Should().BeFalse("no line is a valid row");
        outcome.ErrorCount.Should().BeGreaterThanOrEqualTo(300_000);
        (peak - baseline).Should().BeLessThan(160L * 1024 * 1024, "the parser keeps no field once its row is read");
        (await _database.CountAsync()).Should().Be(_before);
    }

    [Fact]
    public async Task AGzipBombOfShortLinesIsRefusedOnceItPassesTheDecompressedLimit()
    {
        var lines = Encoding.UTF8.GetBytes(string.Join(',', CombinedCsv.Header) + "\n" + string.Concat(Enumerable.Repeat("0\n", 4 * 1024 * 1024)));
        var bomb = Importing.Gzip(lines);

        var outcome = await Importing.ImportAsync(
            _database, bomb, "bomb.csv.gz", new ImportOptions { MaxDecompressedBytes = 1024 * 1024 });

        outcome.Succeeded.Should().BeFalse();
        outcome.Errors.Should().Contain(new ImportError(
            0, null, "the file is larger than 1 MiB once decompressed, the most one import may read; nothing was imported"));
        (await _database.CountAsync()).Should().Be(_before);
    }

    [Fact]
    public async Task APlainFileOverTheLimitIsRefusedBeforeItIsRead()
    {
        var csv = CombinedCsv.Create().Row().Row(("Cancer.Type", "Breast")).ToBytes();

        var outcome = await Importing.ImportAsync(_database, csv, "results.csv", new ImportOptions { MaxDecompressedBytes = 100 });

        outcome.Errors.Should().ContainSingle().Which.Message.Should().StartWith("the file is larger than 100 bytes once decompressed");
        (await _database.CountAsync()).Should().Be(_before);
    }

    [Fact]
    public async Task AFieldLongerThanItsColumnHoldsIsNamedByLineAndColumn()
    {
        var csv = CombinedCsv.Create()
            .Row()
            .Row(("Cancer.Type", "Breast"), ("Trust.Name", new string('x', 201)))
            .Row(("Cancer.Type", "Lung"), ("Question.Text", new string('y', 401)));

        var outcome = await Importing.ImportTextAsync(_database, csv.ToString());

        outcome.Errors.Should().Equal(
            new ImportError(3, "Trust.Name", "is 201 characters long; the most this column can hold is 200"),
            new ImportError(4, "Question.Text", "is 401 characters long; the most this column can hold is 400"));
        (await _database.CountAsync()).Should().Be(_before);
    }

    [Fact]
    public async Task AFieldExactlyAsLongAsItsColumnHoldsIsImported()
    {
        var name = new string('x', 200);
        var csv = CombinedCsv.Create().Row(("Trust.Code", "97Q"), ("Trust.Name", name));

        var outcome = await Importing.ImportTextAsync(_database, csv.ToString());

        outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        await using var db = _database.NewContext();
        (await db.OrganisationEditions.Where(o => o.Organisation!.Code == "97Q").Select(o => o.Name).SingleAsync()).Should().Be(name);
    }

    [Fact]
    public async Task RowsFailingForOneReasonAreGroupedWithTheirCountAndLines()
    {
        var csv = CombinedCsv.Create();
        foreach (var tumourGroup in new[] { "Breast", "Colorectal", "Lung", "Prostate", "Skin" })
        {
            csv.Row(("Cancer.Type", tumourGroup), ("Year", "2021"));
        }

        csv.Row(("Cancer.Type", "Sarcoma"), ("scored.percentage", "n/a"));
        csv.Row(("Cancer.Type", "Other"), ("Year", "2021"));

        var outcome = await Importing.ImportTextAsync(_database, csv.ToString());

        outcome.ErrorCount.Should().Be(7);
        outcome.Grouped.Select(g => g.ToString()).Should().Equal(
            "6 rows: no questionnaire is known for 2021: upload the 2021 questionnaire first, or use the tidy layout, which names "
                + "each question's section (column 'Year'), lines 2\u20136, 8",
            "line 7, column 'scored.percentage': 'n/a' is not a number");
        outcome.ErrorsNotGrouped.Should().Be(0);
    }

    [Fact]
    public async Task TheRecordedHashIsOfTheWholeFileWhateverPositionTheStreamWasLeftAt()
    {
        var bytes = Fixtures.Bytes(Fixtures.TidyValid);
        await using var db = _database.NewContext();
        using var written = new MemoryStream();
        written.Write(bytes);

        var outcome = await new SurveyImporter(db, TestClock.At())
            .ImportAsync(written, "tidy-valid.csv", new ImportOptions(), progress: null, CancellationToken.None);

        outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        outcome.Summary!.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)))
            .And.NotBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    [RequiresFact(Needs.RealData)]
    public async Task TheReal2018FileIsWellWithinTheDefaultDecompressedLimit()
    {
        await using var file = File.OpenRead(RealDataFiles.CombinedFile!);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var buffer = new byte[1 << 16];
        long length = 0;
        int read;
        while ((read = await gzip.ReadAsync(buffer)) > 0)
        {
            length += read;
        }

        length.Should().Be(96_956_133);
        (length * 5).Should().BeLessThan(ImportLimits.DefaultMaxDecompressedBytes, "the default leaves room for files five times as large");
    }

    private static byte[] GzipOf(byte[] prefix, long zeros)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(prefix);
            var block = new byte[1 << 20];
            for (long written = 0; written < zeros; written += block.Length)
            {
                gzip.Write(block);
            }
        }

        return output.ToArray();
    }
}

/// <summary>Tests that measure what the process allocates run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuresAllocation
{
    public const string Name = "Measures allocation";
}
