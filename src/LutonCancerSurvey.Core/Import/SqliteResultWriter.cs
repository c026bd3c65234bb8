using LutonCancerSurvey.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// For SQLite: one prepared single-row INSERT (and UPDATE), bound and stepped through SQLite's own API on the
/// connection's handle. Going through SqliteCommand cost ~12 µs a row, most of it boxing twenty values, looking each
/// parameter up by name and opening a data reader per execution; binding directly costs a fraction of that and
/// allocates nothing. The statements run inside the import's transaction because a SQLite transaction belongs to the
/// connection, not to a command.
/// </summary>
internal sealed class SqliteResultWriter : ResultWriter
{
    private readonly sqlite3 _handle;
    private readonly int _importId;
    private readonly string _insertSql;
    private readonly string _updateSql;
    private sqlite3_stmt? _insert;
    private sqlite3_stmt? _update;

    public SqliteResultWriter(SurveyDbContext db, int importId)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        _handle = connection.Handle ?? throw new InvalidOperationException("the import's connection is not open");
        _importId = importId;

        var (insertPrefix, update) = Statements(db, i => $"?{i + 1}", $"?{ValueColumns.Length + 1}");
        var width = KeyColumns.Length + ValueColumns.Length;
        _insertSql = insertPrefix + "(" + string.Join(", ", Enumerable.Range(1, width).Select(i => $"?{i}")) + ")";
        _updateSql = update;
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

        var insert = _insert ??= Prepare(_insertSql);
        Check(raw.sqlite3_bind_int(insert, 1, key.EditionId));
        Check(raw.sqlite3_bind_int(insert, 2, key.OrganisationId));
        Check(raw.sqlite3_bind_int(insert, 3, key.QuestionId));
        Check(raw.sqlite3_bind_int(insert, 4, key.TumourGroupId));
        Check(raw.sqlite3_bind_int(insert, 5, (int)key.Breakdown));
        Check(raw.sqlite3_bind_int(insert, 6, (int)key.Basis));
        BindValues(insert, KeyColumns.Length + 1, row);
        Execute(insert);
        return ValueTask.CompletedTask;
    }

    public override ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

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
        _insert?.Dispose();
        _update?.Dispose();
        return ValueTask.CompletedTask;
    }
}
