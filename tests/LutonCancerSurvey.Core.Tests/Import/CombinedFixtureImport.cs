using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.Import;

/// <summary>Imports the hand-written combined-layout fixture once into a fresh database, for tests that only read.</summary>
public sealed class CombinedFixtureImport : IAsyncLifetime, IDisposable
{
    public TestDatabase Database { get; } = new();

    public ImportOutcome Outcome { get; private set; } = null!;

    public async Task InitializeAsync() => Outcome = await Importing.ImportFixtureAsync(Database, Fixtures.CombinedValid);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Database.Dispose();
}
