using System.Text;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Tests.Queries;

/// <summary>
/// Which organisations became which, as each viewer may see it: named as the newest edition they may see names each
/// organisation, and a succession to an organisation only a draft has left out for the public. Invented organisations:
/// two CCGs merged in 2021 (published), and that CCG became an ICB in 2022, a draft that also renames it.
/// </summary>
public sealed class SuccessionsQueryTests : IAsyncLifetime, IDisposable
{
    private const string Header = HandWrittenResults.CoreColumns + "\n";

    private const string Published = Header
        + "2019,ccg,91A,NHS Testshire North CCG,,,Q59,Overall?,Overall,mean,All Cancers,all,trend,200,8.8,8.6,9.0,,,,,,,,\n"
        + "2019,ccg,91B,NHS Testshire South CCG,,,Q59,Overall?,Overall,mean,All Cancers,all,trend,210,8.7,8.5,8.9,,,,,,,,\n"
        + "2021,ccg,92M,NHS Testshire CCG,,,Q59,Overall?,Overall,mean,All Cancers,all,trend,400,8.75,8.6,8.9,,,,,,,,\n";

    private const string Draft = Header
        + "2022,icb,QT1,NHS Testshire Integrated Care Board,,,Q59,Overall?,Overall,mean,All Cancers,all,trend,420,8.8,8.7,8.9,,,,,,,,\n"
        + "2022,ccg,92M,NHS Testshire Draftname CCG,,,Q59,Overall?,Overall,mean,All Cancers,all,trend,30,8.7,8.2,9.2,,,,,,,,\n";

    private const string Successions = "predecessor_code,successor_code,from_year,kind\n"
        + "91A,92M,2021,merged\n"
        + "91B,92M,2021,merged\n"
        + "92M,QT1,2022,merged\n";

    private readonly TestDatabase _database = new();

    public async Task InitializeAsync()
    {
        (await Importing.ImportTextAsync(_database, Published, "published.csv", new ImportOptions { Publish = true })).Succeeded.Should().BeTrue();
        (await Importing.ImportTextAsync(_database, Draft, "draft.csv")).Succeeded.Should().BeTrue();
        await using var db = _database.NewContext();
        using var lookup = new MemoryStream(Encoding.UTF8.GetBytes(Successions), writable: false);
        (await new SuccessionImporter(db, TestClock.At()).ImportAsync(lookup, "successions.csv", new SuccessionImportOptions(), CancellationToken.None))
            .Errors.Should().BeEmpty();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Successions_AsThePublic_LeaveOutTheDraftsOrganisationAndItsNames()
    {
        var steps = await StepsAsync(FixedViewer.Public);

        steps.Should().Equal(
            "91A NHS Testshire North CCG → 92M NHS Testshire CCG 2021 Merged",
            "91B NHS Testshire South CCG → 92M NHS Testshire CCG 2021 Merged");
    }

    [Fact]
    public async Task Successions_AsACommissioner_IncludeTheDraftsAndNameEachAsItsNewestEdition()
    {
        var steps = await StepsAsync(FixedViewer.Commissioner);

        steps.Should().Equal(
            "91A NHS Testshire North CCG → 92M NHS Testshire Draftname CCG 2021 Merged",
            "91B NHS Testshire South CCG → 92M NHS Testshire Draftname CCG 2021 Merged",
            "92M NHS Testshire Draftname CCG → QT1 NHS Testshire Integrated Care Board 2022 Merged");
    }

    private async Task<List<string>> StepsAsync(IViewer viewer)
    {
        await using var db = _database.NewContext(viewer, TestClock.At());
        var map = await new SuccessionsQuery(db).SuccessionsAsync(CancellationToken.None);
        var organisations = await db.Organisations.Select(o => o.Id).ToListAsync();
        return organisations.SelectMany(map.Became)
            .Select(s => $"{s.Predecessor.Code} {s.Predecessor.Name} → {s.Successor?.Code} {s.Successor?.Name} {s.FromYear} {s.Kind}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
