using System.Text;
using AngleSharp.Html.Dom;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>
/// What a question page makes its figures say: the survey's published band leads, the dashboard's stricter 99.8 %
/// limits come second and say so, the share of organisations outside each limit is shown, two 95 % ranges are both
/// named, bases are explained, and the method names a centre that exists. Invented organisations and figures.
/// </summary>
public sealed class QuestionVerdictTests : IAsyncLifetime, IDisposable
{
    private const string Header =
        "year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,"
        + "tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,"
        + "change_since_previous,change_overall,group_difference,suppressed,source_note\n";

    private const string Q22 = "Q22,Did hospital staff give you information about financial help?,Support for people with cancer,percent,All Cancers,all";

    // England is published as 60 % with an interval of 59.6 to 60.6, so its unrounded score is 60.1. Every CCG has 200
    // respondents: chance alone gives a variance of 60.1 × 39.9 / 200 = 12.0, and each published range of ±11.1 is
    // 1.96 × √(12.0 + τ²) with τ² = 20.1. The 95 % limits are then 49.0 to 71.2 and the 99.8 % limits
    // 60.1 ± 3.09 × √32.1 = 42.6 to 77.6: ZC1's 73 is above the survey's range but within the 99.8 % limits, ZC3's 45
    // below the range and within them too. The unadjusted and trend rows repeat the same figures; England's trend
    // figure has no interval.
    private static string Ccg(string code, string basis, int score, string range, string band) =>
        $"2018,ccg,{code},NHS {code} CCG,E56000099,Test Alliance,{Q22},{basis},200,{score},{score - 7},{score + 7},{range},{band},,,,,\n";

    private static string Row(string code, string basis, int score) =>
        $"2018,ccg,{code},NHS {code} CCG,E56000099,Test Alliance,{Q22},{basis},200,{score},,,,,,,,,,\n";

    private static readonly (string Code, int Score, string Band)[] Ccgs =
        [("ZC1", 73, "above"), ("ZC2", 60, "within"), ("ZC3", 45, "below"), ("ZC4", 55, "within"), ("ZC5", 58, "within")];

    private static readonly string File = Header
        + $"2018,national,E92000001,England,,,{Q22},unadjusted,36000,60,59.6,60.6,,,,,,,,\n"
        + $"2018,national,E92000001,England,,,{Q22},trend,36000,60,,,,,,,,,,\n"
        + string.Concat(Ccgs.Select(c => Ccg(c.Code, "adjusted", c.Score, "48.9,71.1", c.Band)))
        + string.Concat(Ccgs.Select(c => Row(c.Code, "unadjusted", c.Score)))
        + string.Concat(Ccgs.Select(c => Row(c.Code, "trend", c.Score)));

    private readonly DashboardFactory _app = new();

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(File));
        var outcome = await _app.ImportAsync(stream, "verdicts.csv", publish: true);
        outcome.Errors.Should().BeEmpty();
        outcome.Succeeded.Should().BeTrue();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    private Task<IHtmlDocument> PageAsync(string code, string basis) =>
        _app.GetDocumentAsync($"/organisations/{code}/questions/22?year=2018&basis={basis}");

    [Fact]
    public async Task Verdict_AboveThePublishedRangeButWithinThe998Limits_LeadsWithThePublishedBand()
    {
        var page = await PageAsync("ZC1", "adjusted");

        page.TestId("funnel-position").Should().Be(
            "The survey rates NHS ZC1 CCG above its expected range (48.9 to 71.1): its case-mix adjusted score is higher than the survey's allowance for chance and the usual variation between CCGs would explain.");
        page.QuerySelector("[data-testid='funnel-position'] strong").Should().NotBeNull("the published band is the bold verdict");
        page.TestId("funnel-stricter").Should().Be(
            "This dashboard's 99.8% limits are a stricter test than the survey's 95% expected range; by them NHS ZC1 CCG is within them, so only by the survey's 95% range, not by this stricter test, does the difference stand out.");
    }

    [Fact]
    public async Task Verdict_WithinThePublishedRange_SaysSoAndTheStricterTestAgrees()
    {
        var page = await PageAsync("ZC2", "adjusted");

        page.TestId("funnel-position").Should().StartWith("The survey rates NHS ZC2 CCG within its expected range (48.9 to 71.1)");
        page.TestId("funnel-stricter").Should().EndWith("by them NHS ZC2 CCG is within them.");
    }

    [Fact]
    public async Task Funnel_CountsTheOrganisationsOutsideEachLimitInsteadOfCallingThemVeryUnlikely()
    {
        var page = await PageAsync("ZC2", "adjusted");

        page.TestId("funnel-outside").Should().StartWith("On this funnel 2 of the 5 CCGs plotted fall outside the 95% limits and 0 outside the 99.8% limits.");
        page.Body!.TextContent.Should().NotContain("very unlikely to be chance");
    }

    [Fact]
    public async Task Funnel_NamesBothNinetyFivePercentRanges()
    {
        var page = await PageAsync("ZC1", "adjusted");

        page.TestId("funnel-vs-published").Should().StartWith(
            "Two 95% ranges appear for this result: the survey's published expected range (48.9 to 71.1) and this dashboard's funnel limits for its respondents (49.0 to 71.2)");
    }

    [Fact]
    public async Task Funnel_OnTheUnadjustedBasis_SaysWhyTheSameFiguresCanBeJudgedDifferently()
    {
        var unadjusted = await PageAsync("ZC1", "unadjusted");
        var adjusted = await PageAsync("ZC1", "adjusted");

        unadjusted.TestId("funnel-across-bases").Should().StartWith("These limits are not the case-mix adjusted funnel's.")
            .And.Contain("on the case-mix adjusted basis it is the survey's allowance recovered from its expected ranges (τ² = 20.1)")
            .And.EndWith("the same score and respondents can be within one basis's limits and outside the other's.");
        adjusted.QuerySelector("[data-testid='funnel-across-bases']").Should().BeNull();
    }

    [Fact]
    public async Task Method_WhereEnglandHasNoInterval_NamesItsPublishedScoreAsTheCentre()
    {
        var trend = await PageAsync("ZC1", "trend");
        var adjusted = await PageAsync("ZC1", "adjusted");

        trend.TestId("funnel-method").Should().Contain("around England's published score of 60% (no confidence interval was published for England on this basis")
            .And.NotContain("middle of its published confidence interval");
        adjusted.TestId("funnel-method").Should().Contain("around England's unrounded score of 60.1% (the middle of its published confidence interval)");
    }

    [Fact]
    public async Task FunnelChart_DrawsEnglandsLineAtTheCentreTheLimitsUse()
    {
        var page = await PageAsync("ZC1", "adjusted");
        var chart = page.QuerySelector("[data-testid='funnel-chart']")!;

        chart.GetAttribute("data-national").Should().Be("60.1", "England's published 60% is rounded; the limits are drawn around 60.1");
        chart.GetAttribute("data-national-text").Should().Be("60.1%");
    }
}
