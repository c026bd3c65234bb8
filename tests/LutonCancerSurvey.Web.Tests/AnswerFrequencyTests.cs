using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using LutonCancerSurvey.Web.Tests.Support;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>
/// Response frequencies from a hand-made file (Fixtures/answers-2019.csv, invented figures): how patients answered a
/// scored question (Q58, with one option the file withholds) and a question without a score (Q60), for a CCG, its
/// Alliance and England, and for a CCG whose question has too few respondents for any answer to be shown.
/// </summary>
public sealed class AnswerFrequencyTests : IClassFixture<AnswerFrequencyTests.App>
{
    public static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "answers-2019.csv");

    private readonly App _app;

    public AnswerFrequencyTests(App app) => _app = app;

    /// <summary>The dashboard with the fixture imported and published once for the class.</summary>
    public sealed class App : DashboardFactory, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            _ = Server;
            var outcome = await ImportAsync(Fixture, publish: true);
            outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private static List<List<string>> Rows(IHtmlDocument page, string within) =>
        page.QuerySelectorAll($"{within} [data-testid='answer-row']")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList())
            .ToList();

    [Fact]
    public async Task QuestionPage_ScoredQuestion_ShowsAStackedBarAndATableOfEveryOption()
    {
        var page = await _app.GetDocumentAsync("/organisations/99X/questions/58?year=2019&basis=unadjusted");

        var figure = page.QuerySelector("#answers-chart")!;
        figure.GetAttribute("data-chart-type").Should().Be("answers");
        figure.QuerySelectorAll("thead th[data-series]").Select(th => th.TextContent.Trim())
            .Should().Equal("NHS Testshire CCG", "Test Alliance Cancer Alliance", "England");
        Rows(page, "#answers-chart").Should().BeEquivalentTo(
            [
            new List<string> { "Very good", "✓ positive", "50.0%", "53.0%", "55.0%" },
            new List<string> { "Good", "✓ positive", "38.0%", "36.0%", "35.0%" },
            new List<string> { "Neither good nor poor", "–", "7.0%", "7.0%", "6.0%" },
            new List<string> { "Poor", "–", "4.0%", "3.0%", "3.0%" },
            new List<string> { "Very poor", "–", "Not shown: too few respondents chose it", "1.0%", "1.0%" },
            ], o => o.WithStrictOrdering());
        figure.QuerySelectorAll("[data-testid='answer-respondents']").Select(td => td.TextContent.Trim()).Should().Equal("200", "3,000", "60,000");
        figure.QuerySelectorAll("tr[data-label='Very poor'] td[data-value]").Select(td => td.GetAttribute("data-value")).Should().Equal("", "1", "1");
    }

    [Fact]
    public async Task QuestionPage_QuestionWithoutAScore_ShowsItsAnswersAndNoScore()
    {
        var page = await _app.GetDocumentAsync("/organisations/99X/questions/60?year=2019");

        page.TestId("question-title").Should().Be(
            "Q60: Before you were told you needed to go to hospital about cancer, how many times did you see your GP?");
        page.QuerySelector("main")!.TextContent.Should().Contain("gives it no score");
        page.QuerySelector("[data-testid='comparison']").Should().BeNull("a question without a score has no result to compare");
        page.QuerySelectorAll("[data-testid='answer-positive']").Should().BeEmpty();
        Rows(page, "#answers-chart").Select(r => r[0] + " " + r[1] + " " + r[2]).Should().Equal(
            "None – I went straight to hospital 15.8% 16.0%", "Once 44.2% 45.0%", "Twice 21.1% 20.0%", "3 or 4 times 14.7% 14.0%",
            "5 or more times 4.2% 5.0%");
    }

    [Fact]
    public async Task ResultsPage_HasASeeTheAnswersDisclosure_AndListsQuestionsWithoutAScore()
    {
        var page = await _app.GetDocumentAsync("/organisations/99X?year=2019");

        var scored = page.QuerySelector("[data-testid='see-answers-58']")!;
        scored.QuerySelector("summary")!.TextContent.Trim().Should().Be("See the answers to Q58");
        scored.QuerySelector("[data-testid='answers-figure'] canvas").Should().BeNull("a disclosure holds the table only");
        Rows(page, "[data-testid='see-answers-58']")[0].Should().Equal("Very good", "✓ positive", "50.0%", "55.0%");
        page.QuerySelector("h2#unscored")!.TextContent.Should().Be("Questions without a score");
        page.QuerySelector("[data-testid='see-answers-60'] summary")!.TextContent.Trim()
            .Should().Be("Q60 Before you were told you needed to go to hospital about cancer, how many times did you see your GP?");
        page.QuerySelectorAll("[data-testid='result-60']").Should().BeEmpty("a question without a score is not among the scored results");
    }

    [Fact]
    public async Task QuestionWithTooFewRespondents_ShowsNoAnswerAsANumber_OnPageCsvOrApi()
    {
        using var client = _app.NewClient();

        var page = await _app.GetDocumentAsync("/organisations/98X/questions/58?year=2019");
        var csv = await client.GetStringAsync(new Uri("/organisations/98X?year=2019&basis=unadjusted&handler=csv", UriKind.Relative));
        using var api = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/organisations/98X/results?year=2019&basis=unadjusted", UriKind.Relative)));

        page.QuerySelectorAll("[data-testid='answer-share']").Select(td => td.TextContent.Trim()).Should().Contain("Not shown: fewer than 21 respondents")
            .And.NotContain(t => t.Contains("60.0", StringComparison.Ordinal) || t.Contains("33.3", StringComparison.Ordinal));
        csv.Should().NotContain("60.0").And.NotContain("33.3").And.NotContain("6.7")
            .And.Contain("NHS Smallfield CCG,E56000099,Test Alliance,Q58,\"Overall, how would you rate the administration of your care?\",Your overall NHS care,percent,All Cancers,all,unadjusted,,,,,,,,,,,few-respondents,,Very good,1,yes");
        var answers = api.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("question").GetString() == "Q58").GetProperty("answers");
        answers.EnumerateArray().Select(a => (a.GetProperty("percent").ValueKind, a.GetProperty("respondents").ValueKind, a.GetProperty("suppressed").GetString()))
            .Should().HaveCount(3).And.AllBeEquivalentTo((JsonValueKind.Null, JsonValueKind.Null, "few-respondents"));
    }

    [Fact]
    public async Task Api_CarriesAnswersOfScoredAndUnscoredQuestions()
    {
        using var client = _app.NewClient();

        using var api = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/organisations/99X/results?year=2019&basis=unadjusted", UriKind.Relative)));

        var q58 = api.RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("question").GetString() == "Q58");
        var options = q58.GetProperty("answers").EnumerateArray().ToList();
        options.Select(o => o.GetProperty("label").GetString()).Should().Equal("Very good", "Good", "Neither good nor poor", "Poor", "Very poor");
        options[0].GetProperty("percent").GetDouble().Should().Be(50.0);
        options[0].GetProperty("percentText").GetString().Should().Be("50.0%");
        options[0].GetProperty("respondents").GetInt32().Should().Be(100);
        options[0].GetProperty("positive").GetBoolean().Should().BeTrue();
        options[4].GetProperty("suppressed").GetString().Should().Be("few-respondents");
        options[4].GetProperty("percent").ValueKind.Should().Be(JsonValueKind.Null);
        var q60 = api.RootElement.GetProperty("unscored").EnumerateArray().Should().ContainSingle().Subject;
        q60.GetProperty("question").GetString().Should().Be("Q60");
        q60.GetProperty("respondents").GetInt32().Should().Be(190);
        q60.GetProperty("answers").EnumerateArray().Select(o => o.GetProperty("percentText").GetString())
            .Should().Equal("15.8%", "44.2%", "21.1%", "14.7%", "4.2%");
    }

    [Theory]
    [InlineData("unadjusted")]
    [InlineData("adjusted")]
    public async Task ResultsCsv_WithAnswers_ExportedImportedAndExportedAgain_IsByteIdentical(string basis)
    {
        using var client = _app.NewClient();
        var exported = await client.GetByteArrayAsync(new Uri($"/organisations/99X?year=2019&basis={basis}&handler=csv", UriKind.Relative));

        using var second = new DashboardFactory();
        _ = second.Server;
        var reimport = await second.ImportAsync(new MemoryStream(exported), "exported.csv", publish: true);
        using var secondClient = second.NewClient();
        var exportedAgain = await secondClient.GetByteArrayAsync(new Uri($"/organisations/99X?year=2019&basis={basis}&handler=csv", UriKind.Relative));

        reimport.Succeeded.Should().BeTrue(string.Join("; ", reimport.Errors));
        Encoding.UTF8.GetString(exportedAgain).Should().Be(Encoding.UTF8.GetString(exported));
        var lines = Encoding.UTF8.GetString(exported).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().EndWith(",source_note,answer,answer_order,answer_positive");
        lines.Should().Contain(l => l.Contains($",All Cancers,all,{basis},200,", StringComparison.Ordinal), "the answers follow the page's own result row");
        lines.Should().Contain(
            "2019,ccg,99X,NHS Testshire CCG,E56000099,Test Alliance,Q58,\"Overall, how would you rate the administration of your care?\",Your overall NHS care,percent,All Cancers,all,unadjusted,100,50.0,,,,,,,,,,,Very good,1,yes")
            .And.Contain(
            "2019,ccg,99X,NHS Testshire CCG,E56000099,Test Alliance,Q60,\"Before you were told you needed to go to hospital about cancer, how many times did you see your GP?\",Seeing your GP,none,All Cancers,all,unadjusted,190,,,,,,,,,,,,,,")
            .And.Contain(
            "2019,national,E92000001,England,,,Q60,\"Before you were told you needed to go to hospital about cancer, how many times did you see your GP?\",Seeing your GP,none,All Cancers,all,unadjusted,2900,5.0,,,,,,,,,,,5 or more times,5,no");
    }

    [Fact]
    public async Task Answers_OfAResultALaterFileWithholds_AreNoLongerShown()
    {
        using var app = new DashboardFactory();
        _ = app.Server;
        (await app.ImportAsync(Fixture, publish: true)).Succeeded.Should().BeTrue();
        var correction = Header + "\n"
            + "2019,ccg,99X,NHS Testshire CCG,E56000099,Test Alliance,Q58,\"Overall, how would you rate the administration of your care?\",Your overall NHS care,percent,All Cancers,all,unadjusted,,,,,,,,,,,source,,,,\n";

        var outcome = await app.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(correction)), "correction.csv", publish: true);
        using var client = app.NewClient();
        var page = await app.GetDocumentAsync("/organisations/99X/questions/58?year=2019&basis=unadjusted");
        var csv = await client.GetStringAsync(new Uri("/organisations/99X?year=2019&basis=unadjusted&handler=csv", UriKind.Relative));

        outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        page.QuerySelectorAll("#answers-chart tbody tr").Select(r => r.QuerySelectorAll("[data-testid='answer-share']")[0].TextContent.Trim())
            .Should().OnlyContain(t => t == "Not shown: suppressed by the source");
        csv.Should().NotContain(",100,50.0,").And.NotContain(",76,38.0,");
    }

    private const string Header =
        "year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,change_since_previous,change_overall,group_difference,suppressed,source_note,answer,answer_order,answer_positive";

    private const string Q61 = "2019,ccg,97X,NHS Elsewhere CCG,,,Q61,How old are you?,About you,";

    [Theory]
    [InlineData("none,All Cancers,all,unadjusted,40,12.0,,,,,,,,,,,16-24,1,no",
        "line 2, column 'answer': the answer's question has no row of its own in the file")]
    [InlineData("none,All Cancers,all,unadjusted,40,,,,,,,,,,,,,,\n" + Q61 + "none,All Cancers,all,unadjusted,5,12.5,,,,,,,,,,,16-24,1,yes",
        "line 3, column 'answer_positive': is 'yes' but the question has no score, so no answer counts as positive")]
    [InlineData("none,All Cancers,all,unadjusted,40,,,,,,,,,,,,,,\n" + Q61 + "none,All Cancers,all,adjusted,5,12.5,,,,,,,,,,,16-24,1,no",
        "line 3, column 'basis': an answer is a raw count of respondents, so its basis is 'unadjusted'")]
    [InlineData("none,All Cancers,all,unadjusted,40,,,,,,,,,,,,,,",
        "line 2, column 'scoring': the question has no score, so the file must give its answers: no row names one")]
    [InlineData("none,All Cancers,all,unadjusted,40,,,,,,,,,,,,,,\n" + Q61 + "none,All Cancers,all,unadjusted,5,120,,,,,,,,,,,16-24,1,no",
        "line 3, column 'score': 120 is outside the scale: expected the percentage of respondents choosing the answer, from 0 to 100")]
    public async Task Import_WithABadAnswerRow_SaysWhyAndWritesNothing(string rows, string error)
    {
        using var app = new DashboardFactory();
        _ = app.Server;
        var file = Header + "\n" + Q61 + rows.Replace("\\n", "\n", StringComparison.Ordinal) + "\n";

        var outcome = await app.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(file)), "answers.csv", publish: true);

        outcome.Succeeded.Should().BeFalse();
        outcome.Errors.Select(e => e.ToString()).Should().Contain(e => e.StartsWith(error, StringComparison.Ordinal), string.Join("; ", outcome.Errors));
        await using var db = app.NewDbContext();
        db.AnswerSets.Should().BeEmpty();
    }
}
