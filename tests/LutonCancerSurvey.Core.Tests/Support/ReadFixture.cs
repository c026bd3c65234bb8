using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Core.Tests.Support;

/// <summary>
/// <see cref="HandWrittenResults"/> imported once for a test class (2017 and 2018 published, 2019 a draft), with the
/// queries built as a request would build them for the public or for a commissioner.
/// </summary>
public sealed class ReadFixture : IDisposable
{
    private readonly TestDatabase _database = new();

    public ReadFixture()
    {
        Import(HandWrittenResults.Published(), "published.csv", publish: true);
        Import(HandWrittenResults.Draft(), "draft.csv", publish: false);
    }

    public SurveyDbContext Context(IViewer viewer) => _database.NewContext(viewer, TestClock.At());

    /// <summary>The header of <paramref name="code"/> for <paramref name="viewer"/>, read afresh.</summary>
    public async Task<OrganisationHeader?> HeaderAsync(string code, IViewer? viewer = null)
    {
        viewer ??= FixedViewer.Public;
        await using var db = Context(viewer);
        return await Headers(db, viewer).HeaderAsync(code, CancellationToken.None);
    }

    /// <summary>Nothing held yet, so each test reads from the database.</summary>
    public static HeldReads Fresh(IViewer viewer) => new(new ReadCache(), viewer, new FixedVersion());

    public static OrganisationHeaderQuery Headers(SurveyDbContext db, IViewer viewer) =>
        new(db, viewer, TestClock.At(), new OrganisationHeaderCache(), new FixedVersion(), new SuccessionsQuery(db));

    public void Dispose() => _database.Dispose();

    private void Import(string csv, string name, bool publish)
    {
        var outcome = Importing.ImportAsync(_database, HandWrittenResults.Bytes(csv), name, new ImportOptions { Publish = publish })
            .GetAwaiter().GetResult();
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"{name} did not import: {string.Join("; ", outcome.Errors)}");
        }
    }
}
