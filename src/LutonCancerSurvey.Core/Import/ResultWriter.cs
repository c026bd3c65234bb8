using System.Data.Common;
using System.Globalization;
using System.Text;
using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// Writes results inside the import's transaction with plain statements: INSERTs for new keys and an UPDATE by id for
/// replaced ones. EF's change tracker costs far more than the database at 360,000 rows.
/// </summary>
internal abstract class ResultWriter : IAsyncDisposable
{
    internal static readonly string[] ValueColumns =
    [
        nameof(SurveyResult.Respondents), nameof(SurveyResult.Score), nameof(SurveyResult.CiLower),
        nameof(SurveyResult.CiUpper), nameof(SurveyResult.ExpectedLower), nameof(SurveyResult.ExpectedUpper),
        nameof(SurveyResult.Band), nameof(SurveyResult.ChangeSincePrevious), nameof(SurveyResult.ChangeOverall),
        nameof(SurveyResult.GroupDifferenceSignificant), nameof(SurveyResult.Suppression), nameof(SurveyResult.SourceNote),
        nameof(SurveyResult.ImportId), nameof(SurveyResult.SourceRow), nameof(SurveyResult.ScoreDecimals),
        nameof(SurveyResult.ComparedWithId),
    ];

    internal static readonly string[] KeyColumns =
    [
        nameof(SurveyResult.EditionId), nameof(SurveyResult.OrganisationId), nameof(SurveyResult.QuestionId),
        nameof(SurveyResult.TumourGroupId), nameof(SurveyResult.BreakdownId), nameof(SurveyResult.Basis),
    ];

    public static ResultWriter Create(SurveyDbContext db, DbTransaction transaction, int importId) =>
        db.Database.IsSqlite()
            ? new SqliteResultWriter(db, importId)
            : new BatchedResultWriter(db, transaction, importId);

    public abstract ValueTask WriteAsync(ImportRow row, ResultKey key, long? existingId, CancellationToken cancellationToken);

    /// <summary>Writes whatever is still held back; the caller does this once, after the last row.</summary>
    public abstract ValueTask FlushAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>The INSERT's column list and the UPDATE's SET list in the order of <see cref="KeyColumns"/> and
    /// <see cref="ValueColumns"/>, named as the model maps them, with <paramref name="placeholder"/> for each value.</summary>
    internal static (string InsertPrefix, string Update) Statements(SurveyDbContext db, Func<int, string> placeholder, string idPlaceholder)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(SurveyResult))!;
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());

        var insertPrefix = $"INSERT INTO {table} ({string.Join(", ", KeyColumns.Concat(ValueColumns).Select(Column))}) VALUES ";
        var update = $"UPDATE {table} SET {string.Join(", ", ValueColumns.Select((c, i) => $"{Column(c)} = {placeholder(i)}"))} "
            + $"WHERE {Column(nameof(SurveyResult.Id))} = {idPlaceholder}";
        return (insertPrefix, update);
    }
}

/// <summary>
/// For a server database: multi-row INSERTs, 50 rows at a time (under SQL Server's 2,100 parameters), to save round
/// trips.
/// </summary>
internal sealed class BatchedResultWriter : ResultWriter
{
    private const int RowsPerInsert = 50;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly int _importId;
    private readonly string _insertPrefix;
    private readonly string _updateSql;
    private readonly List<(ImportRow Row, ResultKey Key)> _pending = new(RowsPerInsert);
    private DbCommand? _fullInsert;
    private DbCommand? _update;

    public BatchedResultWriter(SurveyDbContext db, DbTransaction transaction, int importId)
    {
        _connection = db.Database.GetDbConnection();
        _transaction = transaction;
        _importId = importId;
        (_insertPrefix, _updateSql) = Statements(db, i => string.Create(CultureInfo.InvariantCulture, $"@v{i}"), "@id");
    }

