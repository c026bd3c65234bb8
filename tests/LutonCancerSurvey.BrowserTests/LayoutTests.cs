using LutonCancerSurvey.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LutonCancerSurvey.BrowserTests;

/// <summary>The pages on a phone, on paper and without JavaScript.</summary>
[Collection(BrowserGroup.Name)]
public class LayoutTests
{
    /// <summary>A4 portrait less Chromium's default 1 cm print margins, in CSS pixels.</summary>
    private const int PrintWidth = 718;

    // Where the page, its tables and charts overflow the width they were given.
    private const string Overflow = """
        (width) => {
          const out = [];
          const doc = document.documentElement;
          if (doc.scrollWidth > width) {
            // name the outermost elements that stick out, so a failure says what to fix
            const wide = [...document.body.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > width + 1
              && !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1));
            out.push(`the page is ${doc.scrollWidth}px wide: ` + wide.slice(0, 5).map((e) =>
              `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} to ${Math.round(e.getBoundingClientRect().right)}px`).join(', '));
          }
          for (const table of document.querySelectorAll('table')) {
            const name = table.dataset.testid ?? table.caption?.textContent.trim().slice(0, 50) ?? 'table';
            const scroller = table.closest('.app-table-scroll');
            const scrolls = scroller && ['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX);
            const box = (scrolls ? scroller : table).getBoundingClientRect();
            if (box.width > 0 && (box.left < -1 || box.right > width + 1)) {
              out.push(`${scrolls ? 'the scroll box of ' : ''}table "${name}" spans ${Math.round(box.left)} to ${Math.round(box.right)}px`);
            }
          }
          for (const canvas of document.querySelectorAll('figure.app-chart canvas')) {
            const box = canvas.getBoundingClientRect();
            if (box.width > 0 && (box.left < -1 || box.right > width + 1)) {
              out.push(`chart "${canvas.closest('figure').dataset.testid}" spans ${Math.round(box.left)} to ${Math.round(box.right)}px`);
            }
          }
          return JSON.stringify(out);
        }
        """;

    private readonly BrowserDashboard _app;
    private readonly ITestOutputHelper _output;

    public LayoutTests(BrowserDashboard app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    /// <summary>
    /// Every main page, with whether a table on it is wider than a phone (and so must scroll in its own box). The
    /// results tables are not: on a phone each question is a card of labelled figures.
    /// </summary>
    public static TheoryData<string, bool> PhonePages => new()
    {
        { "/", false },
        { "/organisations/06P?year=2018", false },
        { "/organisations/06P?year=2018&basis=trend", false },
        { "/organisations/06P/questions/59?year=2018", false },
        { "/organisations/E56000009/inequalities?year=2018", false },
        { "/organisations/06P/briefing?year=2018", true },
        { "/organisations", false },
        { "/organisations?q=luton", false },
        { "/compare?codes=06P,RC9&year=2018", true },
        { "/about", false },
        { "/accessibility", false },
        { "/cookies", false },
        { "/api-reference", true },
        { "/account/sign-in", false },
    };

    [RequiresTheory(Needs.Chromium | Needs.RealData)]
    [MemberData(nameof(PhonePages))]
    public async Task Phone_PageDoesNotScrollSideways_WideTablesScrollInTheirOwnBox(string path, bool hasWideTable)
    {
        await using var visit = await _app.OpenAsync(path, BrowserDashboard.Phone);
        var charts = await visit.WaitForChartsAsync();

        var overflow = await visit.EvaluateJsonAsync<List<string>>($"({Overflow})({BrowserDashboard.Phone.Width})");
        overflow.Should().BeEmpty("nothing on a 375 px phone should be wider than the screen");
        await visit.Page.Mouse.WheelAsync(300, 0);
        (await visit.Page.EvaluateAsync<double>("() => window.scrollX")).Should().Be(0, "the page should not scroll sideways");
        charts.Where(c => !c.Drawn).Should().BeEmpty("charts are drawn at phone width too");

        var scrolling = await visit.Page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('.app-table-scroll')].filter(s => s.scrollWidth > s.clientWidth).length");
        if (hasWideTable)
        {
            scrolling.Should().BeGreaterThan(0, "the wide tables should scroll inside their own container");
        }

        // A box that scrolls must be reachable and named for keyboard and screen reader users: axe checks at this width.
        var violations = await visit.AccessibilityViolationsAsync();
        foreach (var violation in violations)
        {
            _output.WriteLine(violation);
        }

        violations.Should().BeEmpty();
        visit.Errors.Should().BeEmpty();
    }

    public static TheoryData<string> PrintPages => new()
    {
        "/",
        "/organisations/06P?year=2018",
        "/organisations/06P?year=2018&basis=trend",
        "/organisations/06P/questions/59?year=2018",
        "/compare?codes=06P,RC9&year=2018",
    };

