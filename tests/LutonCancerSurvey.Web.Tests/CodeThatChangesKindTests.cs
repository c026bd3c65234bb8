using System.Text;
using System.Text.Json;
using LutonCancerSurvey.Web.Tests.Support;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>
/// In 2022 most CCGs became sub-ICB locations and kept their codes: 06X is a CCG in 2019 and a sub-ICB location in
/// 2023. What kind of organisation a code is belongs to each edition, so the 2023 file loads, each year's pages call it
/// what it was then, and its peers in a year are the organisations of its kind in that year. Invented figures.
/// </summary>
public sealed class CodeThatChangesKindTests : IAsyncLifetime, IDisposable
{
    private const string Header =
        "year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,"
        + "tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,"
        + "change_since_previous,change_overall,group_difference,suppressed,source_note,series\n";

    private const string Q59 = "Q59,\"Overall, how would you rate your care?\",Your overall NHS care,mean,All Cancers,all,unadjusted";

    private const string Edition2019 = Header
        + "2019,national,E92000001,England,,," + Q59 + ",60000,8.80,8.79,8.81,,,,,,,,,cpes-2015\n"
        + "2019,ccg,06X,NHS Testbury CCG,,," + Q59 + ",200,8.64,8.50,8.78,,,,,,,,,cpes-2015\n"
        + "2019,ccg,06Y,NHS Otherbury CCG,,," + Q59 + ",210,8.71,8.58,8.84,,,,,,,,,cpes-2015\n"
        + "2019,ccg,06Z,NHS Thirdbury CCG,,," + Q59 + ",190,8.90,8.76,9.04,,,,,,,,,cpes-2015\n";

    private const string Edition2023 = Header
        + "2023,national,E92000001,England,,," + Q59 + ",63000,8.86,8.85,8.87,,,,,,,,,cpes-2021\n"
        + "2023,sub-icb,06X,NHS Testshire ICB - 06X,,," + Q59 + ",220,8.70,8.57,8.83,,,,,,,,,cpes-2021\n"
        + "2023,sub-icb,07A,NHS Testshire ICB - 07A,,," + Q59 + ",230,8.95,8.83,9.07,,,,,,,,,cpes-2021\n";

    private readonly DashboardFactory _app = new();
    private Core.Import.ImportOutcome? _outcome;

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        (await ImportAsync(Edition2019)).Succeeded.Should().BeTrue();
        _outcome = await ImportAsync(Edition2023);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public void Import_OfASubIcbLocationOnAFormerCcgsCode_Succeeds()
    {
        _outcome!.Errors.Should().BeEmpty();
        _outcome.Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData(2019, "CCG 06X", "NHS Testbury CCG")]
    [InlineData(2023, "Sub-ICB location 06X", "NHS Testshire ICB - 06X")]
    public async Task ResultsPage_NamesTheKindOfOrganisation_ItWasThatYear(int year, string caption, string name)
    {
        var page = await _app.GetDocumentAsync($"/organisations/06X?year={year}");

        page.QuerySelector(".nhsuk-caption-l")!.TextContent.Trim().Should().Be(caption);
        page.QuerySelector("h1")!.TextContent.Should().Contain(name);
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2023)]
    public async Task EveryYearsPage_SaysTheCodeChangedKind(int year)
    {
        var page = await _app.GetDocumentAsync($"/organisations/06X?year={year}");

        page.TestId("kinds").Should().Be(
            "Code 06X was a CCG (NHS Testbury CCG) in 2019, and is a sub-ICB location from 2023. "
            + "Its trends follow the code; each year's ranks and funnels compare it with organisations of the kind it was that year.");
    }

    [Fact]
    public async Task APageOfACodeThatNeverChangedKind_SaysNothingOfKinds()
    {
        var page = await _app.GetDocumentAsync("/organisations/06Y");

        page.QuerySelector("[data-testid='kinds']").Should().BeNull();
    }

    [Theory]
    [InlineData(2019, "Ranked 3rd of 3 CCGs on this question.")]
    [InlineData(2023, "Ranked 2nd of 2 sub-ICB locations on this question.")]
    public async Task QuestionPage_RanksAmongThatYearsPeers(int year, string rank)
    {
        var page = await _app.GetDocumentAsync($"/organisations/06X/questions/59?year={year}&basis=unadjusted");

        page.TestId("rank").Should().StartWith(rank);
    }

    [Fact]
    public async Task Finder_ListsTheCodeUnderItsNewestKind()
    {
        var subIcbs = await _app.GetDocumentAsync("/organisations?level=sub-icb");
        var ccgs = await _app.GetDocumentAsync("/organisations?level=ccg");

        Codes(subIcbs).Should().Equal("06X", "07A");
        Codes(ccgs).Should().Equal(["06P", "06Y", "06Z"], "the seed's Luton CCG (06P) is a CCG too");
    }

    [Fact]
    public async Task Api_GivesEachYearsLevel()
    {
        using var client = _app.NewClient();

        using var y2019 = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/organisations/06X/results?year=2019", UriKind.Relative)));
        using var y2023 = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/organisations/06X/results?year=2023", UriKind.Relative)));

        y2019.RootElement.GetProperty("organisation").GetProperty("level").GetString().Should().Be("ccg");
        y2023.RootElement.GetProperty("organisation").GetProperty("level").GetString().Should().Be("sub-icb");
    }

    [Fact]
    public async Task Import_GivingOneCodeTwoKindsInOneEdition_IsRefused_AndWritesNothing()
    {
        var file = Header
            + "2023,sub-icb,08B,NHS Newshire ICB - 08B,,," + Q59 + ",220,8.70,8.57,8.83,,,,,,,,,cpes-2021\n"
            + "2023,ccg,08B,NHS Newshire CCG,,," + Q59.Replace("unadjusted", "adjusted", StringComparison.Ordinal)
            + ",220,8.70,8.57,8.83,,,,,,,,,cpes-2021\n";

        var outcome = await ImportAsync(file);
        var finder = await _app.GetDocumentAsync("/organisations?q=08B");

        outcome.Succeeded.Should().BeFalse();
        outcome.Errors.Should().Equal(new Core.Import.ImportError(3, null, "organisation 08B is at level 'sub-icb' in the 2023 edition, not 'ccg'"));
        Codes(finder).Should().BeEmpty();
    }

    private async Task<Core.Import.ImportOutcome> ImportAsync(string csv) =>
        await _app.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "edition.csv", publish: true);

    private static List<string> Codes(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid='results'] > li > a")
            .Select(a => a.GetAttribute("href")!.Split('/')[^1])
            .ToList();
}
