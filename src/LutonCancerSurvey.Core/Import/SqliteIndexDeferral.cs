using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// For a large file into SQLite, drops the results' secondary indexes while rows stream in and builds them again
/// (sorted, in one pass) before commit: random-order inserts into two composite indexes cost more than everything
/// else the import does. Uniqueness is still enforced: the importer checks every key against the file and the
/// database itself, and rebuilding the unique index would fail the transaction on any duplicate.
/// </summary>
internal sealed class SqliteIndexDeferral
{
    public const long MinimumFileBytes = 512 * 1024;

    private readonly SurveyDbContext _db;
    private readonly IModel _model;
    private readonly IReadOnlyList<MigrationOperation> _drop;
    private readonly IReadOnlyList<MigrationOperation> _create;

    private SqliteIndexDeferral(SurveyDbContext db)
    {
        _db = db;

        // The runtime model drops index details (e.g. sort order) that DDL needs; the design-time model keeps them.
        _model = db.GetService<IDesignTimeModel>().Model;
        var entity = _model.FindEntityType(typeof(SurveyResult))!;
        var table = _model.GetRelationalModel().FindTable(entity.GetTableName()!, entity.GetSchema())!;
        var indexes = table.Indexes.ToList();
        _drop = indexes.Select(i => (MigrationOperation)new DropIndexOperation { Name = i.Name, Table = table.Name }).ToList();
        _create = indexes.Select(i => (MigrationOperation)CreateIndexOperation.CreateFrom(i)).ToList();
    }

    public static SqliteIndexDeferral? For(SurveyDbContext db, long fileBytes) =>
        db.Database.IsSqlite() && fileBytes >= MinimumFileBytes ? new SqliteIndexDeferral(db) : null;

    public Task DropAsync(CancellationToken cancellationToken) => ExecuteAsync(_drop, cancellationToken);

    public Task RebuildAsync(CancellationToken cancellationToken) => ExecuteAsync(_create, cancellationToken);

    private async Task ExecuteAsync(IReadOnlyList<MigrationOperation> operations, CancellationToken cancellationToken)
    {
        var commands = _db.GetService<IMigrationsSqlGenerator>().Generate(operations, _model);
        foreach (var command in commands)
        {
            await _db.Database.ExecuteSqlRawAsync(command.CommandText, cancellationToken).ConfigureAwait(false);
        }
    }
}
