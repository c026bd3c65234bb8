using System.Net;
using System.Text;
using LutonCancerSurvey.Web.Tests.Support;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>
/// Each edition draws its own map: a Trust's ICB and Alliance and an ICB's region are facts of the edition on show, on
/// the "part of" line, in the comparison and among the peers of a question; a draft's map reaches nobody outside the
/// embargo. Invented organisations and figures.
/// </summary>
public sealed class GeographyTests : IAsyncLifetime, IDisposable
{
    private const string Header =
        "year,level,organisation_code,organisation_name,alliance_code,alliance_name,icb_code,icb_name,region_code,region_name,"
        + "question,question_text,section,scoring,tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,"
        + "expected_lower,expected_upper,band,change_since_previous,change_overall,group_difference,suppressed,source_note\n";

    private const string Q59 = "Q59,\"Overall, how would you rate your care?\",Your overall NHS care,mean,All Cancers,all,unadjusted";

    // In 2022 the Trust is in the North ICB; in 2023 in the South ICB, and a third ICB reports for the first time.
    private const string Published = Header
        + "2022,national,E92000001,England,,,,,,," + Q59 + ",60000,8.80,8.79,8.81,,,,,,,,\n"
        + "2022,icb,QZA,NHS Testshire North ICB,,,,,Y99,Testland," + Q59 + ",900,8.81,8.7,8.9,,,,,,,,\n"
        + "2022,icb,QZB,NHS Testshire South ICB,,,,,Y99,Testland," + Q59 + ",800,8.72,8.6,8.8,,,,,,,,\n"
        + "2022,trust,RZ1,Testshire Hospitals NHS Trust,E56000099,Test Alliance,QZA,NHS Testshire North ICB,,," + Q59 + ",300,8.90,8.8,9.0,,,,,,,,\n"
        + "2023,national,E92000001,England,,,,,,," + Q59 + ",61000,8.82,8.81,8.83,,,,,,,,\n"
        + "2023,icb,QZA,NHS Testshire North ICB,,,,,Y99,Testland," + Q59 + ",910,8.79,8.7,8.9,,,,,,,,\n"
        + "2023,icb,QZB,NHS Testshire South ICB,,,,,Y99,Testland," + Q59 + ",820,8.75,8.6,8.9,,,,,,,,\n"
        + "2023,icb,QZC,NHS Testshire East ICB,,,,,Y99,Testland," + Q59 + ",700,8.70,8.6,8.8,,,,,,,,\n"
        + "2023,trust,RZ1,Testshire Hospitals NHS Trust,E56000099,Test Alliance,QZB,NHS Testshire South ICB,,," + Q59 + ",310,8.85,8.7,9.0,,,,,,,,\n";

    // The draft moves the Trust to an ICB of its own and the South ICB to another region.
    private const string Draft = Header
        + "2024,national,E92000001,England,,,,,,," + Q59 + ",62000,8.83,8.82,8.84,,,,,,,,\n"
        + "2024,icb,QZB,NHS Testshire South ICB,,,,,Y97,Draftland," + Q59 + ",830,8.76,8.6,8.9,,,,,,,,\n"
        + "2024,trust,RZ1,Testshire Hospitals NHS Trust,E56000099,Test Alliance,QZD,NHS Draftmoved ICB,,," + Q59 + ",320,8.86,8.7,9.0,,,,,,,,\n";

    private static readonly string[] DraftNames = ["Draftmoved", "Draftland", "QZD", "Y97"];

    private readonly DashboardFactory _app = new();

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        await ImportAsync(Published, "published.csv", publish: true);
        await ImportAsync(Draft, "draft.csv", publish: false);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/organisations/RZ1?year=2022", "Part of NHS Testshire North ICB and Test Alliance Cancer Alliance.")]
    [InlineData("/organisations/RZ1?year=2023", "Part of NHS Testshire South ICB and Test Alliance Cancer Alliance.")]
    [InlineData("/organisations/RZ1", "Part of NHS Testshire South ICB and Test Alliance Cancer Alliance.")]
    [InlineData("/organisations/QZB", "Part of NHS England's Testland region.")]
    public async Task ThePartOfLine_FollowsTheMapOfTheEditionOnShow(string url, string partOf)
    {
        var page = await _app.GetDocumentAsync(url);

        page.TestId("part-of").Should().Be(partOf);
    }

    [Fact]
    public async Task ThePartOfLine_LinksEachParent()
    {
        var page = await _app.GetDocumentAsync("/organisations/RZ1?year=2022");

        page.QuerySelectorAll("[data-testid='part-of'] a").Select(a => a.GetAttribute("href"))
            .Should().Equal("/organisations/QZA", "/organisations/E56000099");
    }

