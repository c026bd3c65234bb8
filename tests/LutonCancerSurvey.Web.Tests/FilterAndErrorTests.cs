using System.Net;

namespace LutonCancerSurvey.Web.Tests;

public class FilterAndErrorTests : IClassFixture<DashboardFactory>
{
    private readonly DashboardFactory _app;

    public FilterAndErrorTests(DashboardFactory app) => _app = app;

    [Theory]
    [InlineData("/organisations/06P?year=abc", HttpStatusCode.BadRequest, "is not a year")]
    [InlineData("/organisations/06P?year=2030", HttpStatusCode.NotFound, "There are no published 2030 results")]
    [InlineData("/organisations/06P?tumour=nonsense", HttpStatusCode.BadRequest, "is not a tumour group")]
    [InlineData("/organisations/06P?basis=nonsense", HttpStatusCode.BadRequest, "is not a basis")]
    [InlineData("/organisations?level=nonsense", HttpStatusCode.BadRequest, "is not a type of organisation")]
    [InlineData("/compare?codes=06P&year=abc", HttpStatusCode.BadRequest, "The year 'abc' is not a year. Choose one of 2016.")]
    [InlineData("/compare?codes=06P&year=-2016", HttpStatusCode.BadRequest, "The year '-2016' is not a year. Choose one of 2016.")]
    [InlineData("/compare?codes=06P&year=2030", HttpStatusCode.NotFound, "There are no published 2030 results. Choose one of 2016.")]
    [InlineData("/compare?codes=A,B,C,D,E,F", HttpStatusCode.BadRequest, "at most 5")]
    [InlineData("/compare?codes=NOPE", HttpStatusCode.NotFound, "No organisation is called “NOPE” or has that code")]
    public async Task BadQueryString_GetsAClearMessageAndStatus(string url, HttpStatusCode status, string message)
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(status);
        page.TestId("problem").Should().Contain(message);
    }

    [Fact]
    public async Task UnknownOrganisation_IsAPlainNotFoundPage()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync(new Uri("/organisations/NOPE", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        body.Should().Contain("Page not found").And.NotContain("Exception");
    }

    [Theory]
    [InlineData("/organisations/%20")]
    [InlineData("/organisations/%09")]
    [InlineData("/organisations/%20/briefing")]
    [InlineData("/organisations/%20/inequalities")]
    [InlineData("/organisations/%20/questions/59")]
    [InlineData("/organisations/%20?handler=csv")]
    [InlineData("/organisations/=98D")]
    [InlineData("/organisations/%3Ci%3E98F/briefing")]
    public async Task BlankOrMalformedOrganisationCode_IsAPlainNotFoundPage(string url)
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        body.Should().Contain("Page not found").And.NotContain("Exception");
    }

    [Theory]
    [InlineData("/api/v1/organisations/%20/results")]
    [InlineData("/api/v1/organisations/%09/results?year=2016")]
    [InlineData("/api/v1/organisations/=98D/results")]
    public async Task ApiWithBlankOrMalformedCode_IsNotFoundAsProblemDetails(string url)
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task QuestionWithNoPublishedResult_IsNotFoundWithAMessage()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync(new Uri("/organisations/06P/questions/3?year=2016", UriKind.Relative));
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        page.TestId("problem").Should().Contain("Question 3 has no published 2016 result for NHS Luton CCG");
    }
}
