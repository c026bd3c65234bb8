using LutonCancerSurvey.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LutonCancerSurvey.BrowserTests;

/// <summary>The compare page on the real 2018 file at desktop and phone width: a dot plot per section with its table.</summary>
[Collection(BrowserGroup.Name)]
public class CompareTests
{
    private const string Path = "/compare?codes=06P,RC9,RWH,RC1,06K&year=2018";

    // Each chart's markers (series and value, row by row) and the same from its table's cells.
    private const string MarkersAndCells = """
        () => JSON.stringify([...document.querySelectorAll('[data-testid=compare-chart]')].map((figure) => {
          const chart = Chart.getChart(figure.querySelector('canvas'));
          const drawn = [];
          chart.data.datasets.forEach((d, index) => chart.getDatasetMeta(index).data.forEach((element, i) => {
            if (d.data[i] !== null) {
              drawn.push(`${chart.data.labels[i]} ${d.series} ${chart.scales.x.getValueForPixel(element.x).toFixed(1)}`);
            }
          }));
          const series = [...figure.querySelectorAll('thead th[data-series]')].map((th) => th.dataset.series);
          const cells = [];
          figure.querySelectorAll('tbody tr[data-point]').forEach((tr) => [...tr.querySelectorAll('td[data-value]')].forEach((td, column) => {
            if (td.dataset.value !== '') {
              cells.push(`${tr.dataset.label} ${series[column]} ${Number(td.dataset.value).toFixed(1)}`);
            }
          }));
          return { drawn: drawn.sort(), cells: cells.sort() };
        }))
        """;

    private readonly BrowserDashboard _app;
    private readonly ITestOutputHelper _output;

    public CompareTests(BrowserDashboard app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    public static TheoryData<int> Widths => new() { 1280, 375 };

    [RequiresTheory(Needs.Chromium | Needs.RealData)]
    [MemberData(nameof(Widths))]
    public async Task Compare_DrawsADotPlotPerSection_WhoseMarkersAreItsTablesFigures(int width)
    {
        await using var visit = await _app.OpenAsync(Path, new ViewportSize { Width = width, Height = 800 });
        var charts = await visit.WaitForChartsAsync();

        charts.Should().HaveCount(13, "one per section, the 0-10 rating on its own scale");
        charts.Where(c => !c.Drawn).Should().BeEmpty();
        var figures = await visit.EvaluateJsonAsync<List<Figures>>(MarkersAndCells);
        figures.Sum(f => f.Cells.Count).Should().BeGreaterThan(52 * 5, "every organisation and England has most questions");
        foreach (var figure in figures)
        {
            figure.Drawn.Should().Equal(figure.Cells, "each marker is a figure of the table, and each figure has its marker");
        }

        visit.Errors.Should().BeEmpty();
    }

    [RequiresTheory(Needs.Chromium | Needs.RealData)]
    [MemberData(nameof(Widths))]
    public async Task Compare_QuestionsAreShortLabelsOneRowHigh_WithTheFullWordingOnDemand(int width)
    {
        await using var visit = await _app.OpenAsync(Path, new ViewportSize { Width = width, Height = 800 });
        var page = visit.Page;
        var row = page.Locator("[data-testid=compare-50] th");

        var closed = (await row.Locator("summary").BoundingBoxAsync())!.Height;
        _output.WriteLine($"Q50's label is {closed:0} px high at {width} px wide");
        closed.Should().BeLessThan(width < 400 ? 130 : 90, "a short label takes three lines at most, not the whole question");
        (await row.Locator("details p").IsVisibleAsync()).Should().BeFalse();

        await row.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        (await row.Locator("details p").InnerTextAsync()).Should().StartWith("During your cancer treatment, were you given enough care and support");
        (await row.Locator("details p").IsVisibleAsync()).Should().BeTrue("Enter on the label shows the full wording");
    }

    [RequiresTheory(Needs.Chromium | Needs.RealData)]
    [MemberData(nameof(Widths))]
    public async Task Compare_ScrolledSideways_KeepsTheQuestionColumnInView(int width)
    {
        await using var visit = await _app.OpenAsync(Path, new ViewportSize { Width = width, Height = 800 });
        var page = visit.Page;
        var scroller = page.Locator("[data-testid=compare-chart] .app-table-scroll").First;

        var room = await scroller.EvaluateAsync<int>("s => s.scrollWidth - s.clientWidth");
        _output.WriteLine($"The first section's table is {room} px wider than its box at {width} px");
        room.Should().BeGreaterThan(0, "seven columns of figures do not fit beside the questions");
        await scroller.EvaluateAsync("s => { s.scrollLeft = s.scrollWidth; }");

        var box = (await scroller.BoundingBoxAsync())!;
        var question = (await scroller.Locator("tbody th").First.BoundingBoxAsync())!;
        var firstFigure = (await scroller.Locator("tbody td").First.BoundingBoxAsync())!;
        question.X.Should().BeApproximately(box.X, 1, "the question column stays at the left edge");
        firstFigure.X.Should().BeLessThan(box.X, "the figures beneath it have scrolled out of view");
    }

    private sealed record Figures(List<string> Drawn, List<string> Cells);
}
