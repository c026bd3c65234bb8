using System.Globalization;
using LutonCancerSurvey.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LutonCancerSurvey.BrowserTests;

/// <summary>The results page's chart of every question at a glance, drawn from the section tables on the real 2018 file.</summary>
[Collection(BrowserGroup.Name)]
public class SpineChartTests
{
    /// <summary>A4 portrait between Chromium's default 1 cm margins, in CSS pixels: 19 cm wide, 27.7 cm tall.</summary>
    private const int PrintWidth = 718;
    private const int PrintPageHeight = 1047;

    // Every marker as drawn (its value read back from its pixel position) and every row of the section tables as shown.
    private const string PointsAndRows = """
        () => {
          const chart = Chart.getChart(document.querySelector('[data-testid=spine-chart] canvas'));
          const points = [];
          const ranges = chart.data.datasets.find((d) => d.isRange)?.data ?? [];
          chart.data.datasets.forEach((d, index) => {
            if (!d.band) { return; }
            chart.getDatasetMeta(index).data.forEach((element, i) => {
              if (d.data[i] === null) { return; }
              points.push({ label: chart.data.labels[i].split(' ')[0], band: d.band, style: d.pointStyle, rotation: d.pointRotation,
                drawnAt: chart.scales.x.getValueForPixel(element.x), row: Math.round(chart.scales.y.getValueForPixel(element.y)), index: i,
                range: ranges[i] ?? null, value: d.data[i] });
            });
          });
          const rows = [...document.querySelectorAll('[data-testid=section-chart] tbody tr[data-point]')].map((tr) => ({
            label: tr.querySelector('th a').textContent.trim(),
            score: tr.querySelector('[data-testid=score]').textContent.trim(),
            england: tr.querySelector('[data-testid=england]').textContent.trim(),
            band: tr.querySelector('[data-testid=band]')?.textContent.trim() ?? null,
            mean: tr.closest('figure').dataset.scale === 'mean',
          }));
          points.sort((a, b) => a.index - b.index);
          return JSON.stringify({ points, rows });
        }
        """;

    private readonly BrowserDashboard _app;
    private readonly ITestOutputHelper _output;

