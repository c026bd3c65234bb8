using BenchmarkDotNet.Attributes;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Findings;
using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Benchmarks;

/// <summary>
/// The organisation results page's queries (header with its facets, then the results beside England) over a temp
/// SQLite database holding the real 2018 file, read from CPES_DATA_DIR or ../shared/data/cpes (never copied).
/// </summary>
[MemoryDiagnoser]
public class ResultsQueryBenchmarks
{
    private Database? _database;
    private OrganisationHeader? _header;
    private int _editionId;

    [GlobalSetup]
    public void ImportRealFile()
    {
        var path = RealDataFile.Find();
        _database = Database.TempFile();
        using (var file = File.OpenRead(path))
        {
            var outcome = _database.ImportAsync(file, path).GetAwaiter().GetResult();
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException("import failed");
            }
        }

        _header = HeaderAsync().GetAwaiter().GetResult() ?? throw new InvalidOperationException("06P not found");
        _editionId = _header.EditionIdOf(2018) ?? throw new InvalidOperationException("no 2018 edition");
    }

    [GlobalCleanup]
    public void Cleanup() => _database?.Dispose();

    /// <summary>The header read from the database: a new cache each time, as on the first request of a data version.</summary>
    [Benchmark]
    public Task<OrganisationHeader?> Header() => HeaderAsync();

    [Benchmark]
    public async Task<IReadOnlyList<QuestionResult>> Results()
    {
        await using var db = _database!.NewContext();
        return await new ResultsQuery(db, Fresh())
            .ResultsAsync(_header!, _editionId, TumourGroups.AllCancersId, ResultBasis.Adjusted, CancellationToken.None);
    }

    [Benchmark]
    public async Task<FindingsInput> FindingsInput()
    {
        await using var db = _database!.NewContext();
        return await new KeyFindingsQuery(db, new TumourGroupsQuery(db, Fresh()), Fresh())
            .FindingsInputAsync(_header!, 2018, CancellationToken.None);
    }


    /// <summary>Nothing held: each benchmark measures the query, not the cache.</summary>
    private static HeldReads Fresh() => new(new ReadCache(), FixedViewer.Public, new FixedVersion());

    private async Task<OrganisationHeader?> HeaderAsync()
    {
        await using var db = _database!.NewContext();
        return await new OrganisationHeaderQuery(
                db, FixedViewer.Public, TimeProvider.System, new OrganisationHeaderCache(), new FixedVersion(), new SuccessionsQuery(db))
            .HeaderAsync("06P", CancellationToken.None);
    }
}

internal sealed class FixedVersion : IDataVersionSource
{
    public ValueTask<string> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult("benchmark");
}
