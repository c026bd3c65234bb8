using LutonCancerSurvey.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// For SQLite: prepared statements bound by position and stepped through SQLite's own API on the connection's handle.
/// Going through SqliteCommand cost ~12 µs a row, most of it boxing twenty values, looking each parameter up by name
/// and opening a data reader per execution; binding directly allocates nothing. New rows go 32 to a statement, which
/// saves most of the per-statement work (including AUTOINCREMENT's update of sqlite_sequence). The statements run
/// inside the import's transaction because a SQLite transaction belongs to the connection, not to a command.
/// </summary>
internal sealed class SqliteResultWriter : ResultWriter
{
    private const int RowsPerInsert = 32;
    private static readonly int Width = KeyColumns.Length + ValueColumns.Length;

    private readonly sqlite3 _handle;
    private readonly int _importId;
    private readonly string _insertPrefix;
    private readonly string _updateSql;
    private readonly (ImportRow Row, ResultKey Key)[] _pending = new (ImportRow, ResultKey)[RowsPerInsert];
    private int _pendingCount;
    private sqlite3_stmt? _fullInsert;
    private sqlite3_stmt? _update;

    public SqliteResultWriter(SurveyDbContext db, int importId)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        _handle = connection.Handle ?? throw new InvalidOperationException("the import's connection is not open");
        _importId = importId;

        (_insertPrefix, _updateSql) = Statements(db, i => $"?{i + 1}", $"?{ValueColumns.Length + 1}");
    }

    public override ValueTask WriteAsync(ImportRow row, ResultKey key, long? existingId, CancellationToken cancellationToken)
    {
        if (existingId is { } id)
        {
            var update = _update ??= Prepare(_updateSql);
            BindValues(update, 1, row);
            Check(raw.sqlite3_bind_int64(update, ValueColumns.Length + 1, id));
            Execute(update);
            return ValueTask.CompletedTask;
        }

        _pending[_pendingCount++] = (row, key);
        if (_pendingCount == RowsPerInsert)
        {
            Insert(_fullInsert ??= Prepare(InsertSql(RowsPerInsert)));
        }

        return ValueTask.CompletedTask;
    }

    public override ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_pendingCount > 0)
        {
            using var last = Prepare(InsertSql(_pendingCount));
            Insert(last);
        }

        return ValueTask.CompletedTask;
    }

    private void Insert(sqlite3_stmt insert)
    {
        for (var i = 0; i < _pendingCount; i++)
        {
            var (row, key) = _pending[i];
            var first = (i * Width) + 1;
            Check(raw.sqlite3_bind_int(insert, first, key.EditionId));
            Check(raw.sqlite3_bind_int(insert, first + 1, key.OrganisationId));
            Check(raw.sqlite3_bind_int(insert, first + 2, key.QuestionId));
            Check(raw.sqlite3_bind_int(insert, first + 3, key.TumourGroupId));
            Check(raw.sqlite3_bind_int(insert, first + 4, key.BreakdownId));
            Check(raw.sqlite3_bind_int(insert, first + 5, (int)key.Basis));
            BindValues(insert, first + KeyColumns.Length, row);
        }

        Execute(insert);
        Array.Clear(_pending, 0, _pendingCount);
        _pendingCount = 0;
    }

    private string InsertSql(int rows) =>
        _insertPrefix + string.Join(", ", Enumerable.Range(0, rows).Select(r =>
            "(" + string.Join(", ", Enumerable.Range((r * Width) + 1, Width).Select(p => $"?{p}")) + ")"));

    private void BindValues(sqlite3_stmt statement, int first, ImportRow row)
    {
        Bind(statement, first, row.Respondents);
        Bind(statement, first + 1, row.Score);
        Bind(statement, first + 2, row.CiLower);
        Bind(statement, first + 3, row.CiUpper);
        Bind(statement, first + 4, row.ExpectedLower);
        Bind(statement, first + 5, row.ExpectedUpper);
        Bind(statement, first + 6, (int?)row.Band);
        Bind(statement, first + 7, (int?)row.ChangeSincePrevious);
        Bind(statement, first + 8, (int?)row.ChangeOverall);
        Bind(statement, first + 9, row.GroupDifferenceSignificant is { } significant ? (significant ? 1 : 0) : null);
        Check(raw.sqlite3_bind_int(statement, first + 10, (int)row.Suppression));
        Check(row.SourceNote is null
            ? raw.sqlite3_bind_null(statement, first + 11)
            : raw.sqlite3_bind_text(statement, first + 11, row.SourceNote));
        Check(raw.sqlite3_bind_int(statement, first + 12, _importId));
        Check(raw.sqlite3_bind_int(statement, first + 13, row.Line));
        Bind(statement, first + 14, row.ScoreDecimals);
        Bind(statement, first + 15, row.ComparedWithId);
    }

    private void Bind(sqlite3_stmt statement, int index, int? value) =>
        Check(value is { } v ? raw.sqlite3_bind_int(statement, index, v) : raw.sqlite3_bind_null(statement, index));

    private void Bind(sqlite3_stmt statement, int index, double? value) =>
        Check(value is { } v ? raw.sqlite3_bind_double(statement, index, v) : raw.sqlite3_bind_null(statement, index));

    private void Execute(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);

        // Reset before reporting, so a failed statement does not stay active and hold the transaction open.
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _handle);
        }
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_handle, sql, out var statement));
        return statement;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _handle);
        }
    }

    public override ValueTask DisposeAsync()
    {
        _fullInsert?.Dispose();
        _update?.Dispose();
        return ValueTask.CompletedTask;
    }
}