    public SpineChartTests(BrowserDashboard app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    public static TheoryData<string> ResultsPages => new()
    {
        "/organisations/06P?year=2018",
        "/organisations/06P?year=2018&basis=unadjusted",
        "/organisations/RC9?year=2018",
        "/organisations/06P?year=2018&tumour=breast&basis=unadjusted",
    };

    [RequiresTheory(Needs.Chromium | Needs.RealData)]
    [MemberData(nameof(ResultsPages))]
    public async Task SpineChart_HasOnePointPerShownRowOfTheTables_AtTheTablesDifferenceFromEngland_ShapedByItsBand(string path)
    {
        await using var visit = await _app.OpenAsync(path);
        await visit.WaitForChartsAsync();

        var drawn = await visit.EvaluateJsonAsync<Drawn>(PointsAndRows);

        var shown = drawn.Rows.Where(r => Number(r.Score) is not null && Number(r.England) is not null).ToList();
        _output.WriteLine($"{drawn.Rows.Count} rows in the tables, {shown.Count} with a score and England's, {drawn.Points.Count} points");
        drawn.Rows.Should().NotBeEmpty();
        drawn.Points.Select(p => p.Label).Should().Equal(shown.Select(r => r.Label), "each shown row has one point, in the tables' order");
        drawn.Rows.Where(r => r.Score.StartsWith("Not shown", StringComparison.Ordinal)).Select(r => r.Label)
            .Should().NotIntersectWith(drawn.Points.Select(p => p.Label), "a suppressed result gets no point");

        foreach (var (row, point) in shown.Zip(drawn.Points))
        {
            // The tables round percentages to whole numbers and the rating to two decimals; the chart has the exact figures.
            var factor = row.Mean ? 10 : 1;
            var difference = (Number(row.Score)!.Value - Number(row.England)!.Value) * factor;
            var rounding = row.Mean ? 0.01 * factor : 1.0;

            // A marker the rounding puts on its bar is drawn just beside it (0.25), on the side the survey rated it.
            var besideBar = point.Band is "above" or "below" ? 0.3 : 0;
            point.DrawnAt.Should().BeApproximately(difference, rounding + 0.1 + besideBar, $"{row.Label} is drawn at its difference from England");
            if (point.Range is [var lower, var upper])
            {
                switch (point.Band)
                {
                    case "above":
                        point.Value.Should().BeGreaterThan(upper, $"{row.Label} was rated above its range, so its marker is right of the bar");
                        break;
                    case "below":
                        point.Value.Should().BeLessThan(lower, $"{row.Label} was rated below its range, so its marker is left of the bar");
                        break;
                    case "within":
                        point.Value.Should().BeInRange(lower, upper, $"{row.Label} was rated within its range, so its marker is on the bar");
                        break;
                }
            }

            var band = row.Band switch
            {
                "Above expected range" => "above",
                "Within expected range" => "within",
                "Below expected range" => "below",
                _ => "none",
            };
            point.Band.Should().Be(band, $"{row.Label}'s marker gives the band in the table");
            (point.Style, point.Rotation).Should().Be(band switch
            {
                "above" => ("triangle", 0),
                "below" => ("triangle", 180),
                "within" => ("circle", 0),
                _ => ("rect", 0),
            }, $"{row.Label}'s band is told by its shape as well as its colour");
        }

        drawn.Points.Select(p => p.Row).Should().Equal(drawn.Points.Select(p => p.Index), "each point sits on its question's row");
        visit.Errors.Should().BeEmpty();

        Directory.CreateDirectory(BrowserDashboard.ScreenshotDirectory);
        var name = "spine-" + string.Concat(path.Split('/', '?', '&', '=').Skip(2).Where(p => p.Length > 0).Select(p => p + "-")).TrimEnd('-');
        await visit.Page.Locator("[data-testid=spine-chart]").ScreenshotAsync(new LocatorScreenshotOptions
        {
            Path = Path.Combine(BrowserDashboard.ScreenshotDirectory, name + ".png"),
        });
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task SpineChart_Prints_OnAtMostTwoA4Pages()
    {
        await using var visit = await _app.OpenAsync("/organisations/06P?year=2018", new ViewportSize { Width = PrintWidth, Height = 1000 });
        await visit.WaitForChartsAsync();
        await visit.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await visit.Page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeprint'))");

        var box = await visit.Page.Locator("[data-testid=spine-chart]").BoundingBoxAsync();
        _output.WriteLine($"The printed spine chart is {box!.Width:0} x {box.Height:0} px (an A4 page holds {PrintWidth} x {PrintPageHeight})");
        box.Width.Should().BeLessThanOrEqualTo(PrintWidth);
        box.Height.Should().BeLessThanOrEqualTo(2 * PrintPageHeight);
        (await visit.ChartsAsync()).Where(c => !c.Drawn).Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task WithoutJavaScript_TheSpineChartIsNotShown_AndItsTablesAre()
    {
        await using var visit = await _app.OpenAsync("/organisations/06P?year=2018", javaScript: false);

        (await visit.Page.Locator("[data-testid=spine-chart]").IsVisibleAsync()).Should().BeFalse("it has no table of its own");
        (await visit.Page.Locator("[data-testid=section-chart] table").CountAsync()).Should().Be(13);
        (await visit.Page.Locator("[data-testid=section-chart] table").First.IsVisibleAsync()).Should().BeTrue();
    }

    private static double? Number(string text)
    {
        var digits = text.TrimEnd('%');
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private sealed record Drawn(List<Point> Points, List<Row> Rows);

    private sealed record Point(string Label, string Band, string Style, int Rotation, double DrawnAt, int Row, int Index, double[]? Range, double Value);

    private sealed record Row(string Label, string Score, string England, string? Band, bool Mean);
}
