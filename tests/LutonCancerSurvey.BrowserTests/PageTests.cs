using LutonCancerSurvey.BrowserTests.Support;
using Xunit.Abstractions;

namespace LutonCancerSurvey.BrowserTests;

/// <summary>
/// Every page type in Chromium over the seed and the real 2018 file: no console errors or failed requests, every
/// chart drawn, and no WCAG 2.1 A or AA violation that axe-core can find.
/// </summary>
[Collection(BrowserGroup.Name)]
public class PageTests
{
    private readonly BrowserDashboard _app;
    private readonly ITestOutputHelper _output;

    public PageTests(BrowserDashboard app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    /// <summary>Each page type with the number of charts it draws; the organisation page with each of its filters (a chart per section and the summary of every question).</summary>
    public static TheoryData<string, int> Pages => new()
    {
        { "/", 2 },
        { "/organisations/06P?year=2018", 14 },
        { "/organisations/06P?year=2018&basis=unadjusted", 14 },
        { "/organisations/06P?year=2018&basis=trend", 14 },
        { "/organisations/06P?year=2018&tumour=breast&basis=unadjusted", 14 },
        { "/organisations/06P?year=2016&basis=unadjusted", 2 },
        { "/organisations/RC9?year=2018", 14 },
        { "/organisations/E56000009?year=2018", 14 },
        { "/organisations/06P/questions/59?year=2018", 2 },
        { "/organisations/RC9/questions/22?year=2018&basis=unadjusted", 2 },
        { "/organisations", 0 },
        { "/organisations?q=luton", 0 },
        { "/compare", 0 },
        { "/compare?codes=06P,RC9&year=2018", 13 },
        { "/about", 0 },
        { "/accessibility", 0 },
        { "/cookies", 0 },
        { "/api-reference", 0 },
    };

    [RequiresTheory(Needs.Chromium | Needs.RealData)]
    [MemberData(nameof(Pages))]
    public async Task Page_LoadsCleanly_DrawsEveryChart_AndHasNoWcagViolations(string path, int charts)
    {
        await using var visit = await _app.OpenAsync(path);

        var drawn = await visit.WaitForChartsAsync();
        var violations = await visit.AccessibilityViolationsAsync();
        foreach (var violation in violations)
        {
            _output.WriteLine(violation);
        }

        visit.Errors.Should().BeEmpty("the page should load without console errors or failed requests");
        drawn.Should().HaveCount(charts, "every chart the page offers should be on it");
        drawn.Where(c => !c.Drawn).Should().BeEmpty("every chart canvas should be drawn and flagged as rendered");
        violations.Should().BeEmpty("axe-core should find no WCAG 2.1 A/AA violations");
    }
}
