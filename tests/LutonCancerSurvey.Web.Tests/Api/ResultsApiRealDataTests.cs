
namespace LutonCancerSurvey.Web.Tests.Api;

/// <summary>The JSON API over the real 2018 CPES file, figures checked against the published values.</summary>
[Collection(RealDataGroup.Name)]
public class ResultsApiRealDataTests
{
    private readonly RealDataDashboard _app;

    public ResultsApiRealDataTests(RealDataDashboard app) => _app = app;

    [RequiresFact(Needs.RealData)]
    public async Task Luton2018AdjustedQ59_HasThePublishedScoreIntervalRangeAndBand()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations/06P/results?year=2018&basis=adjusted");

        response.Status.Should().Be(200);
        response.Body.GetProperty("organisation").GetProperty("alliance").GetProperty("name").GetString()
            .Should().Be("East of England");
        response.Body.GetProperty("results").GetArrayLength().Should().Be(52);

        var q59 = response.Result("Q59");
        q59.GetProperty("scoring").GetString().Should().Be("mean");
        q59.GetProperty("respondents").GetInt32().Should().Be(189);
        q59.GetProperty("score").GetDouble().Should().Be(8.74);
        q59.GetProperty("ciLower").GetDouble().Should().Be(8.54);
        q59.GetProperty("ciUpper").GetDouble().Should().Be(8.94);
        q59.GetProperty("expectedLower").GetDouble().Should().Be(8.58);
        q59.GetProperty("expectedUpper").GetDouble().Should().Be(9.03);
        q59.GetProperty("band").GetString().Should().Be("within");
        q59.ShouldBeNull("changeFlag", "suppressed");
        q59.GetProperty("source").GetProperty("file").GetString().Should().Be(RealDataFiles.CombinedFileName);
        q59.GetProperty("source").ShouldBeNull("note");

        // England publishes no adjusted score (adjustment is towards England), so its unadjusted figure stands beside it.
        var national = q59.GetProperty("national");
        national.GetProperty("basis").GetString().Should().Be("unadjusted");
        national.GetProperty("score").GetDouble().Should().Be(8.8);
        national.GetProperty("respondents").GetInt32().Should().Be(70942);
        national.GetProperty("ciLower").GetDouble().Should().Be(8.79);
        national.GetProperty("ciUpper").GetDouble().Should().Be(8.81);
    }

    [RequiresFact(Needs.RealData)]
    public async Task Luton2018Trend_CarriesThePublishedChangeFlag()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations/06P/results?year=2018&basis=trend");

        response.Status.Should().Be(200);
        var q59 = response.Result("Q59");
        q59.GetProperty("score").GetDouble().Should().Be(8.68);
        q59.GetProperty("respondents").GetInt32().Should().Be(189);
        q59.GetProperty("changeFlag").GetString().Should().Be("unchanged");
        q59.ShouldBeNull("band", "expectedLower", "expectedUpper");
    }

    [RequiresFact(Needs.RealData)]
    public async Task Luton2018Breast_WithFewerThan21Respondents_CarriesNoFigure()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations/06P/results?year=2018&tumourGroup=breast");

        response.Status.Should().Be(200);
        response.Body.GetProperty("basis").GetString().Should().Be("unadjusted");

        // Q44 had 20 respondents in the file: under the disclosure threshold, so neither the score nor the count shows.
        var q44 = response.Result("Q44");
        q44.GetProperty("suppressed").GetString().Should().Be("few-respondents");
        q44.ShouldBeNull("respondents", "score", "scoreText", "ciLower", "ciUpper", "expectedLower", "expectedUpper", "band", "changeFlag");
        q44.GetProperty("national").GetProperty("score").GetDouble().Should().Be(88);

        var q59 = response.Result("Q59");
        q59.ShouldBeNull("suppressed");
        q59.GetProperty("respondents").GetInt32().Should().Be(52);
        q59.GetProperty("score").GetDouble().Should().Be(9.06);
        q59.GetProperty("national").GetProperty("score").GetDouble().Should().Be(8.87);
    }

    [RequiresFact(Needs.RealData)]
    public async Task DevonSarcoma2018_WithheldByTheSourceDespite25Respondents_CarriesNoFigure()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations/99P/results?year=2018&tumourGroup=sarcoma");

        response.Status.Should().Be(200);
        var q1 = response.Result("Q1");
        q1.GetProperty("suppressed").GetString().Should().Be("source");
        q1.ShouldBeNull("respondents", "score", "scoreText", "ciLower", "ciUpper", "expectedLower", "expectedUpper", "band", "changeFlag");
        q1.GetProperty("national").GetProperty("score").GetDouble().Should().Be(66);
    }

    [RequiresFact(Needs.RealData)]
    public async Task Organisations_WithTheRealData_ListLutonWithItsAlliance()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations?q=luton");

        response.Status.Should().Be(200);
        var luton = response.Body.EnumerateArray().Single(o => o.GetProperty("code").GetString() == "06P");
        luton.GetProperty("name").GetString().Should().Be("NHS Luton CCG");
        luton.GetProperty("level").GetString().Should().Be("ccg");
        luton.GetProperty("alliance").GetProperty("name").GetString().Should().Be("East of England");
    }
}
