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

    [ChromiumFact]
    public async Task FunnelTooltip_OnAFigureEndingIn5_ShowsTheTablesFigure()
    {
        await using var visit = await _app.OpenAsync(EastLancashireQ59);
        await visit.WaitForChartsAsync();
        var table = await visit.Page.Locator("[data-testid='own'] [data-testid='score']").TextContentAsync();

        var tooltip = await HoverAsync(visit.Page, "funnel-chart", "dataset.isHighlight", "0");

        table.Should().Be("8.85");
        tooltip.Should().Equal("NHS East Lancashire CCG: 8.85 (" + await RespondentsAsync(visit.Page) + " respondents)");
    }

    [ChromiumFact]
    public async Task TrendTooltip_OnAFigureEndingIn5_ShowsTheTablesFigure()
    {
        await using var visit = await _app.OpenAsync(EastLancashireQ59);
        await visit.WaitForChartsAsync();
        var table = await visit.Page.Locator("[data-testid='trend-2018'] [data-testid='score']").TextContentAsync();
        var index = await visit.Page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll(\"[data-testid='trend-chart'] tr[data-point]\")].findIndex(r => r.dataset.label === '2018')");

        var tooltip = await HoverAsync(visit.Page, "trend-chart", "index === 0", index.ToString(System.Globalization.CultureInfo.InvariantCulture));

        table.Should().Be("8.85");
        tooltip.Should().Equal("NHS East Lancashire CCG: 8.85"); // trend figures carry no interval
    }

    /// <summary>
    /// Moves the mouse onto one drawn point, as a reader would, and returns the lines of the tooltip Chart.js shows
    /// for it. <paramref name="dataset"/> picks the dataset (a condition on `dataset` and `index`).
    /// </summary>
    private static async Task<IReadOnlyList<string>> HoverAsync(IPage page, string chart, string dataset, string point)
    {
        var canvas = page.Locator($"[data-testid='{chart}'] canvas");
        await canvas.ScrollIntoViewIfNeededAsync();
        var position = await page.EvaluateAsync<double[]>($$"""
            () => {
              const chart = Chart.getChart(document.querySelector("[data-testid='{{chart}}'] canvas"));
              const index = chart.data.datasets.findIndex((dataset, index) => {{dataset}});
              const element = chart.getDatasetMeta(index).data[{{point}}];
              return [element.x, element.y];
            }
            """);
        var box = (await canvas.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync((float)(box.X + position[0]), (float)(box.Y + position[1]));
        await page.WaitForFunctionAsync(
            $$"""() => (Chart.getChart(document.querySelector("[data-testid='{{chart}}'] canvas")).tooltip.body ?? []).length > 0""");
        return await page.EvaluateAsync<string[]>(
            $$"""() => Chart.getChart(document.querySelector("[data-testid='{{chart}}'] canvas")).tooltip.body.flatMap(b => b.lines)""");
    }

    private static async Task<string> RespondentsAsync(IPage page) =>
        (await page.Locator("[data-testid='own'] td").Nth(2).TextContentAsync())!.Trim();
}