    public override async ValueTask WriteAsync(ImportRow row, ResultKey key, long? existingId, CancellationToken cancellationToken)
    {
        if (existingId is { } id)
        {
            _update ??= CreateCommand(_updateSql, ValueColumns.Length + 1);
            SetValues(_update, 0, row);
            _update.Parameters[ValueColumns.Length].Value = id;
            await _update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        _pending.Add((row, key));
        if (_pending.Count == RowsPerInsert)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var full = _pending.Count == RowsPerInsert;
        var command = full ? _fullInsert ??= CreateInsert(RowsPerInsert) : CreateInsert(_pending.Count);
        var width = KeyColumns.Length + ValueColumns.Length;
        for (var i = 0; i < _pending.Count; i++)
        {
            var (row, key) = _pending[i];
            var parameters = command.Parameters;
            var first = i * width;
            parameters[first].Value = key.EditionId;
            parameters[first + 1].Value = key.OrganisationId;
            parameters[first + 2].Value = key.QuestionId;
            parameters[first + 3].Value = key.TumourGroupId;
            parameters[first + 4].Value = key.BreakdownId;
            parameters[first + 5].Value = (int)key.Basis;
            SetValues(command, first + KeyColumns.Length, row);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (!full)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _pending.Clear();
    }

    private DbCommand CreateInsert(int rows)
    {
        var sql = new StringBuilder(_insertPrefix);
        var width = KeyColumns.Length + ValueColumns.Length;
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            for (var c = 0; c < width; c++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"{(c == 0 ? string.Empty : ", ")}@p{(i * width) + c}");
            }

            sql.Append(')');
        }

        var command = CreateCommand(sql.ToString(), 0);
        for (var p = 0; p < rows * width; p++)
        {
            command.Parameters.Add(Parameter(command, string.Create(CultureInfo.InvariantCulture, $"@p{p}")));
        }

        // Not prepared: SqlClient's Prepare demands an explicit type and size on every parameter and throws without
        // them, while sp_executesql already caches the plan of this unchanging text.
        return command;
    }

    private DbCommand CreateCommand(string sql, int valueParameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
#pragma warning disable CA2100 // built from the model's own table and column names, with every value a parameter
        command.CommandText = sql;
#pragma warning restore CA2100
        for (var i = 0; i < valueParameters - 1; i++)
        {
            command.Parameters.Add(Parameter(command, string.Create(CultureInfo.InvariantCulture, $"@v{i}")));
        }

        if (valueParameters > 0)
        {
            command.Parameters.Add(Parameter(command, "@id"));
        }

        return command;
    }

    private void SetValues(DbCommand command, int first, ImportRow row)
    {
        var parameters = command.Parameters;
        parameters[first].Value = (object?)row.Respondents ?? DBNull.Value;
        parameters[first + 1].Value = (object?)row.Score ?? DBNull.Value;
        parameters[first + 2].Value = (object?)row.CiLower ?? DBNull.Value;
        parameters[first + 3].Value = (object?)row.CiUpper ?? DBNull.Value;
        parameters[first + 4].Value = (object?)row.ExpectedLower ?? DBNull.Value;
        parameters[first + 5].Value = (object?)row.ExpectedUpper ?? DBNull.Value;
        parameters[first + 6].Value = (object?)(int?)row.Band ?? DBNull.Value;
        parameters[first + 7].Value = (object?)(int?)row.ChangeSincePrevious ?? DBNull.Value;
        parameters[first + 8].Value = (object?)(int?)row.ChangeOverall ?? DBNull.Value;
        parameters[first + 9].Value = (object?)row.GroupDifferenceSignificant ?? DBNull.Value;
        parameters[first + 10].Value = (int)row.Suppression;
        parameters[first + 11].Value = (object?)row.SourceNote ?? DBNull.Value;
        parameters[first + 12].Value = _importId;
        parameters[first + 13].Value = row.Line;
        parameters[first + 14].Value = (object?)row.ScoreDecimals ?? DBNull.Value;
        parameters[first + 15].Value = (object?)row.ComparedWithId ?? DBNull.Value;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = DBNull.Value;
        return parameter;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_fullInsert is not null)
        {
            await _fullInsert.DisposeAsync().ConfigureAwait(false);
        }

        if (_update is not null)
        {
            await _update.DisposeAsync().ConfigureAwait(false);
        }
    }
}
