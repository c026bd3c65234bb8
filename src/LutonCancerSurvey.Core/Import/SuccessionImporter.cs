using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Import;

public sealed record SuccessionImportOptions
{
    /// <summary>Check the file and say what it would change, writing nothing: the preview an administrator confirms.</summary>
    public bool DryRun { get; init; }

    /// <summary>Who loads the lookup, for the audit log.</summary>
    public string Actor { get; init; } = "command line";
}

/// <summary>What a row of the lookup does to the stored successions.</summary>
public enum SuccessionChangeKind
{
    Added,
    Replaced,
    Unchanged,
}

/// <summary>One row of the lookup, with both organisations as their newest edition names them.</summary>
public sealed record SuccessionChange(
    int Line, string PredecessorCode, string PredecessorName, string? SuccessorCode, string? SuccessorName, int FromYear,
    SuccessionKind Kind, SuccessionChangeKind Change);

public sealed record SuccessionOutcome(
    string FileName, string? Sha256, IReadOnlyList<SuccessionChange> Changes, IReadOnlyList<ImportError> Errors, bool DryRun)
{
    public bool Succeeded => Errors.Count == 0;

    public int Count(SuccessionChangeKind kind) => Changes.Count(c => c.Change == kind);
}

/// <summary>
/// Loads the succession lookup (<c>predecessor_code,successor_code,from_year,kind</c>; docs/data-format.md): every
/// row is checked against the file and the database first, and only a file without a single error is written, in one
/// transaction with its audit entry. A row replaces what was stored for its predecessor; other successions stay.
/// </summary>
public sealed class SuccessionImporter(SurveyDbContext db, TimeProvider time)
{
    /// <summary>A lookup of every merger since the CCGs began is a few KB; anything near this is not a lookup.</summary>
    public const long MaxBytes = 1024 * 1024;

    public static readonly IReadOnlyList<string> Columns = ["predecessor_code", "successor_code", "from_year", "kind"];

    private static readonly IReadOnlyDictionary<string, SuccessionKind> Kinds = Vocabulary.Reverse(Vocabulary.SuccessionWords);

    public async Task<SuccessionOutcome> ImportAsync(
        Stream content, string fileName, SuccessionImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var name = Path.GetFileName(fileName);
        var errors = new List<ImportError>();
        SuccessionOutcome Failed(string? sha = null) => new(name, sha, [], errors, options.DryRun);

        // Read whole (it is small) so that the hash names exactly the bytes checked, whatever stream it came from.
        using var buffer = new MemoryStream();
        await CopyAtMostAsync(content, buffer, MaxBytes + 1, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            errors.Add(new ImportError(0, null, "the file is empty"));
            return Failed();
        }

        if (buffer.Length > MaxBytes)
        {
            errors.Add(new ImportError(0, null, "the file is larger than 1 MiB: a succession lookup has one short line per organisation"));
            return Failed();
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        buffer.Seek(0, SeekOrigin.Begin);
        List<Row> rows;
        try
        {
            using var parser = SurveyImporter.OpenParser(buffer, MaxBytes);
            rows = await ReadAsync(parser, errors).ConfigureAwait(false);
        }
        catch (ImportFormatException ex)
        {
            errors.Add(new ImportError(ex.Line, null, ex.Message));
            return Failed(sha256);
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new ImportError(0, null, "the file is not UTF-8 text: save it as UTF-8 CSV and load it again"));
            return Failed(sha256);
        }
        catch (CsvHelperException ex)
        {
            errors.Add(new ImportError(ex.Context?.Parser?.RawRow ?? 0, null, "the file is not CSV that can be read: " + ex.Message.Split('\n')[0]));
            return Failed(sha256);
        }

        if (errors.Count > 0)
        {
            return Failed(sha256);
        }

        var changes = await CheckAgainstDatabaseAsync(rows, errors, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return Failed(sha256);
        }

        if (!options.DryRun)
        {
            await WriteAsync(rows, changes, name, sha256, options.Actor, cancellationToken).ConfigureAwait(false);
        }

        return new SuccessionOutcome(name, sha256, changes, [], options.DryRun);
    }

