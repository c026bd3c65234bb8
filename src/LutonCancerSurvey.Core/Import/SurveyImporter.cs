using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using CsvHelper;
using CsvHelper.Configuration;
using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using LutonCancerSurvey.Core.Formatting;

namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// Imports a results file (CPES combined layout or the tidy layout, plain or gzip) into the database in one
/// transaction: rows are streamed, merged by natural key and written in batches; any error writes nothing.
/// </summary>
public sealed class SurveyImporter(SurveyDbContext db, TimeProvider time)
{
    private const int ProgressEvery = 50_000;
    private const int BatchesInFlight = 2;

    public async Task<ImportOutcome> ImportAsync(
        Stream content, string fileName, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ErrorList(options.MaxErrorsListed);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The importer needs a seekable stream (a file, or an upload buffered to disk).", nameof(content));
        }

        if (content.Length == 0)
        {
            errors.Add(new ImportError(0, null, "the file is empty"));
            return errors.Outcome();
        }

        if (content.Length > options.MaxDecompressedBytes)
        {
            errors.Add(new ImportError(0, null, CheckedGzipStream.TooLarge(options.MaxDecompressedBytes)));
            return errors.Outcome();
        }

        // From the start whatever the caller left the position at: a stream just written to sits at its end, and
        // hashing from there names the empty input (e3b0c442…) instead of the file.
        content.Seek(0, SeekOrigin.Begin);
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken).ConfigureAwait(false));
        content.Seek(0, SeekOrigin.Begin);

        // Held open for the whole import, so the writer's native statements are finalised before the connection goes
        // back to the pool, and the import's large page cache is handed back with it.
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            options = await WhereToReadAsync(content, options, cancellationToken).ConfigureAwait(false);
            using var parser = OpenSource(content, options);
            return await ImportRowsAsync(parser, fileName, content.Length, sha256, options, errors, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (ImportFormatException ex)
        {
            errors.AddFinal(new ImportError(ex.Line, null, ex.Message) { Sheet = ex.Line > 0 ? ex.Sheet : null });
        }
        catch (MaxFieldSizeException ex)
        {
            errors.AddFinal(new ImportError(ex.Context?.Parser?.RawRow ?? 0, null, string.Create(CultureInfo.InvariantCulture,
                $"a field is longer than {ImportLimits.MaxLineLength:N0} characters, more than any valid row needs; nothing was imported")));
        }
        catch (DecoderFallbackException)
        {
            errors.AddFinal(new ImportError(0, null, "the file is not UTF-8 text: save it as UTF-8 CSV and import it again"));
        }
        finally
        {
            if (db.Database.IsSqlite())
            {
                // The pooled connection would otherwise keep the import's 128 MB page cache for every later page query.
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000;", CancellationToken.None).ConfigureAwait(false);
            }

            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        db.ChangeTracker.Clear();
        return errors.Outcome();
    }

    /// <summary>
    /// For a workbook, the sheet and header row to read: the chosen layout's, else the first sheet a saved layout reads.
    /// </summary>
    private async Task<ImportOptions> WhereToReadAsync(Stream content, ImportOptions options, CancellationToken cancellationToken)
    {
        if (options.Layout is { } chosen)
        {
            return options with { Sheet = options.Sheet ?? chosen.Sheet, HeaderRow = options.HeaderRow ?? chosen.HeaderRow };
        }

        if (options.Sheet is not null || !XlsxWorkbook.LooksLikeZip(content))
        {
            return options;
        }

        return options with
        {
            Sheet = await SavedLayouts.SheetToReadAsync(db, content, options.MaxDecompressedBytes, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>The file's records: a sheet of an Excel workbook (a zip), else CSV.</summary>
    internal static IRecordSource OpenSource(Stream content, ImportOptions options) =>
        XlsxWorkbook.LooksLikeZip(content)
            ? XlsxRecordSource.Open(content, options.MaxDecompressedBytes, options.Sheet, options.HeaderRow)
            : new CsvRecordSource(OpenParser(content, options.MaxDecompressedBytes));

    /// <summary>The file as CSV records: gzip or plain, strict UTF-8. Disposing the parser closes the text reader.</summary>
    internal static CsvParser OpenParser(Stream content, long maxDecompressedBytes = ImportLimits.DefaultMaxDecompressedBytes) =>
        new(new LineLimitedReader(OpenText(content, maxDecompressedBytes), ImportLimits.MaxLineLength), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = null,

            // Downloads of embargoed figures open with a "# EMBARGOED …" line.
            AllowComments = true,
            DetectDelimiter = false,

            // The default 4 KB buffer refills ~18,000 times for the real file, copying the part-read record each time.
            BufferSize = 1 << 16,

            // Not cached: the parser's field cache keeps every distinct field it meets, for ever, so a file of distinct
            // short fields (well within the size limits) would grow the server by gigabytes.
            CacheFields = false,

            // Belt and braces beside the line bound: the parser itself refuses a field that long.
            MaxFieldSize = ImportLimits.MaxLineLength,
        });

    private static StreamReader OpenText(Stream content, long maxDecompressedBytes)
    {
        Span<byte> magic = stackalloc byte[2];
        var read = content.Read(magic);
        content.Seek(0, SeekOrigin.Begin);
        var isGzip = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        var decoded = isGzip ? new CheckedGzipStream(content, maxDecompressedBytes) : content;
        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        return new StreamReader(decoded, strictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: isGzip == false);
    }

    private async Task<ImportOutcome> ImportRowsAsync(
        IRecordSource parser, string fileName, long fileBytes, string sha256, ImportOptions options, ErrorList errors,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var record = await parser.ReadHeaderAsync().ConfigureAwait(false);
        if (record is null)
        {
            errors.Add(new ImportError(1, null, "the file is empty: no header row"));
            return errors.Outcome();
        }

        // A workbook's header may be below a title: its errors name that row of the sheet.
        ImportError AtHeader(ImportError error) =>
            parser.Sheet is null ? error : error with { Line = parser.HeaderLine, Sheet = parser.Sheet };
        var header = record.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var layout = await LayoutOfAsync(header, options.Layout, e => errors.Add(AtHeader(e)), cancellationToken).ConfigureAwait(false);
        if (layout is null)
        {
            return errors.Outcome();
        }

        // Layouts that may leave a question's section or scoring out read them from the edition's questionnaire.
        if (layout is CombinedLayout or MappedLayout)
        {
            var questionnaires = await QuestionnaireCatalogue.LoadAsync(db, cancellationToken).ConfigureAwait(false);
            layout = layout is MappedLayout mapped ? mapped.With(questionnaires) : CombinedLayout.With(questionnaires);
        }

        var columns = header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);

        // Each text field must fit the column it is stored in, as the model declares it: checked here, with line and
        // column, rather than failing (SQL Server) or storing more than declared (SQLite) when written.
        var storedText = new StoredTextRules(
            layout.StoredText.ToDictionary(
                c => c.Key,
                c => (db.Model.FindEntityType(c.Value.Entity)?.FindProperty(c.Value.Property)
                    ?? throw new InvalidOperationException($"{c.Value.Entity.Name}.{c.Value.Property} is not in the model."))
                    .GetMaxLength() ?? ImportLimits.MaxLineLength,
                StringComparer.Ordinal),
            layout.QuotesText);
        var clock = Stopwatch.StartNew();

        if (db.Database.IsSqlite())
        {
            // The results' indexes outgrow SQLite's default 2 MB page cache within the first 50,000 rows, after which
            // every insert into a random index position reads pages back from the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -131072;", cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var import = new ImportRecord { FileName = Path.GetFileName(fileName), Sha256 = sha256, ImportedAt = time.GetUtcNow() };
        db.Imports.Add(import);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var reference = await ReferenceData.LoadAsync(db, cancellationToken).ConfigureAwait(false);
        var deferral = SqliteIndexDeferral.For(db, fileBytes);
        if (deferral is not null)
        {
            await deferral.DropAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var writer = ResultWriter.Create(db, transaction.GetDbTransaction(), import.Id);
        var field = new FieldReader(columns, errors.Add, sheet: parser.Sheet);
        var seenInFile = new Dictionary<ResultKey, int>();
        var tally = new Tally();

        // Only a file that can carry answers keeps its results' respondents for them.
        var answers = new AnswerImport();
        var withAnswers = columns.ContainsKey(TidyLayout.AnswerColumns[0]);

        // Reading and checking the file (CSV parsing, every field's validation) runs on its own thread while this one
        // matches rows to the database and writes them: each half is about as costly as the other, so on two cores
        // the import takes little more than the slower half. Rows and errors come through in file order, so errors
        // are listed as a single pass would list them, and all of it still lands in the one transaction.
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<RowBatch>(new BoundedChannelOptions(BatchesInFlight)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var reading = Task.Run(
            () => ReadRowsAsync(parser, header.Length, layout, columns, storedText, batches.Writer, stopReading.Token), CancellationToken.None);
        long rows;
        var readToTheEnd = false;

        // Organisations and questions met for the first time are saved as each batch arrives (rows need their ids), and
        // each save would otherwise compare every tracked entity with its snapshot. Renames picked up while reading
        // are still saved: detection is back on for the final saves.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await reference.AddMissingAsync(batch.Rows, cancellationToken).ConfigureAwait(false);
                foreach (var (ordinal, row, error) in batch.Items)
                {
                    if (row is null)
                    {
                        errors.Add(error!);
                        continue;
                    }

                    field.MoveTo(row.Line);
                    var key = reference.Resolve(row, field);
                    if (key is null)
                    {
                        continue;
                    }

                    if (row.Answer is not null)
                    {
                        answers.AddOption(row, key.Value, field);
                        continue;
                    }

                    if (!seenInFile.TryAdd(key.Value, row.Line))
                    {
                        field.Fail(null, $"duplicate result: line {seenInFile[key.Value]} has the same year, organisation, question, "
                            + "tumour group, breakdown and basis");
                        continue;
                    }

                    if (errors.Count > 0)
                    {
                        continue; // keep reading to report every error, but write nothing more
                    }

                    if (row.Scoring == Scoring.None)
                    {
                        answers.AddQuestion(row, key.Value);
                        continue;
                    }

                    if (withAnswers)
                    {
                        answers.AddQuestion(row, key.Value);
                    }

                    var existingId = await reference.FindExistingAsync(key.Value, cancellationToken).ConfigureAwait(false);
                    var written = row.ComparedWith is { } comparedWith ? row with { ComparedWithId = reference.BreakdownId(comparedWith) } : row;
                    await writer.WriteAsync(written, key.Value, existingId, cancellationToken).ConfigureAwait(false);
                    tally.Count(row, existingId is not null);

                    if (ordinal % ProgressEvery == 0)
                    {
                        progress?.Report(new ImportProgress(ordinal, ordinal / clock.Elapsed.TotalSeconds));
                    }
                }
            }

            rows = await reading.ConfigureAwait(false);
            readToTheEnd = true;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            if (!readToTheEnd)
            {
                // Writing failed or was cancelled: stop the reader and wait for it, since the parser it reads is
                // disposed as soon as this returns. Its own failure, if any, is the one already thrown here.
                await stopReading.CancelAsync().ConfigureAwait(false);
                await ((Task)reading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        // Answers are matched to their questions once every row is read; after other errors that would only repeat them.
        foreach (var error in errors.Count == 0 ? answers.Check() : [])
        {
            errors.Add(parser.Sheet is null ? error : error with { Sheet = parser.Sheet });
        }

        if (rows == 0)
        {
            errors.Add(AtHeader(new ImportError(1, null, "the file has a header but no results")));
        }

        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            return errors.Outcome();
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await answers.WriteAsync(db, import.Id, cancellationToken).ConfigureAwait(false);
        if (deferral is not null)
        {
            await deferral.RebuildAsync(cancellationToken).ConfigureAwait(false);
        }

        if (db.Database.IsSqlite())
        {
            // Without statistics SQLite's planner picks the single-column EditionId index for the pages' queries and
            // reads every result of the edition (300,000 rows, ~70 ms) to return a few hundred; with them it uses the
            // organisation index (~1 ms). Analysing the results table takes ~0.2 s at 360,000 rows.
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"Results\";", cancellationToken).ConfigureAwait(false);
        }

        var warnings = reference.SettleWordings()
            .Concat(await reference.LinkAlliancesAsync(cancellationToken).ConfigureAwait(false))
            .Concat(await reference.LinkParentsAsync(cancellationToken).ConfigureAwait(false))
            .ToList();
        import.Rows = (int)rows;
        var editions = await reference.FinishEditionsAsync(options.Publish, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (options.DryRun)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = time.GetUtcNow(),
                Actor = options.Actor,
                Action = "import",
                Details = $"{import.FileName}: {rows:N0} rows ({tally.Added:N0} added, {tally.Replaced:N0} replaced) for "
                    + string.Join(", ", editions.Select(e => $"{e.Year} ({e.Status})")),
                Sha256 = sha256,
            });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await DataVersions.BumpAsync(db, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        db.ChangeTracker.Clear();

        progress?.Report(new ImportProgress(rows, rows / clock.Elapsed.TotalSeconds));
        return new ImportOutcome(
            new ImportSummary(import.FileName, sha256, layout.Name, rows, tally.Added, tally.Replaced, tally.Suppressed,
                tally.ByLevelAndBasis, editions, warnings, clock.Elapsed, tally.Breakdown, options.DryRun)
            {
                Notes = parser.Notes,
                Sheet = parser.Sheet,
            },
            [],
            0);
    }

    /// <summary>
    /// The layout chosen for the file; else the one its header is (combined or tidy); else a layout saved for a file
    /// with the same header. Null, with the reasons reported, when none fits.
    /// </summary>
    private async Task<IFileLayout?> LayoutOfAsync(
        IReadOnlyList<string> header, LayoutDefinition? chosen, Action<ImportError> report, CancellationToken cancellationToken)
    {
        if (chosen is not null)
        {
            return MappedLayout.Create(chosen, header, report);
        }

        var unknown = new List<ImportError>();
        var known = FileLayouts.Detect(header, unknown.Add);
        if (known is not null)
        {
            return known;
        }

        if (await SavedLayouts.FindByHeaderAsync(db, header, cancellationToken).ConfigureAwait(false) is { } saved)
        {
            return MappedLayout.Create(saved, header, report);
        }

        unknown.ForEach(report);
        return null;
    }

    /// <summary>
    /// Reads and checks every record, passing on rows that pass and the errors of those that do not, in file order.
    /// Returns how many records the file has.
    /// </summary>
    private static async Task<long> ReadRowsAsync(
        IRecordSource parser, int headerLength, IFileLayout layout, IReadOnlyDictionary<string, int> columns,
        StoredTextRules storedText, ChannelWriter<RowBatch> output, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new RowBatch();
            var field = new FieldReader(columns, error => batch.Add(error), storedText, parser.Sheet);
            long rows = 0;
            while (await parser.ReadAsync().ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows++;
                field.MoveTo(parser, parser.Line);
                if (parser.Count != headerLength)
                {
                    field.Fail(null, $"has {Format.Count(parser.Count, "field", "fields")} but the header has {headerLength}");
                }
                else
                {
                    var row = layout.Read(field);
                    row = row is null ? null : RowRules.Apply(row, field, layout.MeasureColumns);
                    if (row is not null)
                    {
                        batch.Add(rows, row);
                    }
                }

                if (batch.IsFull)
                {
                    await output.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                    batch = new RowBatch();
                }
            }

            if (batch.Items.Count > 0)
            {
                await output.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            output.Complete();
            return rows;
        }
        catch (Exception ex)
        {
            // The writer sees the failure (damaged gzip, not UTF-8, cancelled) once it has taken the rows before it.
            output.TryComplete(ex);
            throw;
        }
    }

    /// <summary>Rows read and checked, with the errors of the records that failed, in file order.</summary>
    private sealed class RowBatch
    {
        // Each hand-over wakes a thread-pool thread, which spins a while once the batch is done: at 512 rows that
        // cost more CPU than the second thread saved. Small enough that the writer starts early and the two batches
        // in flight hold a few MB.
        private const int Size = 4096;

        public List<(long Ordinal, ImportRow? Row, ImportError? Error)> Items { get; } = new(Size);

        public IEnumerable<ImportRow> Rows => Items.Where(i => i.Row is not null).Select(i => i.Row!);

        public bool IsFull => Items.Count >= Size;

        public void Add(long ordinal, ImportRow row) => Items.Add((ordinal, row, null));

        public void Add(ImportError error) => Items.Add((0, null, error));
    }

    private sealed class Tally
    {
        private readonly Dictionary<(OrganisationLevel, ResultBasis), long> _byLevelAndBasis = [];

        public long Added { get; private set; }
        public long Replaced { get; private set; }
        public long Suppressed { get; private set; }
        public IReadOnlyDictionary<(OrganisationLevel Level, ResultBasis Basis), long> ByLevelAndBasis => _byLevelAndBasis;

        private readonly Dictionary<(int, OrganisationLevel, ResultBasis), (long Added, long Replaced)> _byEdition = [];

        public IReadOnlyList<ImportBreakdown> Breakdown => _byEdition
            .Select(e => new ImportBreakdown(e.Key.Item1, e.Key.Item2, e.Key.Item3, e.Value.Added, e.Value.Replaced))
            .OrderBy(b => b.Year).ThenBy(b => b.Level).ThenBy(b => b.Basis)
            .ToList();

        public void Count(ImportRow row, bool replaced)
        {
            var editionKey = (row.Year, row.Level, row.Basis);
            var (added, replacedCount) = _byEdition.GetValueOrDefault(editionKey);
            _byEdition[editionKey] = replaced ? (added, replacedCount + 1) : (added + 1, replacedCount);

            if (replaced)
            {
                Replaced++;
            }
            else
            {
                Added++;
            }

            if (row.Suppression != Suppression.None)
            {
                Suppressed++;
            }

            var key = (row.Level, row.Basis);
            _byLevelAndBasis[key] = _byLevelAndBasis.GetValueOrDefault(key) + 1;
        }
    }

    private sealed class ErrorList(int maxListed)
    {
        // Enough ranges to show where the failing rows are without listing thousands of them.
        private const int RangesListed = 10;
        private readonly List<ImportError> _listed = [];
        private readonly List<GroupBuilder> _groups = [];
        private readonly Dictionary<(string? Column, string Message), GroupBuilder> _byReason = [];

        public int Count { get; private set; }

        public void Add(ImportError error)
        {
            Count++;
            if (_listed.Count < maxListed)
            {
                _listed.Add(error);
            }

            if (_byReason.TryGetValue((error.Column, error.Message), out var group))
            {
                group.Add(error.Line);
            }
            else if (_groups.Count < maxListed)
            {
                group = new GroupBuilder(error.Column, error.Message, error.Sheet, error.ColumnLetters);
                group.Add(error.Line);
                _groups.Add(group);
                _byReason.Add((error.Column, error.Message), group);
            }
        }

        /// <summary>The error that stopped the reading: listed whatever the limit, since it explains the rest.</summary>
        public void AddFinal(ImportError error)
        {
            Count++;
            _listed.Add(error);
            var group = new GroupBuilder(error.Column, error.Message, error.Sheet, error.ColumnLetters);
            group.Add(error.Line);
            _groups.Add(group);
        }

        public ImportOutcome Outcome() => new(null, _listed, Count, _groups.Select(g => g.Build()).ToList());

        private sealed class GroupBuilder(string? column, string message, string? sheet, string? letters)
        {
            private readonly List<(int First, int Last)> _ranges = [];
            private int _rows;
            private bool _more;

            public void Add(int line)
            {
                _rows++;
                if (_ranges.Count > 0 && _ranges[^1] is var (first, last) && line >= last && line <= last + 1)
                {
                    _ranges[^1] = (first, line);
                }
                else if (_ranges.Count < RangesListed)
                {
                    _ranges.Add((line, line));
                }
                else
                {
                    _more = true;
                }
            }

            public ImportErrorGroup Build() => new(column, message, _rows, _ranges.ToList(), _more) { Sheet = sheet, ColumnLetters = letters };
        }
    }
}
