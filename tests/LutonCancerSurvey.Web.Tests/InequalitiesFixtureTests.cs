using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LutonCancerSurvey.Web.Tests.Api;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>
/// Results by sex and deprivation over a small hand-made file (invented figures): an Alliance with every breakdown, a
/// suppressed quintile and a suppressed sex figure, and a CCG in that Alliance, which has none.
/// </summary>
public sealed class InequalitiesFixtureTests : IClassFixture<InequalitiesFixtureTests.App>
{
    private const string Q22 = "Q22,\"Were you told how to get financial help, or benefits?\",Support for people with cancer,percent,All Cancers";
    private const string Q59 = "Q59,\"Overall, how would you rate your care?\",Your overall NHS care,mean,All Cancers";
    private const string Alliance = "2019,cancer-alliance,E56000099,Test Alliance,,,";
    private const string England = "2019,national,E92000001,England,,,";

    public static readonly string Fixture = string.Join('\n',
        "year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,change_since_previous,change_overall,group_difference,suppressed,source_note",
        $"{England}{Q22},all,unadjusted,50000,57,56.6,57.4,,,,,,,,",
        $"{England}{Q22},female,unadjusted,,59,,,,,,,,significant,,",
        $"{England}{Q22},male,unadjusted,,55,,,,,,,,significant,,",
        $"{Alliance}{Q22},all,unadjusted,3000,60,58.2,61.8,,,,,,,,",
        $"{Alliance}{Q22},male,unadjusted,,55,,,,,,,,significant,,",
        $"{Alliance}{Q22},female,unadjusted,,66,,,,,,,,significant,,",
        $"{Alliance}{Q22},imd1,unadjusted,,52,,,,,,,,significant,,",
        $"{Alliance}{Q22},imd2,unadjusted,,,,,,,,,,,source,",
        $"{Alliance}{Q22},imd3,unadjusted,,61,,,,,,,,,,",
        $"{Alliance}{Q22},imd4,unadjusted,,63,,,,,,,,,,",
        $"{Alliance}{Q22},imd5,unadjusted,,68,,,,,,,,significant,,",
        $"{Alliance}{Q59},all,unadjusted,3100,8.8,8.75,8.85,,,,,,,,",
        $"{Alliance}{Q59},male,unadjusted,,8.85,,,,,,,,not-significant,,",
        $"{Alliance}{Q59},female,unadjusted,,8.79,,,,,,,,not-significant,,",
        $"{Alliance}{Q59},imd1,unadjusted,,,,,,,,,,,few-respondents,",
        $"{Alliance}{Q59},imd2,unadjusted,,8.7,,,,,,,,,,",
        $"{Alliance}{Q59},imd3,unadjusted,,8.8,,,,,,,,,,",
        $"{Alliance}{Q59},imd4,unadjusted,,8.9,,,,,,,,,,",
        $"{Alliance}{Q59},imd5,unadjusted,,8.95,,,,,,,,,,",
        $"2019,ccg,99X,NHS Testshire CCG,E56000099,Test Alliance,{Q22},all,adjusted,204,61.3,54.6,68,55.1,66.9,within,,,,,") + "\n";

    private readonly App _app;

    public InequalitiesFixtureTests(App app) => _app = app;

