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
/// Writes results with plain parameterised commands inside the import's transaction: multi-row INSERTs for new keys
/// and an UPDATE by id for replaced ones. EF's change tracker costs far more than the database at 360,000 rows.
/// </summary>
internal sealed class ResultWriter : IAsyncDisposable
{
    // 50 rows x 21 values stays under SQL Server's 2,100 parameters per command.
    private const int RowsPerInsert = 50;

    private static readonly string[] ValueColumns =
    [
        nameof(SurveyResult.Respondents), nameof(SurveyResult.Score), nameof(SurveyResult.CiLower),
        nameof(SurveyResult.CiUpper), nameof(SurveyResult.ExpectedLower), nameof(SurveyResult.ExpectedUpper),
        nameof(SurveyResult.Band), nameof(SurveyResult.ChangeSincePrevious), nameof(SurveyResult.ChangeOverall),
        nameof(SurveyResult.GroupDifferenceSignificant), nameof(SurveyResult.Suppression), nameof(SurveyResult.SourceNote),
        nameof(SurveyResult.ImportId), nameof(SurveyResult.SourceRow),
    ];

    private static readonly string[] KeyColumns =
    [
        nameof(SurveyResult.EditionId), nameof(SurveyResult.OrganisationId), nameof(SurveyResult.QuestionId),
        nameof(SurveyResult.TumourGroupId), nameof(SurveyResult.Breakdown), nameof(SurveyResult.Basis),
    ];

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly int _importId;
    private readonly string _insertPrefix;
    private readonly string _updateSql;
    private readonly List<(ImportRow Row, ResultKey Key)> _pending = new(RowsPerInsert);
    private DbCommand? _fullInsert;
    private DbCommand? _update;

    public ResultWriter(SurveyDbContext db, DbTransaction transaction, int importId)
    {
        _connection = db.Database.GetDbConnection();
        _transaction = transaction;
        _importId = importId;

        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(SurveyResult))!;
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());

        _insertPrefix = $"INSERT INTO {table} ({string.Join(", ", KeyColumns.Concat(ValueColumns).Select(Column))}) VALUES ";
        _updateSql = $"UPDATE {table} SET {string.Join(", ", ValueColumns.Select((c, i) => $"{Column(c)} = @v{i}"))} "
            + $"WHERE {Column(nameof(SurveyResult.Id))} = @id";
    }

    public async Task WriteAsync(ImportRow row, ResultKey key, long? existingId, CancellationToken cancellationToken)
    {
        if (existingId is { } id)
        {
            _update ??= CreateCommand(_updateSql);
            _update.Parameters.Clear();
            AddValues(_update, row, "v");
            _update.Parameters.Add(Parameter(_update, "@id", id));
            await _update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        _pending.Add((row, key));
        if (_pending.Count == RowsPerInsert)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        DbCommand command;
        if (_pending.Count == RowsPerInsert)
        {
            _fullInsert ??= CreateInsert(RowsPerInsert);
            command = _fullInsert;
        }
        else
        {
            command = CreateInsert(_pending.Count);
        }

        command.Parameters.Clear();
        for (var i = 0; i < _pending.Count; i++)
        {
            var (row, key) = _pending[i];
            var prefix = string.Create(CultureInfo.InvariantCulture, $"r{i}_");
            object[] keyValues = [key.EditionId, key.OrganisationId, key.QuestionId, key.TumourGroupId, (int)key.Breakdown, (int)key.Basis];
            for (var k = 0; k < keyValues.Length; k++)
            {
                command.Parameters.Add(Parameter(command, string.Create(CultureInfo.InvariantCulture, $"@{prefix}k{k}"), keyValues[k]));
            }

            AddValues(command, row, prefix + "v");
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (command != _fullInsert)
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
            for (var k = 0; k < KeyColumns.Length; k++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"{(k == 0 ? string.Empty : ", ")}@r{i}_k{k}");
            }

            for (var v = 0; v < width - KeyColumns.Length; v++)
            {
                sql.Append(CultureInfo.InvariantCulture, $", @r{i}_v{v}");
            }

            sql.Append(')');
        }

        return CreateCommand(sql.ToString());
    }

    private DbCommand CreateCommand(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
#pragma warning disable CA2100 // built from the model's own table and column names, with every value a parameter
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private void AddValues(DbCommand command, ImportRow row, string prefix)
    {
        object?[] values =
        [
            row.Respondents, row.Score, row.CiLower, row.CiUpper, row.ExpectedLower, row.ExpectedUpper,
            (int?)row.Band, (int?)row.ChangeSincePrevious, (int?)row.ChangeOverall, row.GroupDifferenceSignificant,
            (int)row.Suppression, row.SourceNote, _importId, row.Line,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.Add(Parameter(command, string.Create(CultureInfo.InvariantCulture, $"@{prefix}{i}"), values[i]));
        }
    }

    private static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    public async ValueTask DisposeAsync()
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
