using System.Globalization;
using System.Text;
using LutonCancerSurvey.BrowserTests.Support;
using Xunit.Abstractions;

namespace LutonCancerSurvey.BrowserTests;

/// <summary>The dashboard over the dimensions fixture alone: an Alliance by sex, age band and ethnic group (invented figures).</summary>
public sealed class InequalityDimensionsDashboard : BrowserDashboard
{
    protected override async Task LoadDataAsync(DashboardFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var outcome = await app.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(InequalityDimensionsFixture.Csv)), "dimensions.csv", publish: true);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"The fixture did not import: {string.Join("; ", outcome.Errors)}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class InequalityDimensionsGroup : ICollectionFixture<InequalityDimensionsDashboard>
{
    public const string Name = "Dashboard with breakdowns by age and ethnic group in Chromium";
}

/// <summary>Every dimension's dot plot in Chromium: drawn from its table, each group a shape of its own, accessible.</summary>
[Collection(InequalityDimensionsGroup.Name)]
public class InequalityDimensionsBrowserTests
{
    private const string Path = "/organisations/E56000098/inequalities?year=2019";

    private readonly InequalityDimensionsDashboard _app;
    private readonly ITestOutputHelper _output;

    public InequalityDimensionsBrowserTests(InequalityDimensionsDashboard app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    public sealed record Series(string Label, string PointStyle, List<double?> Data);

    public sealed record Figure(string Dimension, List<Series> ChartSeries, List<string> TableLabels, List<List<string>> TableCells);

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task EveryDimension_IsDrawnFromItsTable_EachGroupAShapeOfItsOwn_WithNoWcagViolations()
    {
        await using var visit = await _app.OpenAsync(Path);
        var charts = await visit.WaitForChartsAsync();

        var figures = await visit.EvaluateJsonAsync<List<Figure>>("""
            () => JSON.stringify([...document.querySelectorAll('figure[data-chart-type=inequality]')].map((figure) => {
              const chart = window.Chart.getChart(figure.querySelector('canvas'));
              return {
                dimension: figure.dataset.comparison,
                chartSeries: chart.data.datasets.map((d) => ({ label: d.label, pointStyle: String(d.pointStyle), data: d.data })),
                tableLabels: [...figure.querySelectorAll('thead th[data-series]')].map((th) => th.textContent.trim()),
                tableCells: [...figure.querySelectorAll('thead th[data-series]')].map((th, i) =>
                  [...figure.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td[data-series]')[i].textContent.trim())),
              };
            }))
            """);
        var violations = await visit.AccessibilityViolationsAsync();
        violations.ToList().ForEach(_output.WriteLine);

        visit.Errors.Should().BeEmpty();
        charts.Should().HaveCount(5).And.OnlyContain(c => c.Drawn);
        figures.Select(f => f.Dimension).Should().Equal("sex", "age", "ethnic-group", "age", "ethnic-group");
        foreach (var figure in figures)
        {
            figure.ChartSeries.Select(s => s.Label).Should().Equal(figure.TableLabels);
            figure.ChartSeries.Select(s => s.PointStyle).Should().OnlyHaveUniqueItems($"the groups of {figure.Dimension} differ by shape, not colour alone");
            foreach (var (series, cells) in figure.ChartSeries.Zip(figure.TableCells))
            {
                series.Data.Should().Equal(cells.Select(Number), $"{series.Label} of {figure.Dimension}");
            }
        }

        figures[1].ChartSeries.Select(s => s.Label).Should().Equal("All patients", "16-24", "25-64", "75+");
        figures[1].ChartSeries.Select(s => s.Data.Single()).Should().Equal(60, 48, 58, 66);
        violations.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task WithoutJavaScript_EveryDimensionIsATable_WithTheCaveat()
    {
        await using var visit = await _app.OpenAsync(Path, javaScript: false);

        (await visit.Page.Locator("figure.app-chart table:visible").CountAsync()).Should().Be(5);
        (await visit.Page.Locator("[data-testid=inequality-caveat]").InnerTextAsync()).Should().StartWith("These gaps are unadjusted");
    }

    private static double? Number(string cell)
    {
        var text = cell.TrimEnd('%');
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
