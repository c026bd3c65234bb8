using LutonCancerSurvey.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LutonCancerSurvey.BrowserTests;

/// <summary>
/// The dead ends and hard paths a new reader met on the real 2018 file: a tumour type an area cannot show, comparing
/// by name, long pages without a map, a question page with no way on, tables that would not sort, and a finder that
/// could not find "Guy’s".
/// </summary>
[Collection(BrowserGroup.Name)]
public class WayfindingTests
{
    private readonly BrowserDashboard _app;
    private readonly ITestOutputHelper _output;

    public WayfindingTests(BrowserDashboard app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task Results_ForATumourTypeWithNothingShown_SaysSoAtTheTop_LinksToWhereTheDataExist_AndDrawsNoEmptyCharts()
    {
        await using var visit = await _app.OpenAsync("/organisations/06P?year=2018&tumour=lung", BrowserDashboard.Desktop);
        var page = visit.Page;
        await visit.WaitForChartsAsync();

        var notice = page.Locator("[data-testid=nothing-shown]");
        (await notice.InnerTextAsync()).Should().Contain("Fewer than 21 NHS Luton CCG patients with lung cancer answered each question in 2018");
        var box = (await notice.BoundingBoxAsync())!;
        box.Y.Should().BeLessThan(800, "the reader sees why before scrolling");
        var links = await page.Locator("[data-testid=where-data-exist] a").AllInnerTextsAsync();
        links.Should().Contain(["East of England Cancer Alliance", "England"]);
        (await page.Locator("canvas").CountAsync()).Should().Be(0, "a chart of withheld results would be empty");
        (await page.Locator("[data-testid=findings-scope]").InnerTextAsync()).Should().Contain("all cancers, not only lung cancer");
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        _output.WriteLine($"The page is {height} px tall");
        height.Should().BeLessThan(6_000, "52 rows of 'Not shown' are not repeated");

        await page.Locator("[data-testid=where-data-exist] a", new() { HasText = "East of England Cancer Alliance" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        (await page.Locator("[data-testid=nothing-shown]").CountAsync()).Should().Be(0);
        (await page.Locator("[data-testid=ranked-table] tbody tr").CountAsync()).Should().BeGreaterThan(40, "the Alliance's lung results exist");
        visit.Errors.Should().BeEmpty();
    }

    [RequiresTheory(Needs.Chromium | Needs.RealData)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Compare_ByANameThatFitsSeveral_GivesTheNhsErrorSummaryAndInlineError_WithSuggestionsThatWork(bool javaScript)
    {
        await using var visit = await _app.OpenAsync("/compare", BrowserDashboard.Desktop, javaScript);
        var page = visit.Page;

        await page.Locator("#codes").FillAsync("Luton, Bedfordshire");
        await page.Locator("[data-testid=compare-form] button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();

        var summaryLink = page.Locator(".nhsuk-error-summary a");
        (await summaryLink.GetAttributeAsync("href")).Should().Be("#codes");
        (await summaryLink.InnerTextAsync()).Should().Contain("“Luton”");
        (await page.Locator("#codes-error").InnerTextAsync()).Should().Contain("“Luton”");
        (await page.Locator("#codes").GetAttributeAsync("aria-describedby")).Should().Contain("codes-error");
        (await page.Locator("[data-testid=suggestion-RC9]").CountAsync()).Should().Be(1, "Luton and Dunstable is one of the Lutons");

        await page.Locator("[data-testid=suggestion-06P]").ClickAsync();
        await page.WaitForLoadStateAsync();
        (await page.Locator(".nhsuk-error-summary").CountAsync()).Should().Be(0,
            "with Luton chosen, Bedfordshire is the one organisation of that name in 2018");
        var headers = await page.Locator("[data-testid=compare-chart]").First.Locator("thead th[data-series]").AllInnerTextsAsync();
        headers.Should().Contain(h => h.StartsWith("NHS Luton CCG", StringComparison.Ordinal));
        headers.Should().Contain(h => h.StartsWith("NHS Bedfordshire CCG", StringComparison.Ordinal));
        headers.Should().NotContain(h => h.Contains("06P", StringComparison.Ordinal), "names, not codes");
        visit.Errors.Should().OnlyContain(e => e.Contains("status of 404", StringComparison.Ordinal) && e.Contains("Bedfordshire", StringComparison.Ordinal),
            "the only failure is the answer to the name that fits several, a 404 like any unknown organisation");
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task Compare_MarkersOfEqualValue_EachStayVisible_AndTheLegendNamesTheOrganisations()
    {
        await using var visit = await _app.OpenAsync("/compare?codes=06P,RC9,RWH,RC1,06K&year=2018", BrowserDashboard.Desktop);
        await visit.WaitForChartsAsync();

        var drawn = await visit.EvaluateJsonAsync<Drawn>("""
            () => {
              const charts = [...document.querySelectorAll('[data-testid=compare-chart] canvas')].map((c) => Chart.getChart(c));
              const legend = charts[0].legend.legendItems.map((i) => i.text);
              let same = 0, hidden = 0;
              charts.forEach((chart) => {
                const points = [];
                chart.data.datasets.forEach((d, index) => chart.getDatasetMeta(index).data.forEach((e, i) => {
                  if (d.data[i] !== null) { points.push({ row: i, value: d.data[i], x: e.x, y: e.y }); }
                }));
                points.forEach((p, a) => points.slice(a + 1).forEach((q) => {
                  if (p.row === q.row && p.value === q.value) {
                    same++;
                    if (Math.abs(p.y - q.y) < 4) { hidden++; }
                  }
                }));
              });
              return JSON.stringify({ legend, same, hidden });
            }
            """);

        _output.WriteLine($"{drawn.Same} pairs of markers share a value on a row; {drawn.Hidden} overlap");
        drawn.Same.Should().BeGreaterThan(0, "the real figures have ties to draw");
        drawn.Hidden.Should().Be(0, "markers of equal value sit apart, none hidden under another");
        drawn.Legend.Should().Contain("NHS Luton CCG").And.Contain("England").And.NotContain("06P");
        visit.Errors.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task Compare_TwoOrganisationsAt1280_ShowsEveryFigureWithoutScrolling()
    {
        await using var visit = await _app.OpenAsync("/compare?codes=06P,RC9&year=2018", new ViewportSize { Width = 1280, Height = 800 });
        var scrollers = visit.Page.Locator("[data-testid=compare-chart] .app-table-scroll");

        var hidden = await scrollers.EvaluateAllAsync<int[]>("boxes => boxes.map((s) => s.scrollWidth - s.clientWidth)");

        _output.WriteLine($"Each section's table is wider than its box by {string.Join(", ", hidden)} px");
        hidden.Should().OnlyContain(h => h <= 0, "every organisation's figures are in view");
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task Finder_AddToComparison_AddsToTheComparisonBeingBuilt()
    {
        await using var visit = await _app.OpenAsync("/compare?codes=06P&year=2018", BrowserDashboard.Desktop);
        var page = visit.Page;

        await page.Locator("#codes-hint a").ClickAsync();
        await page.Locator("#q").FillAsync("Bedfordshire");
        await page.Locator("[data-testid=search-form] button").ClickAsync();
        await page.Locator("[data-testid=add-06F]").ClickAsync();
        await page.WaitForLoadStateAsync();

        (await page.Locator("#codes").InputValueAsync()).Should().Be("06P, 06F");
        (await page.Locator("[data-testid=compare-table]").IsVisibleAsync()).Should().BeTrue();
        visit.Errors.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task Results_AddToComparison_ThenANameTypedInTheSuggestingField_ComparesBothForTheTumourTypeChosen()
    {
        await using var visit = await _app.OpenAsync("/organisations/RC9?year=2018&tumour=breast&basis=unadjusted", BrowserDashboard.Desktop);
        var page = visit.Page;

        await page.Locator("[data-testid=add-to-comparison]").ClickAsync();
        await page.WaitForLoadStateAsync();
        var suggested = await page.Locator("#organisation-names option").EvaluateAllAsync<string[]>("options => options.map((o) => o.value)");
        suggested.Should().Contain("NHS Luton CCG", "the field suggests the year's organisations by name as they are typed");
        (await page.Locator("#add").GetAttributeAsync("list")).Should().Be("organisation-names");
        await page.Locator("#add").FillAsync("nhs luton ccg");
        await page.Locator("[data-testid=compare-form] button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();

        (await page.Locator("#codes").InputValueAsync()).Should().Be("RC9, 06P");
        (await page.Locator("#tumour option:checked").InnerTextAsync()).Should().Be("Breast");
        (await page.Locator("[data-testid=compare-chart] caption").First.InnerTextAsync()).Should().Contain("2018, Breast cancer");
        visit.Errors.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task Overview_HasAShortSummaryForPatientsAboveTheFindings_AndNamesTheOrganisationInItsLegend()
    {
        await using var visit = await _app.OpenAsync("/", BrowserDashboard.Desktop);
        var page = visit.Page;
        await visit.WaitForChartsAsync();

        var summary = page.Locator("[data-testid=patient-summary]");
        (await summary.InnerTextAsync()).Should().Contain("NHS Luton CCG's cancer patients rated their care").And.Contain("out of 10 on average");
        (await summary.BoundingBoxAsync())!.Y.Should().BeLessThan((await page.Locator("[data-testid=key-findings]").BoundingBoxAsync())!.Y);
        var legend = await page.EvaluateAsync<string[]>(
            "() => Chart.getChart(document.querySelector('[data-testid=tumour-chart] canvas')).legend.legendItems.map((i) => i.text)");
        legend.Should().Contain("NHS Luton CCG").And.NotContain("06P");
        visit.Errors.Should().BeEmpty();
    }

    [RequiresTheory(Needs.Chromium | Needs.RealData)]
    [InlineData("guys")]
    [InlineData("Guy’s")]
    [InlineData("GUY'S AND ST THOMAS")]
    public async Task Finder_IgnoresCaseAndPunctuation_AndListsWithoutAStraySeparator(string search)
    {
        await using var visit = await _app.OpenAsync("/organisations?q=" + Uri.EscapeDataString(search), BrowserDashboard.Phone);
        var page = visit.Page;

        (await page.Locator("[data-testid=results] a").First.InnerTextAsync()).Should().Be("Guy's and St Thomas' NHS Foundation Trust");
        (await page.Locator("[data-testid=about-RJ1]").InnerTextAsync()).Should().StartWith("NHS Trust RJ1");
        var text = await page.Locator("[data-testid=results] li").First.InnerTextAsync();
        text.Should().NotContain("\n·").And.NotStartWith("·");
    }

    [RequiresTheory(Needs.Chromium | Needs.RealData)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RankedTable_ListsTheWorstFirst_AndSortsByAnyColumnWithJavaScript(bool javaScript)
    {
        await using var visit = await _app.OpenAsync("/organisations/06P?year=2018", BrowserDashboard.Desktop, javaScript);
        var page = visit.Page;
        var table = page.Locator("[data-testid=ranked-table]");

        var gaps = await SortValuesAsync(table, 3);
        gaps.Should().HaveCountGreaterThan(40);
        gaps.Should().BeInAscendingOrder("the furthest below England comes first");
        (await table.Locator("thead th").Nth(3).GetAttributeAsync("aria-sort")).Should().Be("ascending");
        if (!javaScript)
        {
            return;
        }

        await table.Locator("thead th").Nth(2).Locator("button").ClickAsync();
        (await table.Locator("thead th").Nth(2).GetAttributeAsync("aria-sort")).Should().Be("ascending");
        (await SortValuesAsync(table, 2)).Should().BeInAscendingOrder("England's scores, lowest first");
        await table.Locator("thead th").Nth(2).Locator("button").ClickAsync();
        (await SortValuesAsync(table, 2)).Should().BeInDescendingOrder();
        visit.Errors.Should().BeEmpty();
    }

    [RequiresTheory(Needs.Chromium | Needs.RealData)]
    [InlineData("/organisations/06P?year=2018", 12)]
    [InlineData("/organisations/E56000009/inequalities?year=2018", 12)]
    public async Task LongPages_HaveAContentsList_WhoseLinksReachTheirHeadings(string path, int atLeast)
    {
        await using var visit = await _app.OpenAsync(path, BrowserDashboard.Desktop);
        var page = visit.Page;

        var targets = await page.Locator("[data-testid=contents] a").EvaluateAllAsync<string[]>("links => links.map((a) => a.getAttribute('href'))");
        targets.Should().HaveCountGreaterThanOrEqualTo(atLeast);
        foreach (var target in targets)
        {
            (await page.Locator(target).CountAsync()).Should().Be(1, $"{target} is a heading on the page");
        }

        var last = page.Locator("[data-testid=contents] a").Last;
        await last.ClickAsync();
        var heading = (await page.Locator(targets[^1]).BoundingBoxAsync())!;
        heading.Y.Should().BeInRange(-1, 800, "following the link brings its heading into view");
        visit.Errors.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task QuestionPage_PreviousAndNext_StepThroughTheQuestionsAndBack()
    {
        await using var visit = await _app.OpenAsync("/organisations/06P/questions/26?year=2018", BrowserDashboard.Desktop);
        var page = visit.Page;

        (await page.Locator("[data-testid=previous-question] .nhsuk-pagination__page").InnerTextAsync()).Should().StartWith("Q25");
        var next = await page.Locator("[data-testid=next-question] .nhsuk-pagination__page").InnerTextAsync();
        next.Should().StartWith("Q28 Did groups of doctors", "Q27 is not scored in 2018, so the next scored question is Q28");

        await page.Locator("[data-testid=next-question]").ClickAsync();
        await page.WaitForLoadStateAsync();
        (await page.Locator("[data-testid=question-title]").InnerTextAsync()).Should().StartWith("Q28");
        new Uri(page.Url).Query.Should().Contain("year=2018", "the choice of year, tumour type and comparison is kept");

        await page.Locator("[data-testid=previous-question]").ClickAsync();
        await page.WaitForLoadStateAsync();
        (await page.Locator("[data-testid=question-title]").InnerTextAsync()).Should().StartWith("Q26");
        visit.Errors.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task RatingChart_IsZoomedToTheScores_AndItsAxisSaysWhereItStarts()
    {
        await using var visit = await _app.OpenAsync("/organisations/06P?year=2018", BrowserDashboard.Desktop);
        await visit.WaitForChartsAsync();

        var axis = await visit.EvaluateJsonAsync<Axis>("""
            () => {
              const figure = document.querySelector('[data-testid=section-chart][data-scale=mean]');
              const x = Chart.getChart(figure.querySelector('canvas')).scales.x;
              return JSON.stringify({ min: x.min, max: x.max, title: x.options.title.text });
            }
            """);

        _output.WriteLine($"The rating's axis runs from {axis.Min} to {axis.Max}: {axis.Title}");
        axis.Min.Should().BeGreaterThan(5, "8.74 and 8.80 must not look the same");
        axis.Max.Should().BeLessThanOrEqualTo(10);
        axis.Title.Should().Contain("zoomed").And.Contain("not 0");
        visit.Errors.Should().BeEmpty();
    }

    private static async Task<List<double>> SortValuesAsync(ILocator table, int column) =>
        (await table.Locator("tbody tr").EvaluateAllAsync<string[]>(
            $"rows => rows.map((r) => r.querySelectorAll('td')[{column}].dataset.sortValue)"))
        .Where(v => !string.IsNullOrEmpty(v))
        .Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))
        .ToList();

    private sealed record Drawn(List<string> Legend, int Same, int Hidden);

    private sealed record Axis(double Min, double Max, string Title);
}