    private static async Task CopyAtMostAsync(Stream from, Stream to, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        long copied = 0;
        int read;
        while (copied < limit && (read = await from.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - copied)), cancellationToken).ConfigureAwait(false)) > 0)
        {
            await to.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            copied += read;
        }
    }

    /// <summary>Reads and checks every row on its own and against the other rows of the file.</summary>
    private static async Task<List<Row>> ReadAsync(CsvParser parser, List<ImportError> errors)
    {
        var rows = new List<Row>();
        if (!await parser.ReadAsync().ConfigureAwait(false))
        {
            errors.Add(new ImportError(1, null, "the file is empty: no header row"));
            return rows;
        }

        var header = parser.Record!.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        if (!CheckHeader(header, errors))
        {
            return rows;
        }

        var columns = header.Select((column, index) => (column, index)).ToDictionary(c => c.column, c => c.index, StringComparer.Ordinal);
        var field = new FieldReader(columns, errors.Add);

        // Fields are read through the record source the results importer uses; the parser stays this method's caller's.
        var record = new CsvRecordSource(parser);
        var byPredecessor = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await parser.ReadAsync().ConfigureAwait(false))
        {
            field.MoveTo(record, parser.RawRow);
            if (parser.Count != header.Length)
            {
                field.Fail(null, $"has {parser.Count} fields but the header has {header.Length}");
                continue;
            }

            var predecessor = FileLayouts.ReadOrganisationCode(field, "predecessor_code", required: true);
            var successor = FileLayouts.ReadOrganisationCode(field, "successor_code", required: false);
            var year = FileLayouts.ReadYear(field, "from_year");
            var kind = field.Choice("kind", Kinds, required: true);
            if (field.HasErrors)
            {
                continue;
            }

            if (successor.Length == 0 && kind != SuccessionKind.Abolished)
            {
                field.Fail("successor_code", $"is empty: an organisation that {Vocabulary.SuccessionWords[kind!.Value]} needs the code of "
                    + "what it became (only an abolished one may have none)");
            }
            else if (string.Equals(successor, predecessor, StringComparison.Ordinal))
            {
                field.Fail("successor_code", $"is {successor}, the predecessor itself");
            }
            else if (byPredecessor.TryGetValue(predecessor, out var earlier))
            {
                field.Fail("predecessor_code", $"line {earlier} already says what became of {predecessor}: an organisation has one successor");
            }
            else
            {
                byPredecessor[predecessor] = field.Line;
                rows.Add(new Row(field.Line, predecessor, successor.Length == 0 ? null : successor, year!.Value, kind!.Value));
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(1, null, "the file has a header but no successions"));
        }

        return rows;
    }

    private static bool CheckHeader(IReadOnlyList<string> header, List<ImportError> errors)
    {
        var before = errors.Count;
        foreach (var missing in Columns.Where(c => !header.Contains(c, StringComparer.Ordinal)))
        {
            errors.Add(new ImportError(1, missing, "missing column (a succession lookup has predecessor_code, successor_code, from_year, kind)"));
        }

        foreach (var unknown in header.Where(c => !Columns.Contains(c, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            errors.Add(new ImportError(1, unknown, "unknown column for a succession lookup"));
        }

        foreach (var duplicate in header.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new ImportError(1, duplicate.Key, "column appears more than once"));
        }

        return errors.Count == before;
    }

    /// <summary>
    /// Both organisations must be known (their names come from the editions that report them), and the stored
    /// successions with the file's must never lead from an organisation back to itself.
    /// </summary>
    private async Task<List<SuccessionChange>> CheckAgainstDatabaseAsync(
        List<Row> rows, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var codes = rows.SelectMany(r => new[] { r.Predecessor, r.Successor }).OfType<string>().Distinct().ToList();
        var known = await db.Organisations.IncludingDrafts().AsNoTracking()
            .Where(o => codes.Contains(o.Code))
            .Select(o => new
            {
                o.Id,
                o.Code,
                Name = db.OrganisationEditions.Where(f => f.OrganisationId == o.Id).OrderByDescending(f => f.Edition!.Year)
                    .Select(f => f.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byCode = known.ToDictionary(o => o.Code, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var (code, column) in new[] { (row.Predecessor, "predecessor_code"), (row.Successor, "successor_code") })
            {
                if (code is not null && !byCode.ContainsKey(code))
                {
                    errors.Add(new ImportError(row.Line, column,
                        $"no organisation has the code {code}: import the results that name it first, so that it has a name"));
                }
            }
        }

        if (errors.Count > 0)
        {
            return [];
        }

        var stored = await db.Successions.AsNoTracking()
            .Select(s => new
            {
                s.PredecessorId, PredecessorCode = s.Predecessor!.Code, s.SuccessorId,
                SuccessorCode = s.Successor == null ? null : s.Successor.Code, s.FromYear, s.Kind,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var next = stored.ToDictionary(s => s.PredecessorId, s => s.SuccessorId);
        foreach (var row in rows)
        {
            next[byCode[row.Predecessor].Id] = row.Successor is null ? null : byCode[row.Successor].Id;
        }

        var codeOf = known.ToDictionary(o => o.Id, o => o.Code);
        foreach (var s in stored)
        {
            codeOf.TryAdd(s.PredecessorId, s.PredecessorCode);
            if (s.SuccessorId is { } successorId)
            {
                codeOf.TryAdd(successorId, s.SuccessorCode!);
            }
        }

        foreach (var row in rows.Where(r => r.Successor is not null))
        {
            var start = byCode[row.Predecessor].Id;
            var path = new List<int> { start };
            for (var at = next.GetValueOrDefault(start); at is { } id; at = next.GetValueOrDefault(id))
            {
                path.Add(id);
                if (id == start)
                {
                    var names = string.Join(" → ", path.Select(p => codeOf[p]));
                    errors.Add(new ImportError(row.Line, "successor_code", $"makes a loop ({names}): an organisation cannot succeed itself"));
                    break;
                }

                if (path.Count > next.Count + 1)
                {
                    break; // a loop elsewhere, reported on its own line
                }
            }
        }

        var before = stored.ToDictionary(s => s.PredecessorId);
        return rows.Select(r =>
        {
            var predecessor = byCode[r.Predecessor];
            var successor = r.Successor is null ? null : byCode[r.Successor];
            var change = !before.TryGetValue(predecessor.Id, out var old)
                ? SuccessionChangeKind.Added
                : old.SuccessorId == successor?.Id && old.FromYear == r.FromYear && old.Kind == r.Kind
                    ? SuccessionChangeKind.Unchanged
                    : SuccessionChangeKind.Replaced;
            return new SuccessionChange(
                r.Line, predecessor.Code, predecessor.Name ?? predecessor.Code, successor?.Code, successor?.Name ?? successor?.Code,
                r.FromYear, r.Kind, change);
        }).ToList();
    }

    private async Task WriteAsync(
        List<Row> rows, List<SuccessionChange> changes, string fileName, string sha256, string actor, CancellationToken cancellationToken)
    {
        var codes = rows.SelectMany(r => new[] { r.Predecessor, r.Successor }).OfType<string>().Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var ids = await db.Organisations.Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Id, cancellationToken)
            .ConfigureAwait(false);
        var predecessorIds = rows.Select(r => ids[r.Predecessor]).ToList();
        var stored = await db.Successions.Where(s => predecessorIds.Contains(s.PredecessorId))
            .ToDictionaryAsync(s => s.PredecessorId, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            var predecessorId = ids[row.Predecessor];
            if (!stored.TryGetValue(predecessorId, out var succession))
            {
                succession = new Succession { PredecessorId = predecessorId };
                db.Successions.Add(succession);
            }

            succession.SuccessorId = row.Successor is null ? null : ids[row.Successor];
            succession.FromYear = row.FromYear;
            succession.Kind = row.Kind;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = "import-successions",
            Details = string.Create(CultureInfo.InvariantCulture,
                $"{fileName}: {rows.Count} successions ({changes.Count(c => c.Change == SuccessionChangeKind.Added)} added, "
                + $"{changes.Count(c => c.Change == SuccessionChangeKind.Replaced)} replaced, "
                + $"{changes.Count(c => c.Change == SuccessionChangeKind.Unchanged)} unchanged)"),
            Sha256 = sha256,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await DataVersions.BumpAsync(db, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    private sealed record Row(int Line, string Predecessor, string? Successor, int FromYear, SuccessionKind Kind);
}