    [Fact]
    public async Task TheComparison_SetsATrustBesideTheIcbAndAllianceItIsPartOfThatYear()
    {
        var in2022 = await _app.GetDocumentAsync("/compare?codes=RZ1&year=2022");
        var in2023 = await _app.GetDocumentAsync("/compare?codes=RZ1&year=2023");

        Series(in2022).Should().Equal("RZ1", "QZA", "E56000099", "England");
        Series(in2023).Should().Equal("RZ1", "QZB", "E56000099", "England");
    }

    [Fact]
    public async Task AnIcb_IsComparedWithTheIcbsOfTheSameEdition()
    {
        var in2022 = await _app.GetDocumentAsync("/organisations/QZA/questions/59?year=2022&basis=unadjusted");
        var in2023 = await _app.GetDocumentAsync("/organisations/QZA/questions/59?year=2023&basis=unadjusted");

        Peers(in2022).Should().Equal("NHS Testshire North ICB (this organisation)", "NHS Testshire South ICB");
        Peers(in2023).Should().Equal("NHS Testshire East ICB", "NHS Testshire North ICB (this organisation)", "NHS Testshire South ICB");
    }

    [Fact]
    public async Task ATrustsCsv_CarriesItsIcb_AndExportImportExportIsByteIdentical()
    {
        var exported = await DownloadAsync(_app);
        using var second = new DashboardFactory();
        _ = second.Server;

        var reimport = await second.ImportAsync(new MemoryStream(exported), "exported.csv", publish: true);
        var exportedAgain = await DownloadAsync(second);
        var page = await second.GetDocumentAsync("/organisations/RZ1?year=2022");

        reimport.Errors.Should().BeEmpty();
        reimport.Summary!.Warnings.Should().BeEmpty();
        Encoding.UTF8.GetString(exportedAgain).Should().Be(Encoding.UTF8.GetString(exported));
        Encoding.UTF8.GetString(exported).Should().StartWith(
            "year,level,organisation_code,organisation_name,alliance_code,alliance_name,icb_code,icb_name,question,")
            .And.Contain("2022,trust,RZ1,Testshire Hospitals NHS Trust,E56000099,Test Alliance,QZA,NHS Testshire North ICB,Q59,")
            .And.Contain("2022,national,E92000001,England,,,,,Q59,");
        page.TestId("part-of").Should().Be("Part of NHS Testshire North ICB and Test Alliance Cancer Alliance.");
    }

    [Theory]
    [InlineData("/organisations/RZ1")]
    [InlineData("/organisations/RZ1?handler=csv")]
    [InlineData("/organisations/QZB")]
    [InlineData("/organisations/QZB?handler=csv")]
    [InlineData("/organisations/QZB/questions/59?basis=unadjusted")]
    [InlineData("/compare?codes=RZ1,QZB")]
    [InlineData("/compare?codes=RZ1,QZB&handler=csv")]
    [InlineData("/organisations?q=Testshire")]
    [InlineData("/api/v1/organisations")]
    [InlineData("/api/v1/organisations/RZ1/results")]
    public async Task ADraftsMap_IsNotShownToThePublic(string url)
    {
        using var visitor = _app.NewClient();

        using var response = await visitor.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Should().Contain("Testshire");
        DraftNames.Where(n => body.Contains(n, StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public async Task ACommissioner_SeesTheDraftsMapOnTheDraftsYear()
    {
        using var commissioner = await _app.ClientAsAsync(Access.Roles.Commissioner);

        var page = await Html.ParseAsync(await commissioner.GetStringAsync(new Uri("/organisations/RZ1?year=2024", UriKind.Relative)));

        page.TestId("part-of").Should().Be("Part of NHS Draftmoved ICB and Test Alliance Cancer Alliance.");
    }

    private static List<string?> Series(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelector("[data-testid='compare-chart']")!.QuerySelectorAll("thead th[data-series]")
            .Select(th => th.GetAttribute("data-series")).ToList();

    private static List<string> Peers(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid='funnel-chart'] tbody th").Select(th => th.TextContent.Trim()).ToList();

    private static async Task<byte[]> DownloadAsync(DashboardFactory app)
    {
        using var client = app.CreateClient();
        return await client.GetByteArrayAsync(new Uri("/organisations/RZ1?handler=csv&year=2022", UriKind.Relative));
    }

    private async Task ImportAsync(string content, string fileName, bool publish)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        var outcome = await _app.ImportAsync(stream, fileName, publish);
        outcome.Errors.Should().BeEmpty();
        outcome.Succeeded.Should().BeTrue();
    }
}
