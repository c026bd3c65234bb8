using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LutonCancerSurvey.BrowserTests.Support;

/// <summary>One page in its own browser context, with everything it wrote to the console or failed to load.</summary>
public sealed class Visit : IAsyncDisposable
{
    /// <summary>WCAG 2.1 levels A and AA, as the public sector accessibility regulations require.</summary>
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    public Visit(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _errors.Add($"uncaught: {error}");
        page.RequestFailed += (_, request) =>
        {
            if (request.Url.StartsWith("http://127.0.0.1", StringComparison.Ordinal))
            {
                _errors.Add($"request failed: {request.Url} ({request.Failure})");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>
    /// Keeps the test off the internet. The NHS.UK design system's Frutiger webfont comes from the NHS CDN by design
    /// (it cannot be redistributed; the pages fall back to Arial), so it is answered locally with nothing; any other
    /// request outside the app is refused and counted as an error.
    /// </summary>
    public async Task StayOnAsync(Uri app)
    {
        var origin = app.GetLeftPart(UriPartial.Authority);
        await _context.RouteAsync(url => !url.StartsWith(origin, StringComparison.Ordinal), async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith("https://assets.nhs.uk/fonts/", StringComparison.Ordinal))
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 204 });
                return;
            }

            _errors.Add($"request outside the app: {url}");
            await route.AbortAsync();
        });
    }

    public IReadOnlyList<string> Errors => _errors;

    public async Task GoToAsync(Uri url)
    {
        var response = await Page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        response.Should().NotBeNull();
        response!.Status.Should().Be(200, $"{url} should load");
    }

    /// <summary>Waits for charts.js to mark every chart drawn; returns the test ids of any that never were.</summary>
    public async Task<IReadOnlyList<ChartState>> WaitForChartsAsync()
    {
        const string allDrawn = "() => [...document.querySelectorAll('figure.app-chart')].every(f => f.dataset.chartRendered === 'true')";
        try
        {
            await Page.WaitForFunctionAsync(allDrawn, null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            // reported below, chart by chart
        }

        return await ChartsAsync();
    }

    /// <summary>Each chart's rendered flag and whether its canvas has size and anything painted on it.</summary>
    public async Task<IReadOnlyList<ChartState>> ChartsAsync()
    {
        var json = await Page.EvaluateAsync<string>("""
            () => JSON.stringify([...document.querySelectorAll('figure.app-chart')].map((figure, index) => {
              const canvas = figure.querySelector('canvas');
              let painted = false;
              if (canvas && canvas.width > 0 && canvas.height > 0) {
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                for (let i = 3; i < pixels.length; i += 4) {
                  if (pixels[i] !== 0) { painted = true; break; }
                }
              }
              const box = canvas ? canvas.getBoundingClientRect() : null;
              return {
                name: `${figure.dataset.testid ?? 'figure'} #${index + 1}`,
                rendered: figure.dataset.chartRendered === 'true',
                width: box ? box.width : 0,
                height: box ? box.height : 0,
                painted,
              };
            }))
            """);
        return JsonSerializer.Deserialize<List<ChartState>>(json, JsonOptions)!;
    }

    /// <summary>Runs axe-core with the WCAG 2.1 A and AA rules and describes each violation and where it is.</summary>
    public async Task<IReadOnlyList<string>> AccessibilityViolationsAsync()
    {
        var result = await Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });
        return result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at "
                + string.Join(" | ", v.Nodes.Take(5).Select(n => $"{n.Target} {n.Html} {string.Join(" ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"))
                + (v.Nodes.Length > 5 ? $" … and {v.Nodes.Length - 5} more" : ""))
            .ToList();
    }

    /// <summary>Saves a full-page screenshot (or the clipped part of it) under TestResults/screenshots and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, Clip? clip = null)
    {
        Directory.CreateDirectory(BrowserDashboard.ScreenshotDirectory);
        var path = Path.Combine(BrowserDashboard.ScreenshotDirectory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Clip = clip });
        return path;
    }

    /// <summary>
    /// Moves the mouse onto one drawn point of the first chart in <paramref name="figure"/> (a CSS selector), as a reader
    /// would, and returns the lines of the tooltip Chart.js shows for it. <paramref name="dataset"/> picks the dataset
    /// (a condition on `dataset` and `index`) and <paramref name="point"/> the point's index in it.
    /// </summary>
    public async Task<IReadOnlyList<string>> HoverAsync(string figure, string dataset, int point)
    {
        var chart = $$"""Chart.getChart(document.querySelector("{{figure}} canvas"))""";
        var canvas = Page.Locator($"{figure} canvas").First;
        await canvas.ScrollIntoViewIfNeededAsync();
        var position = await Page.EvaluateAsync<double[]>($$"""
            () => {
              const chart = {{chart}};
              const index = chart.data.datasets.findIndex((dataset, index) => {{dataset}});
              const element = chart.getDatasetMeta(index).data[{{point}}];
              return [element.x, element.y];
            }
            """);
        var box = (await canvas.BoundingBoxAsync())!;
        await Page.Mouse.MoveAsync((float)(box.X + position[0]), (float)(box.Y + position[1]));
        await Page.WaitForFunctionAsync($"() => ({chart}.tooltip.body ?? []).length > 0");
        return await Page.EvaluateAsync<string[]>($"() => {chart}.tooltip.body.flatMap(b => b.lines)");
    }

    /// <summary>The labels on the x axis of the first chart in <paramref name="figure"/> (a CSS selector), as drawn.</summary>
    public async Task<IReadOnlyList<string>> AxisTicksAsync(string figure) =>
        await Page.EvaluateAsync<string[]>(
            $$"""() => Chart.getChart(document.querySelector("{{figure}} canvas")).scales.x.ticks.map(t => String(t.label))""");

    public async Task<T> EvaluateJsonAsync<T>(string expression)
    {
        var json = await Page.EvaluateAsync<string>(expression);
        return JsonSerializer.Deserialize<T>(json, JsonOptions)!;
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

public sealed record ChartState(string Name, bool Rendered, double Width, double Height, bool Painted)
{
    public bool Drawn => Rendered && Width > 0 && Height > 0 && Painted;
}
