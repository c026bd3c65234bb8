using System.Globalization;
using LutonCancerSurvey.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LutonCancerSurvey.BrowserTests;

/// <summary>The results by sex and deprivation in Chromium over the real 2018 file.</summary>
[Collection(BrowserGroup.Name)]
public class InequalitiesBrowserTests
{
    private const string Alliance = "/organisations/E56000009/inequalities?year=2018";
    private const string England = "/organisations/E92000001/inequalities?year=2018";

    /// <summary>A4 portrait less Chromium's default 1 cm print margins, in CSS pixels.</summary>
    private const int PrintWidth = 718;

    // Each chart's series and points as Chart.js holds them, beside the table's headings and printed figures.
    private const string ChartsAndTables = """
        () => JSON.stringify([...document.querySelectorAll('figure[data-chart-type=inequality]')].map((figure) => {
          const chart = window.Chart.getChart(figure.querySelector('canvas'));
          return {
            chartLabels: chart.data.labels,
            chartSeries: chart.data.datasets.map((d) => ({ label: d.label, data: d.data })),
            tableLabels: [...figure.querySelectorAll('tbody tr')].map((tr) => tr.dataset.label),
            tableSeries: [...figure.querySelectorAll('thead th[data-series]')].map((th, i) => ({
              label: th.textContent.trim(),
              cells: [...figure.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td[data-series]')[i].textContent.trim()),
            })),
          };
        }))
        """;

    private readonly BrowserDashboard _app;
    private readonly ITestOutputHelper _output;

