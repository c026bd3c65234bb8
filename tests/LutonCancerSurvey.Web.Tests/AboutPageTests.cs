
namespace LutonCancerSurvey.Web.Tests;

/// <summary>The About page describes the figures and methods the pages really use.</summary>
public class AboutPageTests : IClassFixture<DashboardFactory>
{
    private readonly DashboardFactory _app;

    public AboutPageTests(DashboardFactory app) => _app = app;

    [Fact]
    public async Task About_GivesTheRatingsPlacesAsShown()
    {
        var page = await _app.GetDocumentAsync("/about");

        page.Body!.TextContent.Should().Contain("the rating to two decimal places").And.NotContain("one decimal place (two in tables)");
    }

    [Fact]
    public async Task About_DescribesTheExpectedRangeAsTheSurveysAllowanceNotTwoStandardErrors()
    {
        var text = (await _app.GetDocumentAsync("/about")).Body!.TextContent;

        text.Should().NotContain("about two standard errors either side")
            .And.Contain("It allows for chance among the respondents and for the variation between organisations the survey expects");
    }

    [Fact]
    public async Task About_CallsThe998LimitsAStricterTestAndNotCalibrated()
    {
        var text = (await _app.GetDocumentAsync("/about")).Body!.TextContent;

        text.Should().NotContain("very unlikely")
            .And.Contain("the 99.8% limits come second, as a stricter test than the survey’s 95% range")
            .And.Contain("not tests at exactly 95% and 99.8%");
    }
}
