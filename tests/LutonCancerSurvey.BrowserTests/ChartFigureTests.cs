using LutonCancerSurvey.BrowserTests.Support;
using Microsoft.Playwright;

namespace LutonCancerSurvey.BrowserTests;

/// <summary>
/// A chart's tooltip shows a figure exactly as the table beside it does, on the real 2018 file. NHS East Lancashire
/// CCG's Q59 rating (8.85, case-mix adjusted and on the trend basis) ends in 5, where rounding in the browser (8.8)
/// and on the server (8.9) used to disagree.
/// </summary>
[Collection(BrowserGroup.Name)]
public class ChartFigureTests
{
    private const string EastLancashireQ59 = "/organisations/01A/questions/59?year=2018&basis=adjusted";

    private readonly BrowserDashboard _app;

    public ChartFigureTests(BrowserDashboard app) => _app = app;

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task FunnelTooltip_OnAFigureEndingIn5_ShowsTheTablesFigure()
    {
        await using var visit = await _app.OpenAsync(EastLancashireQ59);
        await visit.WaitForChartsAsync();
        var table = await visit.Page.Locator("[data-testid='own'] [data-testid='score']").TextContentAsync();

        var tooltip = await visit.HoverAsync("[data-testid='funnel-chart']", "dataset.isHighlight", 0);

        table.Should().Be("8.85");
        tooltip.Should().Equal("NHS East Lancashire CCG: 8.85 (" + await RespondentsAsync(visit.Page) + " respondents)");
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task TrendTooltip_OnAFigureEndingIn5_ShowsTheTablesFigure()
    {
        await using var visit = await _app.OpenAsync(EastLancashireQ59);
        await visit.WaitForChartsAsync();
        var table = await visit.Page.Locator("[data-testid='trend-2018'] [data-testid='score']").TextContentAsync();
        var index = await visit.Page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll(\"[data-testid='trend-chart'] tr[data-point]\")].findIndex(r => r.dataset.label === '2018')");

        var tooltip = await visit.HoverAsync("[data-testid='trend-chart']", "index === 0", index);

        table.Should().Be("8.85");
        tooltip.Should().Equal("NHS East Lancashire CCG: 8.85"); // trend figures carry no interval
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task CompareTooltip_OnTheSeededRating_ShowsTheServersText()
    {
        await using var visit = await _app.OpenAsync("/compare?codes=06P&year=2016");
        await visit.WaitForChartsAsync();
        var lutonCell = await visit.Page.Locator("[data-testid='compare-59'] [data-testid='cell-06P']").TextContentAsync();

        var luton = await visit.HoverAsync(Q59Chart, "dataset.series === '06P'", 0);
        var england = await visit.HoverAsync(Q59Chart, "dataset.series === 'England'", 0);

        lutonCell!.Trim().Should().Be("8.7");
        luton.Should().Equal("NHS Luton CCG: 8.7");
        england.Should().Equal("England: 8.7");
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task InequalityTooltip_OnARating_ShowsTheServersTextAndTheAxisReadsLikeTheServer()
    {
        await using var visit = await _app.OpenAsync("/organisations/E56000009/inequalities?year=2018");
        await visit.WaitForChartsAsync();
        const string bySex = "figure[data-chart-type=inequality]:has(tr[data-label='Q59'])";

        var men = await visit.HoverAsync(bySex, "dataset.label === 'Men'", 0);
        var ticks = await visit.AxisTicksAsync(bySex);

        men.Should().Equal("Men: 8.82");
        ticks.Should().Equal("8", "8.1", "8.2", "8.3", "8.4", "8.5", "8.6", "8.7", "8.8", "8.9", "9");
    }

    private const string Q59Chart = "figure[data-chart-type=dotplot]:has(tr[data-testid='compare-59'])";

    private static async Task<string> RespondentsAsync(IPage page) =>
        (await page.Locator("[data-testid='own'] td").Nth(2).TextContentAsync())!.Trim();
}