    /// <summary>The dashboard with the fixture imported and published once for the class.</summary>
    public sealed class App : DashboardFactory, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            _ = Server;
            var outcome = await ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(Fixture)), "inequalities.csv", publish: true);
            outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private static IElement Cell(IHtmlDocument page, string row, string cell) =>
        page.QuerySelector($"[data-testid='{row}'] [data-testid='{cell}']") ?? throw new InvalidOperationException($"no {row} {cell}");

    [Fact]
    public async Task Ccg_SaysNoBreakdownIsPublished_AndLinksToItsAlliance()
    {
        var page = await _app.GetDocumentAsync("/organisations/99X/inequalities");

        page.TestId("not-published").Should().Contain("for Cancer Alliances and for England only, not for each CCG");
        page.QuerySelector("[data-testid='alliance-link']")!.GetAttribute("href").Should().Be("/organisations/E56000099/inequalities");
        page.QuerySelector("[data-testid='alliance-link']")!.TextContent.Should().Be("Test Alliance Cancer Alliance");
        page.QuerySelectorAll("figure").Should().BeEmpty();
    }

    [Fact]
    public async Task Ccg_Csv_IsNotFound()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync(new Uri("/organisations/99X/inequalities?handler=csv", UriKind.Relative));

        ((int)response.StatusCode).Should().Be(404);
    }

    [Fact]
    public async Task Alliance_ShowsEachGroupBesideAllPatients_WithTheSurveysTest()
    {
        var page = await _app.GetDocumentAsync("/organisations/E56000099/inequalities");

        Cell(page, "sex-22", "all").TextContent.Should().Be("60%");
        Cell(page, "sex-22", "male").TextContent.Should().Be("55%");
        Cell(page, "sex-22", "female").TextContent.Should().Be("66%");
        Cell(page, "sex-22", "gap").TextContent.Should().Be("+11 points");
        Cell(page, "sex-22", "test").TextContent.Trim().Should().Be("Significant difference");
        Cell(page, "deprivation-22", "imd1").TextContent.Should().Be("52%");
        Cell(page, "deprivation-22", "imd5").TextContent.Should().Be("68%");
        Cell(page, "deprivation-22", "gap").TextContent.Should().Be("−16 points");
        Cell(page, "sex-59", "test").TextContent.Trim().Should().Be("No significant difference");
        Cell(page, "sex-59", "male").TextContent.Should().Be("8.85");
        page.TestId("finding-sex").Should().Be(
            "The survey's test found a significant difference between men and women on 1 of the 2 questions it tested for Test Alliance in 2019: "
            + "women answered more positively than men on 1 and less positively on 0. It was that on Q22, “Were you told how to get financial help, or benefits?”, "
            + "women were more likely than men to answer positively (66% against 55%).");
        page.TestId("finding-deprivation").Should().Contain(
            "patients from the most deprived areas were less likely than those from the least deprived areas to answer positively (52% against 68%)");
        page.QuerySelectorAll("figure[data-testid='inequality-chart']").Should().HaveCount(4, "two sections, each by sex and by deprivation");
        page.TestId("inequality-caveat").Should().StartWith("These gaps are unadjusted:")
            .And.Contain("The survey tested 3 gaps here and found 2 significant.")
            .And.Contain("so fewer than one of these 3 would be expected to be significant by chance alone");
    }

    [Fact]
    public async Task SuppressedGroups_ShowTheReason_AndNoNumberInTheTableOrTheChartData()
    {
        var page = await _app.GetDocumentAsync("/organisations/E56000099/inequalities");

        Cell(page, "deprivation-22", "imd2").TextContent.Should().Be("Not shown: suppressed by the source");
        Cell(page, "deprivation-22", "imd2").GetAttribute("data-value").Should().BeEmpty();
        Cell(page, "deprivation-59", "imd1").TextContent.Should().Be("Not shown: fewer than 21 respondents");
        Cell(page, "deprivation-59", "imd1").GetAttribute("data-value").Should().BeEmpty();
        Cell(page, "deprivation-59", "gap").TextContent.Should().Be("–");
    }

    [Fact]
    public async Task ResultsAndQuestionPages_LinkToTheView()
    {
        var results = await _app.GetDocumentAsync("/organisations/E56000099?year=2019");
        var question = await _app.GetDocumentAsync("/organisations/E56000099/questions/22?year=2019");

        results.QuerySelector("[data-testid='inequalities-link']")!.GetAttribute("href").Should().Be("/organisations/E56000099/inequalities?year=2019");
        question.QuerySelector("[data-testid='inequalities-link']")!.GetAttribute("href").Should().Be("/organisations/E56000099/inequalities?year=2019#q22-sex");
    }

    [Fact]
    public async Task Csv_ExportedImportedIntoAnEmptyDatabaseAndExportedAgain_IsByteIdentical()
    {
        var exported = await DownloadAsync(_app);

        using var second = new DashboardFactory();
        _ = second.Server;
        var reimport = await second.ImportAsync(new MemoryStream(exported), "exported.csv", publish: true);
        var exportedAgain = await DownloadAsync(second);

        reimport.Succeeded.Should().BeTrue(string.Join("; ", reimport.Errors));
        Encoding.UTF8.GetString(exportedAgain).Should().Be(Encoding.UTF8.GetString(exported));
        var lines = Encoding.UTF8.GetString(exported).Split("\r\n");
        lines.Should().HaveCount(1 + 16 + 1, "a header, every breakdown of both questions, and the closing line break");
        lines.Should().Contain($"{Alliance}{Q22},female,unadjusted,,66,,,,,,,,significant,,")
            .And.Contain($"{Alliance}{Q22},imd2,unadjusted,,,,,,,,,,,source,")
            .And.Contain($"{Alliance}{Q59},imd1,unadjusted,,,,,,,,,,,few-respondents,")
            .And.Contain($"{Alliance}{Q59},imd3,unadjusted,,8.8,,,,,,,,,,");
    }

    [Fact]
    public async Task Api_WithABreakdown_CarriesTheGroupsFiguresTheSurveysTestAndEnglandsSameGroup()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations/E56000099/results?breakdown=female");

        response.Status.Should().Be(200);
        response.Body.GetProperty("breakdown").GetString().Should().Be("female");
        response.Body.GetProperty("basis").GetString().Should().Be("unadjusted");
        var q22 = response.Result("Q22");
        q22.GetProperty("score").GetDouble().Should().Be(66);
        q22.GetProperty("groupDifference").GetString().Should().Be("significant");
        q22.ShouldBeNull("respondents", "ciLower", "ciUpper", "suppressed");
        q22.GetProperty("national").GetProperty("score").GetDouble().Should().Be(59);
        response.Result("Q59").GetProperty("groupDifference").GetString().Should().Be("not-significant");
    }

    [Fact]
    public async Task Api_ASuppressedGroup_CarriesNoFigureAndNoTest()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations/E56000099/results?breakdown=imd1");

        var q59 = response.Result("Q59");
        q59.GetProperty("suppressed").GetString().Should().Be("few-respondents");
        q59.ShouldBeNull("score", "respondents", "groupDifference");
        response.Result("Q22").GetProperty("score").GetDouble().Should().Be(52);
    }

    [Fact]
    public async Task Api_ABreakdownForACcg_IsNotFound_AndSaysWhereItIsPublished()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations/99X/results?year=2019&breakdown=male");

        response.Status.Should().Be(404);
        response.Body.GetProperty("parameter").GetString().Should().Be("breakdown");
        response.Body.GetProperty("detail").GetString().Should().Contain("published for Cancer Alliances and England only");
    }

    [Fact]
    public async Task Api_AnUnknownBreakdown_IsABadRequestNamingTheWords()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations/E56000099/results?breakdown=men");

        response.Status.Should().Be(400);
        response.Body.GetProperty("detail").GetString().Should().Be(
            "Parameter 'breakdown': 'men' is not a breakdown. Use all, male, female, imd1 … imd5, or dimension:group (e.g. age:16-24; "
            + "the dimension in lower-case letters, digits and hyphens, up to 50 characters; the group up to 100).");
    }

    private static async Task<byte[]> DownloadAsync(DashboardFactory app)
    {
        using var client = app.CreateClient();
        return await client.GetByteArrayAsync(new Uri("/organisations/E56000099/inequalities?handler=csv&year=2019", UriKind.Relative));
    }
}