    [RequiresTheory(Needs.Chromium | Needs.RealData)]
    [MemberData(nameof(PrintPages))]
    public async Task Print_HidesTheNavigation_AndChartsAndTablesFitThePage(string path)
    {
        await using var visit = await _app.OpenAsync(path, new ViewportSize { Width = PrintWidth, Height = 1000 });
        await visit.WaitForChartsAsync();
        await visit.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await visit.Page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeprint'))");

        foreach (var hidden in new[] { "a.nhsuk-skip-link", "nav.nhsuk-header__navigation", "footer" })
        {
            (await visit.Page.Locator(hidden).IsVisibleAsync()).Should().BeFalse($"{hidden} is not printed");
        }

        var overflow = await visit.EvaluateJsonAsync<List<string>>($"({Overflow})({PrintWidth})");
        overflow.Should().BeEmpty($"charts and tables should fit an A4 page ({PrintWidth}px between the margins)");
        var charts = await visit.ChartsAsync();
        charts.Where(c => !c.Drawn).Should().BeEmpty("the charts are printed");
        visit.Errors.Should().BeEmpty();
    }

    /// <summary>Pages with charts, and how many.</summary>
    public static TheoryData<string, int> ChartPages => new()
    {
        { "/", 2 },
        { "/organisations/06P?year=2018", 13 },
        { "/organisations/06P/questions/59?year=2018", 2 },
    };

    [RequiresTheory(Needs.Chromium | Needs.RealData)]
    [MemberData(nameof(ChartPages))]
    public async Task WithoutJavaScript_EveryFigureIsStillOnThePage_AsATable(string path, int figures)
    {
        await using var visit = await _app.OpenAsync(path, javaScript: false);
        var page = visit.Page;

        // A summary drawn from the page's other tables (data-rows-from) has no table of its own and stays hidden.
        (await page.Locator("figure.app-chart[data-rows-from]:visible").CountAsync()).Should().Be(0);
        var all = page.Locator("figure.app-chart:not([data-rows-from])");
        (await all.CountAsync()).Should().Be(figures);
        for (var i = 0; i < figures; i++)
        {
            var figure = all.Nth(i);
            (await figure.IsVisibleAsync()).Should().BeTrue($"figure {i + 1} is shown");
            (await figure.Locator("tbody tr[data-point]").CountAsync()).Should().BeGreaterThan(0, $"figure {i + 1} has its figures");
            (await figure.Locator(".app-chart__canvas").IsVisibleAsync()).Should().BeFalse("no empty chart box is left behind");
            var table = figure.Locator("table");
            var inClosedDetails = await figure.Locator("details:not([open])").CountAsync() > 0;
            (await (inClosedDetails ? figure.Locator("summary") : table).IsVisibleAsync()).Should().BeTrue(
                $"figure {i + 1}'s table is shown (or its summary, for the table of every organisation)");
        }

        visit.Errors.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task Screenshots_OfTheOverviewAndAnOrganisation_AtDesktopAndPhoneWidth()
    {
        var shots = new List<string>();
        foreach (var (name, path) in new[] { ("overview", "/"), ("organisation-06P", "/organisations/06P?year=2018") })
        {
            foreach (var (width, viewport) in new[] { ("desktop", BrowserDashboard.Desktop), ("phone", BrowserDashboard.Phone) })
            {
                await using var visit = await _app.OpenAsync(path, viewport);
                await visit.WaitForChartsAsync();
                await visit.Page.EvaluateAsync("() => document.fonts.ready");
                shots.Add(await visit.ScreenshotAsync($"{name}-{width}"));
            }
        }

        // The README's picture: the overview down to its chart, scaled to about the width a README is shown at.
        await using (var readme = await _app.OpenAsync("/", new ViewportSize { Width = 1024, Height = 800 }, scale: 0.75f))
        {
            await readme.WaitForChartsAsync();
            await readme.Page.EvaluateAsync("() => document.fonts.ready");
            var chartBottom = await readme.Page.EvaluateAsync<double>(
                "() => document.querySelector('[data-testid=tumour-chart] .app-chart__canvas').getBoundingClientRect().bottom + window.scrollY");
            shots.Add(await readme.ScreenshotAsync("overview-readme", new Clip { X = 0, Y = 0, Width = 1024, Height = (float)chartBottom + 10 }));
        }

        _output.WriteLine($"Screenshots in {BrowserDashboard.ScreenshotDirectory}:");
        shots.ForEach(_output.WriteLine);
        shots.Should().OnlyContain(path => new FileInfo(path).Length > 10_000);
    }
}
