
namespace LutonCancerSurvey.Web.Tests;

/// <summary>The design card's figures, from the press-release seed a new database starts with.</summary>
public class SeededDashboardTests : IClassFixture<DashboardFactory>
{
    private readonly DashboardFactory _app;

    public SeededDashboardTests(DashboardFactory app) => _app = app;

    [Fact]
    public async Task Overview_OnTheSeed_ShowsLutonsOverallRatingAgainstEngland()
    {
        var page = await _app.GetDocumentAsync("/");

        page.TestId("home-name").Should().Be("NHS Luton CCG");
        page.TestId("overall-score").Should().Be("8.7");
        page.TestId("overall-england").Should().Be("8.7");
    }

    [Fact]
    public async Task Overview_OnTheSeed_ShowsBreastAgainstEnglandsBreastFigure()
    {
        var page = await _app.GetDocumentAsync("/");
        var breast = page.QuerySelector("[data-testid='tumour-breast']")!;

        breast.QuerySelector("[data-testid='score']")!.TextContent.Should().Be("9.2");
        breast.QuerySelector("[data-testid='england']")!.TextContent.Should().Be("8.8");
    }

    [Fact]
    public async Task Overview_OnTheSeed_SaysTheOverallRatingIsAdjustedAndTheTumourTypesAreNot()
    {
        var page = await _app.GetDocumentAsync("/");

        page.TestId("tumour-basis").Should().Be(
            "Unadjusted, unlike the adjusted rating above.");
    }

    [Fact]
    public async Task Results_OnTheSeed_CiteThePressRelease()
    {
        var page = await _app.GetDocumentAsync("/organisations/06P?year=2016&basis=unadjusted");

        page.QuerySelector("[data-testid='result-22'] [data-testid='score']")!.TextContent.Should().Be("70%");
        page.QuerySelector("[data-testid='result-22'] [data-testid='england']")!.TextContent.Should().Be("56%");
        page.TestId("sources").Should().Contain("NHS Luton CCG press release, 10 August 2017");
    }

    [Fact]
    public async Task Health_WithTheDatabaseUp_IsHealthy()
    {
        using var client = _app.CreateClient();

        var body = await client.GetStringAsync(new Uri("/health", UriKind.Relative));

        body.Should().Be("Healthy");
    }
}
