using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Tests.Support;

/// <summary>A SQLite database in a temporary file, created for one test (or one test class) and deleted afterwards.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"lcs-test-{Guid.NewGuid():N}.db");

    public TestDatabase()
    {
        using var db = NewContext();

        // The schema comes from the SQLite migrations, exactly as the app creates it.
        db.Database.Migrate();
    }

    public string ConnectionString => $"Data Source={_path}";

    /// <summary>
    /// A context for <paramref name="viewer"/>; by default one who sees drafts too, so that a test reads back everything
    /// an import stored.
    /// </summary>
    public SurveyDbContext NewContext(IViewer? viewer = null, TimeProvider? time = null)
    {
        var options = new DbContextOptionsBuilder<SurveyDbContext>();
        options.UseSurveyDatabase(DatabaseProvider.Sqlite, ConnectionString);
        return new SurveyDbContext(options.Options, viewer ?? FixedViewer.Commissioner, time ?? TimeProvider.System);
    }

    /// <summary>How many rows each table holds, to show that a failed import changed nothing.</summary>
    public async Task<TableCounts> CountAsync()
    {
        await using var db = NewContext();
        return new TableCounts(
            await db.Results.CountAsync(),
            await db.Organisations.CountAsync(),
            await db.Editions.CountAsync(),
            await db.Questions.CountAsync(),
            await db.Imports.CountAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm", _path + "-journal" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}

public sealed record TableCounts(int Results, int Organisations, int Editions, int Questions, int Imports);
