using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.RealData;

/// <summary>
/// Imports the real 2018 combined file once per test class into a temporary SQLite file, then imports it a second
/// time to check that re-importing replaces rather than duplicates. Both imports carry the same figures, so tests
/// that read the database see the same values either way.
/// </summary>
public sealed class RealDataImport : IAsyncLifetime, IDisposable
{
    public TestDatabase Database { get; } = new();

    public ImportOutcome? First { get; private set; }

    public TableCounts? CountsAfterFirst { get; private set; }

    public ImportOutcome? Second { get; private set; }

    public TableCounts? CountsAfterSecond { get; private set; }

    public async Task InitializeAsync()
    {
        var path = RealDataFiles.CombinedFile;
        if (path is null)
        {
            return; // the tests skip, or in CI fail with the reason
        }

        First = await ImportFileAsync(path);
        CountsAfterFirst = await Database.CountAsync();
        if (First.Succeeded)
        {
            Second = await ImportFileAsync(path);
            CountsAfterSecond = await Database.CountAsync();
        }
    }

    /// <summary>The first import's outcome, or a failure that says where the file was looked for.</summary>
    public ImportOutcome RequireFirst()
    {
        First.Should().NotBeNull(
            $"the real data file must be present (needs {RealDataFiles.ExpectedLocation}; set {RealDataFiles.DataDirectoryVariable})");
        return First!;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Database.Dispose();

    private async Task<ImportOutcome> ImportFileAsync(string path)
    {
        await using var db = Database.NewContext();
        var importer = new SurveyImporter(db, TimeProvider.System);
        await using var file = File.OpenRead(path);
        return await importer.ImportAsync(file, path, new ImportOptions(), progress: null, CancellationToken.None);
    }
}
