using System.Text;

namespace LutonCancerSurvey.Web.Tests.Api;

/// <summary>A draft (embargoed) edition stays out of the API: neither its year nor an organisation only it brings in.</summary>
public sealed class ResultsApiEmbargoTests : IAsyncLifetime, IDisposable
{
    private const string Draft2017 =
        "year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,"
        + "tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,"
        + "change_since_previous,change_overall,group_difference,suppressed,source_note\n"
        + "2017,ccg,06P,NHS Luton CCG,,,Q59,\"Overall, how would you rate your care?\",Your overall NHS care,mean,"
        + "All Cancers,all,unadjusted,185,8.63,,,,,,,,,,\n"
        + "2017,ccg,ZZ1,NHS Draft Only CCG,,,Q59,\"Overall, how would you rate your care?\",Your overall NHS care,mean,"
        + "All Cancers,all,unadjusted,99,8.1,,,,,,,,,,\n";

    private readonly DashboardFactory _app = new();

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(Draft2017));
        var outcome = await _app.ImportAsync(content, "draft-2017.csv", publish: false);
        outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Results_ForADraftYear_AreNotFoundAndTheDefaultStaysOnThePublishedYear()
    {
        var draft = await ApiResponse.GetAsync(_app, "/api/v1/organisations/06P/results?year=2017&basis=unadjusted");
        var latest = await ApiResponse.GetAsync(_app, "/api/v1/organisations/06P/results");

        draft.Status.Should().Be(404);
        draft.Body.GetProperty("detail").GetString().Should().Be(
            "There are no published 2017 results for NHS Luton CCG. Choose one of 2016.");
        latest.Body.GetProperty("year").GetInt32().Should().Be(2016);
    }

    [Fact]
    public async Task Organisations_OnlyInADraft_AreNotListedAndHaveNoResults()
    {
        var list = await ApiResponse.GetAsync(_app, "/api/v1/organisations");
        var results = await ApiResponse.GetAsync(_app, "/api/v1/organisations/ZZ1/results");
        var unknown = await ApiResponse.GetAsync(_app, "/api/v1/organisations/ZZ9/results");

        list.Body.EnumerateArray().Select(o => o.GetProperty("code").GetString()).Should().Equal("E92000001", "06P");
        results.Status.Should().Be(404);
        results.MediaType.Should().Be("application/problem+json");
        results.Body.GetProperty("detail").GetString().Should().Be("There is no organisation with the code 'ZZ1'.",
            "an organisation only a draft has is answered like a code that does not exist: no name, no hint of a draft");
        unknown.Body.GetProperty("detail").GetString().Should().Be("There is no organisation with the code 'ZZ9'.");
    }
}
