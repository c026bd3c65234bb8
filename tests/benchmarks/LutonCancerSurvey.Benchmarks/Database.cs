using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Benchmarks;

/// <summary>A migrated SQLite database for one benchmark: in memory (kept alive by an open connection) or a temp file.</summary>
internal sealed class Database : IDisposable
{
    private readonly SqliteConnection _keepAlive;
    private readonly string? _path;

    private Database(string connectionString, string? path)
    {
        ConnectionString = connectionString;
        _path = path;
        _keepAlive = new SqliteConnection(connectionString);
        _keepAlive.Open();
        using var db = NewContext();
        db.Database.Migrate();
    }

    public string ConnectionString { get; }

    public static Database InMemory() =>
        new($"Data Source=bench-{Guid.NewGuid():N};Mode=Memory;Cache=Shared", null);

    public static Database TempFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lcs-bench-{Guid.NewGuid():N}.db");
        return new Database($"Data Source={path}", path);
    }

    public SurveyDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<SurveyDbContext>();
        options.UseSurveyDatabase(DatabaseProvider.Sqlite, ConnectionString);
        return new SurveyDbContext(options.Options, FixedViewer.Public, TimeProvider.System);
    }

    public async Task<ImportOutcome> ImportAsync(Stream content, string name)
    {
        await using var db = NewContext();
        return await new SurveyImporter(db, TimeProvider.System)
            .ImportAsync(content, name, new ImportOptions { Publish = true }, progress: null, CancellationToken.None);
    }

    public void Dispose()
    {
        _keepAlive.Dispose();
        SqliteConnection.ClearAllPools();
        if (_path is not null)
        {
            foreach (var file in new[] { _path, _path + "-wal", _path + "-shm", _path + "-journal" })
            {
                File.Delete(file);
            }
        }
    }
}

