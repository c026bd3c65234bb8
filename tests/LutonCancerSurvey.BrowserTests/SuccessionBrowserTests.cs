using System.Text;
using LutonCancerSurvey.BrowserTests.Support;
using LutonCancerSurvey.Core.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LutonCancerSurvey.BrowserTests;

/// <summary>
/// The dashboard over the succession fixture alone (two CCGs merged into a third in 2021, which merged into an ICB in
/// 2022; a draft gives the ICB a new code in 2023), with the lookup loaded. Invented organisations and figures.
/// </summary>
public sealed class SuccessionDashboard : BrowserDashboard
{
    protected override async Task LoadDataAsync(DashboardFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var (csv, publish) in new[] { (SuccessionFixture.Published, true), (SuccessionFixture.Draft, false) })
        {
            var outcome = await app.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "successions-fixture.csv", publish);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"The fixture did not import: {string.Join("; ", outcome.Errors)}");
            }
        }

        await using var scope = app.Services.CreateAsyncScope();
        var lookup = await scope.ServiceProvider.GetRequiredService<SuccessionImporter>().ImportAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(SuccessionFixture.Lookup)), "lookup.csv", new SuccessionImportOptions(), CancellationToken.None);
        if (!lookup.Succeeded)
        {
            throw new InvalidOperationException($"The lookup did not load: {string.Join("; ", lookup.Errors)}");
        }

        var crosswalk = await scope.ServiceProvider.GetRequiredService<Core.Admin.QuestionnaireImporter>().ImportCrosswalkAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(SuccessionFixture.Crosswalk)), "test", CancellationToken.None);
        if (!crosswalk.Succeeded)
        {
            throw new InvalidOperationException($"The crosswalk did not load: {string.Join("; ", crosswalk.Errors)}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SuccessionGroup : ICollectionFixture<SuccessionDashboard>
{
    public const string Name = "Dashboard with successions in Chromium";
}

/// <summary>A merged CCG's story, the finder and the successor's trend, as a visitor meets them in Chromium.</summary>
[Collection(SuccessionGroup.Name)]
public class SuccessionBrowserTests
{
    // Each line of the trend chart with the points it draws, beside the table's rows of the same organisation.
    private const string LinesAndRows = """
        () => {
          const figure = document.querySelector('[data-testid=trend-chart]');
          const chart = window.Chart.getChart(figure.querySelector('canvas'));
          const lines = chart.data.datasets.map((d) => ({
            label: d.label,
            points: d.data.map((p, i) => [chart.data.labels[i], p !== null && typeof p === 'object' ? p.y : p])
              .filter(([, value]) => value !== null && value !== undefined)
              .map(([label, value]) => `${label} ${value}`),
          }));
          const rows = [...figure.querySelectorAll('tbody tr')].filter((tr) => tr.dataset.value !== '')
            .map((tr) => `${tr.dataset.series}: ${tr.dataset.label} ${Number(tr.dataset.value)}`);
          return JSON.stringify({ lines, rows });
        }
        """;

    private readonly SuccessionDashboard _app;
    private readonly ITestOutputHelper _output;

    public SuccessionBrowserTests(SuccessionDashboard app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task TheOldPage_TellsWhatItBecame_AndItsLinkLeadsToTheSuccessor()
    {
        await using var visit = await _app.OpenAsync("/organisations/91A");
        var page = visit.Page;

        var story = await page.GetByTestId("became").InnerTextAsync();
        var violations = await visit.AccessibilityViolationsAsync();
        violations.ToList().ForEach(_output.WriteLine);
        await page.GetByTestId("became").GetByRole(AriaRole.Link, new() { Name = "NHS Testshire Integrated Care Board" }).ClickAsync();
        await page.WaitForURLAsync("**/organisations/QT1");

        story.Should().Be("NHS Testshire North CCG became part of NHS Testshire CCG in 2021, which became part of "
            + "NHS Testshire Integrated Care Board in 2022.");
        (await page.GetByTestId("organisation-name").InnerTextAsync()).Should().Be("NHS Testshire Integrated Care Board");
        (await page.ContentAsync()).Should().NotContain("Draftshire", "the ICB's new code is only in the embargoed draft");
        violations.Should().BeEmpty();
        visit.Errors.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task TheFinder_FindsTheFormerName_AndSaysWhatItIsNow()
    {
        await using var visit = await _app.OpenAsync("/organisations");
        var page = visit.Page;

        await page.GetByLabel("Name or code").FillAsync("Testshire North");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync("**/organisations?q=Testshire+North*");
        var found = await page.GetByTestId("results").Locator("li").AllInnerTextsAsync();
        var violations = await visit.AccessibilityViolationsAsync();
        violations.ToList().ForEach(_output.WriteLine);

        found.Should().ContainSingle().Which.Should().Contain("NHS Testshire North CCG")
            .And.Contain("which became part of NHS Testshire Integrated Care Board in 2022.");
        violations.Should().BeEmpty();
        visit.Errors.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task TheSuccessorsTrend_DrawsEachPredecessorAsALineOfItsOwn_FromItsTable()
    {
        await using var visit = await _app.OpenAsync("/organisations/QT1/questions/59");
        var charts = await visit.WaitForChartsAsync();
        var drawn = await visit.EvaluateJsonAsync<Drawn>(LinesAndRows);
        var violations = await visit.AccessibilityViolationsAsync();
        violations.ToList().ForEach(_output.WriteLine);
        await visit.ScreenshotAsync("successor-trend");

        charts.Where(c => !c.Drawn).Should().BeEmpty();
        drawn.Lines.Select(l => $"{l.Label}: {string.Join(", ", l.Points)}").Should().Equal(
            "NHS Testshire Integrated Care Board: 2022 8.9",
            "NHS Testshire North CCG: 2019 8.64",
            "NHS Testshire South CCG: 2019 8.71",
            "NHS Testshire CCG: 2021 8.77",
            "England: 2016 8.7, 2019 8.8, 2021 8.82, 2022 8.85");
        drawn.Lines.Where(l => l.Label != "England").SelectMany(l => l.Points.Select(p => $"{l.Label}: {p}"))
            .Should().BeEquivalentTo(drawn.Rows, "every line's points are its own rows of the table, and nothing else");
        violations.Should().BeEmpty();
        visit.Errors.Should().BeEmpty();
    }

    public sealed record Line(string Label, List<string> Points);

    public sealed record Drawn(List<Line> Lines, List<string> Rows);
}