    public InequalitiesBrowserTests(BrowserDashboard app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    public sealed record Series(string Label, List<double?> Data);

    public sealed record TableSeries(string Label, List<string> Cells);

    public sealed record ChartAndTable(List<string> ChartLabels, List<Series> ChartSeries, List<string> TableLabels, List<TableSeries> TableSeries);

    [RequiresTheory(Needs.Chromium | Needs.RealData)]
    [InlineData(Alliance)]
    [InlineData(England)]
    [InlineData("/organisations/06P/inequalities")]
    public async Task View_LoadsCleanly_DrawsEveryChart_AndHasNoWcagViolations(string path)
    {
        await using var visit = await _app.OpenAsync(path);

        var charts = await visit.WaitForChartsAsync();
        var violations = await visit.AccessibilityViolationsAsync();
        violations.ToList().ForEach(_output.WriteLine);

        visit.Errors.Should().BeEmpty();
        charts.Should().HaveCount(path.Contains("06P", StringComparison.Ordinal) ? 0 : 26, "13 groups of questions, each by sex and by deprivation");
        charts.Where(c => !c.Drawn).Should().BeEmpty();
        violations.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task EveryChart_PlotsExactlyTheFiguresOfItsTable()
    {
        await using var visit = await _app.OpenAsync(Alliance);
        await visit.WaitForChartsAsync();

        var figures = await visit.EvaluateJsonAsync<List<ChartAndTable>>(ChartsAndTables);

        figures.Should().HaveCount(26);
        foreach (var figure in figures)
        {
            figure.ChartLabels.Should().Equal(figure.TableLabels);
            figure.ChartSeries.Select(s => s.Label).Should().Equal(figure.TableSeries.Select(s => s.Label));
            foreach (var (chart, table) in figure.ChartSeries.Zip(figure.TableSeries))
            {
                chart.Data.Should().Equal(table.Cells.Select(Number), $"{chart.Label} on {string.Join(", ", figure.TableLabels)}");
            }
        }

        var q59 = figures.Single(f => f.TableLabels.SequenceEqual(["Q59"]) && f.ChartSeries.Count == 3);
        q59.ChartSeries.Select(s => s.Data.Single()).Should().Equal(8.81, 8.82, 8.81);
        await visit.ScreenshotAsync("inequalities-desktop");
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task EveryTooltip_ShowsTheFigureAsItsTableWritesIt()
    {
        await using var visit = await _app.OpenAsync(Alliance);
        await visit.WaitForChartsAsync();

        // What the tooltip of each drawn point says, through the chart's own callback, beside the table cell's text.
        var pairs = await visit.EvaluateJsonAsync<List<List<string>>>("""
            () => JSON.stringify([...document.querySelectorAll('figure[data-chart-type=inequality]')].flatMap((figure) => {
              const chart = window.Chart.getChart(figure.querySelector('canvas'));
              const label = chart.options.plugins.tooltip.callbacks.label;
              const rows = [...figure.querySelectorAll('tbody tr')];
              return chart.data.datasets.flatMap((dataset, i) => dataset.data.flatMap((x, j) => x === null ? [] : [[
                label({ dataset, datasetIndex: i, dataIndex: j, parsed: { x, y: j } }),
                `${dataset.label}: ${rows[j].querySelectorAll('td[data-series]')[i].textContent.trim()}`,
              ]]));
            }))
            """);

        pairs.Should().HaveCountGreaterThan(300);
        pairs.Where(p => p[0] != p[1]).Should().BeEmpty();
        pairs.Should().Contain(p => p[0] == "Men: 8.82");
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task Phone_DoesNotScrollSideways_AndStaysAccessible()
    {
        await using var visit = await _app.OpenAsync(Alliance, BrowserDashboard.Phone);
        var charts = await visit.WaitForChartsAsync();

        var pageWidth = await visit.Page.EvaluateAsync<double>("() => document.documentElement.scrollWidth");
        var widest = await visit.Page.EvaluateAsync<double>(
            "() => Math.max(...[...document.querySelectorAll('figure.app-chart canvas, .app-table-scroll')].map((e) => e.getBoundingClientRect().right))");
        var violations = await visit.AccessibilityViolationsAsync();
        violations.ToList().ForEach(_output.WriteLine);

        pageWidth.Should().BeLessThanOrEqualTo(BrowserDashboard.Phone.Width);
        widest.Should().BeLessThanOrEqualTo(BrowserDashboard.Phone.Width + 1);
        charts.Where(c => !c.Drawn).Should().BeEmpty();
        violations.Should().BeEmpty();
        visit.Errors.Should().BeEmpty();
        await visit.ScreenshotAsync("inequalities-phone");
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task WithoutJavaScript_EveryFigureIsATable()
    {
        await using var visit = await _app.OpenAsync(Alliance, javaScript: false);
        var figures = visit.Page.Locator("figure.app-chart");

        (await figures.CountAsync()).Should().Be(26);
        (await visit.Page.Locator("figure.app-chart .app-chart__canvas:visible").CountAsync()).Should().Be(0, "no empty chart box is left");
        (await visit.Page.Locator("figure.app-chart table:visible").CountAsync()).Should().Be(26);
        (await visit.Page.Locator("figure.app-chart tbody tr[data-point]").CountAsync()).Should().Be(104, "52 questions by sex and by deprivation");
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task Print_HidesTheNavigation_AndChartsAndTablesFitThePage()
    {
        await using var visit = await _app.OpenAsync(Alliance, new ViewportSize { Width = PrintWidth, Height = 1000 });
        await visit.WaitForChartsAsync();
        await visit.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await visit.Page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeprint'))");

        (await visit.Page.Locator("nav.nhsuk-header__navigation").IsVisibleAsync()).Should().BeFalse();
        var widest = await visit.Page.EvaluateAsync<double>(
            "() => Math.max(...[...document.querySelectorAll('figure.app-chart canvas, figure.app-chart table')].map((e) => e.getBoundingClientRect().right))");
        widest.Should().BeLessThanOrEqualTo(PrintWidth + 1);
        (await visit.ChartsAsync()).Where(c => !c.Drawn).Should().BeEmpty();
    }

    private static double? Number(string cell)
    {
        var text = cell.TrimEnd('%');
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
