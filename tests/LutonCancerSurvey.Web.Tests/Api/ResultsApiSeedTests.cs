using System.Text.Json;

namespace LutonCancerSurvey.Web.Tests.Api;

/// <summary>The JSON API on the press-release seed a new database starts with (CPES 2016, NHS Luton CCG and England).</summary>
public class ResultsApiSeedTests : IClassFixture<DashboardFactory>
{
    private const string PressRelease = "NHS Luton CCG press release, 10 August 2017, on CPES 2016";
    private readonly DashboardFactory _app;

    public ResultsApiSeedTests(DashboardFactory app) => _app = app;

    [Fact]
    public async Task Organisations_OnTheSeed_ListEnglandThenLutonWithLevelsAsWords()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations");

        response.Status.Should().Be(200);
        response.MediaType.Should().Be("application/json");
        response.Body.GetRawText().Should().Be(
            """[{"code":"E92000001","name":"England","level":"national","alliance":null,"icb":null,"region":null,"became":[],"embargo":null},"""
            + """{"code":"06P","name":"NHS Luton CCG","level":"ccg","alliance":null,"icb":null,"region":null,"became":[],"embargo":null}]""");
    }

    [Theory]
    [InlineData("luton", "06P")]
    [InlineData("06p", "06P")]
    [InlineData("eng", "E92000001")]
    [InlineData("nowhere", null)]
    public async Task Organisations_WithASearch_ListOnlyThoseMatchingCodeOrName(string q, string? expected)
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations?q=" + q);

        response.Status.Should().Be(200);
        response.Body.EnumerateArray().Select(o => o.GetProperty("code").GetString())
            .Should().Equal(expected is null ? [] : [expected]);
    }

    [Fact]
    public async Task Results_WithNoParameters_AreTheLatestYearAllCancersAdjusted()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations/06P/results");

        response.Status.Should().Be(200);
        response.MediaType.Should().Be("application/json");
        var body = response.Body;
        body.PropertyNames().Should().Equal("organisation", "year", "tumourGroup", "basis", "breakdown", "results", "embargo", "questionnaire", "unscored");
        body.GetProperty("organisation").GetRawText().Should().Be(
            """{"code":"06P","name":"NHS Luton CCG","level":"ccg","alliance":null,"icb":null,"region":null,"became":[],"embargo":null}""");
        body.GetProperty("year").GetInt32().Should().Be(2016);
        body.GetProperty("tumourGroup").GetString().Should().Be("all-cancers");
        body.GetProperty("basis").GetString().Should().Be("adjusted");
        body.GetProperty("breakdown").GetString().Should().Be("all");
        body.GetProperty("results").GetArrayLength().Should().Be(1);
        body.GetProperty("embargo").ValueKind.Should().Be(JsonValueKind.Null, "the seed edition is published");

        var q59 = response.Result("Q59");
        q59.PropertyNames().Should().Equal(
            "question", "section", "text", "scoring", "respondents", "score", "scoreText", "ciLower", "ciUpper", "expectedLower",
            "expectedUpper", "band", "changeFlag", "groupDifference", "national", "suppressed", "source", "comparedWith", "answers");
        q59.GetProperty("section").GetString().Should().Be("Your overall NHS care");
        q59.GetProperty("text").GetString().Should().Be("Overall, how would you rate your care?");
        q59.GetProperty("scoring").GetString().Should().Be("mean");
        q59.GetProperty("score").GetDouble().Should().Be(8.7);
        q59.ShouldBeNull("respondents", "ciLower", "ciUpper", "expectedLower", "expectedUpper", "band", "changeFlag", "groupDifference", "suppressed", "comparedWith");

        var national = q59.GetProperty("national");
        national.GetProperty("score").GetDouble().Should().Be(8.7);
        national.GetProperty("basis").GetString().Should().Be("adjusted");
        national.ShouldBeNull("respondents", "suppressed");

        var source = q59.GetProperty("source");
        source.GetProperty("file").GetString().Should().Be("cpes-2016-press-release.csv");
        source.GetProperty("row").GetInt32().Should().Be(3);
        source.GetProperty("note").GetString().Should().Be(PressRelease);
        source.GetProperty("importedAt").TryGetDateTimeOffset(out _).Should().BeTrue();
    }

    [Fact]
    public async Task Results_ForBreast_AreUnadjustedAgainstEnglandsBreastFigure()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations/06P/results?year=2016&tumourGroup=breast");

        response.Status.Should().Be(200);
        response.Body.GetProperty("tumourGroup").GetString().Should().Be("breast");
        response.Body.GetProperty("basis").GetString().Should().Be("unadjusted");
        response.Body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("question").GetString())
            .Should().Equal("Q54", "Q59");

        var q59 = response.Result("Q59");
        q59.GetProperty("score").GetDouble().Should().Be(9.2);
        q59.GetProperty("national").GetProperty("score").GetDouble().Should().Be(8.8);
        q59.GetProperty("scoreText").GetString().Should().Be("9.2", "the press release gave one decimal place");
        q59.GetProperty("national").GetProperty("scoreText").GetString().Should().Be("8.8");
        q59.GetProperty("national").GetProperty("basis").GetString().Should().Be("unadjusted");

        var q54 = response.Result("Q54");
        q54.GetProperty("scoring").GetString().Should().Be("percent");
        q54.GetProperty("score").GetDouble().Should().Be(77);
        q54.GetProperty("national").GetProperty("score").GetDouble().Should().Be(61);
    }

    [Fact]
    public async Task Results_ForAnUnknownOrganisation_AreNotFoundAsProblemDetails()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations/ZZZ99/results");

        response.Status.Should().Be(404);
        response.MediaType.Should().Be("application/problem+json");
        response.Body.GetProperty("status").GetInt32().Should().Be(404);
        response.Body.GetProperty("title").GetString().Should().Be("Not found");
        response.Body.GetProperty("detail").GetString().Should().Be("There is no organisation with the code 'ZZZ99'.");
    }

    [Fact]
    public async Task Results_ForAYearWithNothingPublished_AreNotFoundAsProblemDetails()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations/06P/results?year=2030");

        response.Status.Should().Be(404);
        response.MediaType.Should().Be("application/problem+json");
        response.Body.GetProperty("status").GetInt32().Should().Be(404);
        response.Body.GetProperty("detail").GetString().Should().Be(
            "There are no published 2030 results for NHS Luton CCG. Choose one of 2016.");
        response.Body.GetProperty("parameter").GetString().Should().Be("year");
    }

    [Theory]
    [InlineData("year=abc", "year", "Parameter 'year': The year 'abc' is not a year. Choose one of 2016.")]
    [InlineData("year=-2016", "year", "Parameter 'year': The year '-2016' is not a year. Choose one of 2016.")]
    [InlineData("tumourGroup=nonsense", "tumourGroup",
        "Parameter 'tumourGroup': 'nonsense' is not a tumour group. Use one of all-cancers, brain-and-cns, breast, "
        + "colorectal, gynaecological, haematological, head-and-neck, lung, prostate, sarcoma, skin, upper-gastro, urological, other.")]
    [InlineData("basis=nonsense", "basis", "Parameter 'basis': 'nonsense' is not a basis: use adjusted, unadjusted or trend.")]
    public async Task Results_WithAMalformedParameter_AreABadRequestNamingIt(string query, string parameter, string detail)
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations/06P/results?" + query);

        response.Status.Should().Be(400);
        response.MediaType.Should().Be("application/problem+json");
        response.Body.PropertyNames().Should().Equal("type", "title", "status", "detail", "parameter");
        response.Body.GetProperty("status").GetInt32().Should().Be(400);
        response.Body.GetProperty("title").GetString().Should().Be("Invalid parameter");
        response.Body.GetProperty("detail").GetString().Should().Be(detail);
        response.Body.GetProperty("parameter").GetString().Should().Be(parameter);
    }

    [Fact]
    public async Task Results_ForABasisNotPublishedForTheTumourGroup_AreNotFound()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations/06P/results?tumourGroup=breast&basis=adjusted");

        response.Status.Should().Be(404);
        response.MediaType.Should().Be("application/problem+json");
        response.Body.GetProperty("detail").GetString().Should().Be("NHS Luton CCG has no case-mix adjusted results for 2016 Breast.");
        response.Body.GetProperty("parameter").GetString().Should().Be("basis");
    }

    [Fact]
    public async Task UnknownApiAddress_IsNotFoundAsProblemDetailsRatherThanTheHtmlErrorPage()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/nothing-here");

        response.Status.Should().Be(404);
        response.MediaType.Should().Be("application/problem+json");
        response.Body.GetProperty("detail").GetString().Should().Be("There is no such API endpoint.");
    }

    [Fact]
    public async Task OpenApiDocument_DescribesBothEndpointsWithTheirErrors()
    {
        var response = await ApiResponse.GetAsync(_app, "/openapi/v1.json");

        response.Status.Should().Be(200);
        var paths = response.Body.GetProperty("paths");
        paths.PropertyNames().Should().BeEquivalentTo("/api/v1/organisations", "/api/v1/organisations/{code}/results");

        var list = paths.GetProperty("/api/v1/organisations").GetProperty("get");
        list.GetProperty("summary").GetString().Should().Be("List the organisations with published results");
        list.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("Organisations");

        var results = paths.GetProperty("/api/v1/organisations/{code}/results").GetProperty("get");
        results.GetProperty("summary").GetString().Should().Be("Every scored question for one organisation");
        results.GetProperty("description").GetString().Should().Contain("\"Q59\"");
        results.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("Results");
        results.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .Should().Equal("code", "year", "tumourGroup", "basis", "breakdown");
        results.GetProperty("responses").PropertyNames().Should().BeEquivalentTo("200", "400", "404");
        results.GetProperty("responses").GetProperty("404").GetProperty("content").PropertyNames()
            .Should().Equal("application/problem+json");

        var schemas = response.Body.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("ApiBand").GetProperty("enum").EnumerateArray()
            .Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString())
            .Should().Equal("above", "within", "below");
        schemas.GetProperty("ApiSuppression").GetProperty("enum").EnumerateArray()
            .Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString())
            .Should().Equal("few-respondents", "source");
        schemas.GetProperty("ApiLevel").GetProperty("enum").EnumerateArray()
            .Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString())
            .Should().Equal("national", "cancer-alliance", "ccg", "trust", "region", "icb", "sub-icb");
        schemas.GetProperty("ApiQuestionnaire").GetProperty("properties").PropertyNames()
            .Should().Equal("series", "name", "firstYear", "lastYear");
        schemas.GetProperty("ApiResults").GetProperty("properties").GetProperty("questionnaire").GetProperty("description").GetString()
            .Should().StartWith("The questionnaire the year's edition used");
        schemas.GetProperty("ApiAnswer").GetProperty("properties").PropertyNames()
            .Should().Equal("order", "label", "positive", "respondents", "percent", "percentText", "suppressed");
        schemas.GetProperty("ApiResult").GetProperty("properties").GetProperty("answers").GetProperty("description").GetString()
            .Should().StartWith("How the organisation's respondents answered");
        schemas.GetProperty("ApiResults").GetProperty("properties").GetProperty("unscored").GetProperty("description").GetString()
            .Should().StartWith("Questions without a score");
    }

    [Fact]
    public async Task Results_NameTheQuestionnaireTheEditionUsed()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations/06P/results");

        var questionnaire = response.Body.GetProperty("questionnaire");
        questionnaire.GetProperty("series").GetString().Should().Be("cpes-2015");
        questionnaire.GetProperty("name").GetString().Should().Be("CPES questionnaire used 2015 to 2019");
        questionnaire.GetProperty("firstYear").GetInt32().Should().Be(2015);
        questionnaire.GetProperty("lastYear").GetInt32().Should().Be(2019);
    }
}
