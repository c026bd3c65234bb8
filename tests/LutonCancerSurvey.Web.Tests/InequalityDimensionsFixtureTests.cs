using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LutonCancerSurvey.Web.Tests.Api;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>
/// Breakdowns beyond sex and deprivation over a small hand-made file (invented figures): an Alliance with results by
/// sex, age band and ethnic group, the survey's test of the age bands and ethnic groups it compared, a suppressed
/// ethnic group, and England's figure for one age band.
/// </summary>
public sealed class InequalityDimensionsFixtureTests : IClassFixture<InequalityDimensionsFixtureTests.App>
{
    private const string Alliance = InequalityDimensionsFixture.Alliance;
    private static readonly string Fixture = InequalityDimensionsFixture.Csv;

    private readonly App _app;

    public InequalityDimensionsFixtureTests(App app) => _app = app;

    /// <summary>The dashboard with the fixture imported and published once for the class.</summary>
    public sealed class App : DashboardFactory, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            _ = Server;
            var outcome = await ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(Fixture)), "dimensions.csv", publish: true);
            outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private static IElement Cell(IHtmlDocument page, string row, string cell) =>
        page.QuerySelector($"[data-testid='{row}'] [data-testid='{cell}']") ?? throw new InvalidOperationException($"no {row} {cell}");

    [Fact]
    public async Task Page_ShowsEveryDimension_EachGroupInTheFilesOrder_WithTheSurveysTest()
    {
        var page = await _app.GetDocumentAsync("/organisations/E56000098/inequalities?year=2019");

        page.TestId("inequalities-title").Should().Be("Second Test Alliance: results by group of patients");
        page.QuerySelectorAll("figure[data-testid='inequality-chart']").Select(f => f.GetAttribute("data-comparison"))
            .Should().Equal("sex", "age", "ethnic-group", "age", "ethnic-group");
        page.QuerySelector("[data-comparison='age'] thead")!.TextContent.Should().ContainAll("16-24", "25-64", "75+", "Difference (16-24 − 75+)",
            "The survey's test (16-24 against 75+)");
        page.QuerySelector("[data-comparison='age']")!.QuerySelectorAll("thead th[data-series]").Select(th => th.GetAttribute("data-series"))
            .Should().Equal("all", "age:16-24", "age:25-64", "age:75+");
        Cell(page, "age-22", "all").TextContent.Should().Be("60%");
        Cell(page, "age-22", "age:16-24").TextContent.Should().Be("48%");
        Cell(page, "age-22", "age:25-64").TextContent.Should().Be("58%");
        Cell(page, "age-22", "age:75+").TextContent.Should().Be("66%");
        Cell(page, "age-22", "gap").TextContent.Should().Be("−18 points");
        Cell(page, "age-22", "test").TextContent.Trim().Should().Be("Significant difference");
        Cell(page, "age-59", "age:75+").TextContent.Should().Be("9.0");
        Cell(page, "ethnic-group-22", "ethnic-group:White").TextContent.Should().Be("61%");
        Cell(page, "ethnic-group-22", "test").TextContent.Trim().Should().Be("No significant difference");
        Cell(page, "ethnic-group-22", "ethnic-group:Black").TextContent.Should().Be("Not shown: fewer than 21 respondents");
        Cell(page, "ethnic-group-22", "ethnic-group:Black").GetAttribute("data-value").Should().BeEmpty();
        Cell(page, "ethnic-group-59", "ethnic-group:Asian").TextContent.Should().Be("Not shown: suppressed by the source");
        Cell(page, "ethnic-group-59", "test").TextContent.Trim().Should().Be("No test published");
        page.TestId("other-dimensions").Should().Contain("by age, ethnic group");
    }

    [Fact]
    public async Task KeyFindings_NameTheLargestGapsAcrossDimensions_AndSayTheyAreUnadjustedAndHowManyChanceWouldMark()
    {
        var page = await _app.GetDocumentAsync("/organisations/E56000098/inequalities?year=2019");

        page.TestId("inequality-caveat").Should().StartWith("These gaps are unadjusted: they compare groups of patients as they are")
            .And.Contain("The survey tested 4 gaps here and found 3 significant.")
            .And.Contain("chance alone marks about one gap in 20 significant where there is no real difference, so fewer than one of these 4");
        page.TestId("largest-gaps").Should().StartWith(
            "Across every group the survey tested, the largest significant gaps: between patients in “16-24” (age) and those in “75+”, on Q22,")
            .And.Contain("(48% against 66%); between men and women, on Q22,")
            .And.EndWith("patients in “16-24” (age) gave a lower rating than those in “75+” (8.5 against 9.0).");
        page.TestId("finding-age").Should().StartWith(
            "The survey's test found a significant difference between patients in “16-24” (age) and those in “75+” on 2 of the 2 questions it tested for Second Test Alliance in 2019");
        page.TestId("finding-ethnic-group").Should().Be(
            "The survey's test found no significant difference between patients in “White” (ethnic group) and those in “Asian” on any of the 1 question it tested for Second Test Alliance in 2019.");
    }

    [Fact]
    public async Task Api_AnyDimensionAndGroup_CarriesTheFixturesFiguresAndTheComparedGroup()
    {
        var young = await ApiResponse.GetAsync(_app, "/api/v1/organisations/E56000098/results?breakdown=age:16-24");
        var white = await ApiResponse.GetAsync(_app, "/api/v1/organisations/E56000098/results?breakdown=ethnic-group:white");
        var unknown = await ApiResponse.GetAsync(_app, "/api/v1/organisations/E56000098/results?breakdown=age:90-99");

        young.Status.Should().Be(200);
        young.Body.GetProperty("breakdown").GetString().Should().Be("age:16-24");
        young.Body.GetProperty("basis").GetString().Should().Be("unadjusted");
        young.Result("Q22").GetProperty("score").GetDouble().Should().Be(48);
        young.Result("Q22").GetProperty("groupDifference").GetString().Should().Be("significant");
        young.Result("Q22").GetProperty("comparedWith").GetString().Should().Be("age:75+");
        young.Result("Q22").GetProperty("national").GetProperty("score").GetDouble().Should().Be(50);
        young.Result("Q59").GetProperty("scoreText").GetString().Should().Be("8.5");
        white.Status.Should().Be(200);
        white.Body.GetProperty("breakdown").GetString().Should().Be("ethnic-group:White");
        white.Result("Q22").GetProperty("groupDifference").GetString().Should().Be("not-significant");
        white.Result("Q59").ShouldBeNull("groupDifference", "comparedWith");
        unknown.Status.Should().Be(404);
        unknown.Body.GetProperty("parameter").GetString().Should().Be("breakdown");
    }

    [Fact]
    public async Task Api_ASuppressedGroupOfAnyDimension_CarriesNoFigure()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations/E56000098/results?breakdown=ethnic-group:Black");

        var q22 = response.Result("Q22");
        q22.GetProperty("suppressed").GetString().Should().Be("few-respondents");
        q22.ShouldBeNull("score", "scoreText", "respondents", "groupDifference", "comparedWith");
    }

    [Fact]
    public async Task Csv_IsTheFixturesRows_AndExportImportExportIsByteIdentical()
    {
        var exported = await DownloadAsync(_app);

        using var second = new DashboardFactory();
        _ = second.Server;
        var reimport = await second.ImportAsync(new MemoryStream(exported), "exported.csv", publish: true);
        var exportedAgain = await DownloadAsync(second);

        reimport.Succeeded.Should().BeTrue(string.Join("; ", reimport.Errors));
        Encoding.UTF8.GetString(exportedAgain).Should().Be(Encoding.UTF8.GetString(exported));
        var lines = Encoding.UTF8.GetString(exported).Split("\r\n");
        lines[0].Should().EndWith(",source_note,compared_with");
        lines.Should().HaveCount(1 + 15 + 1, "a header, every group of both questions, and the closing line break");
        var fixtureRows = Fixture.Split('\n').Where(l => l.StartsWith(Alliance, StringComparison.Ordinal));
        lines.Should().Contain(fixtureRows);
        string[] words = ["all", "male", "female", "age:16-24", "age:25-64", "age:75+", "ethnic-group:White", "ethnic-group:Asian", "ethnic-group:Black"];
        lines.Skip(1).Where(l => l.Length > 0).Select(l => words.First(w => l.Contains($",{w},unadjusted,", StringComparison.Ordinal)))
            .Should().Equal("all", "all", "male", "female", "age:16-24", "age:16-24", "age:25-64", "age:25-64", "age:75+", "age:75+",
                "ethnic-group:White", "ethnic-group:White", "ethnic-group:Asian", "ethnic-group:Asian", "ethnic-group:Black");
    }

    private static async Task<byte[]> DownloadAsync(DashboardFactory app)
    {
        using var client = app.CreateClient();
        return await client.GetByteArrayAsync(new Uri("/organisations/E56000098/inequalities?handler=csv&year=2019", UriKind.Relative));
    }
}
