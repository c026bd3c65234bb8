using LutonCancerSurvey.BrowserTests.Support;
using Xunit.Abstractions;

namespace LutonCancerSurvey.BrowserTests;

/// <summary>The dashboard over the response-frequency fixture alone (Fixtures/answers-2019.csv, invented figures).</summary>
public sealed class AnswersDashboard : BrowserDashboard
{
    protected override async Task LoadDataAsync(DashboardFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var outcome = await app.ImportAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "answers-2019.csv"), publish: true);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"The fixture did not import: {string.Join("; ", outcome.Errors)}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AnswersGroup : ICollectionFixture<AnswersDashboard>
{
    public const string Name = "Dashboard with response frequencies in Chromium";
}

/// <summary>The stacked bar of a question's answers: drawn from its table, positive answers told apart by more than colour.</summary>
[Collection(AnswersGroup.Name)]
public class AnswersBrowserTests
{
    private const string Path = "/organisations/99X/questions/58?year=2019&basis=unadjusted";

    private readonly AnswersDashboard _app;
    private readonly ITestOutputHelper _output;

    public AnswersBrowserTests(AnswersDashboard app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    public sealed record Segment(string Label, List<double?> Data, int BorderWidth, string FirstTooltip);

    public sealed record Bars(List<string> Labels, List<int> LabelLines, List<Segment> Segments);

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task StackedBar_IsDrawnFromTheTable_WithPositiveAnswersMarkedInWords_AndNoWcagViolations()
    {
        await using var visit = await _app.OpenAsync(Path);
        var charts = await visit.WaitForChartsAsync();

        var bars = await visit.EvaluateJsonAsync<Bars>("""
            () => {
              const chart = window.Chart.getChart(document.querySelector('#answers-chart canvas'));
              const tooltip = chart.options.plugins.tooltip.callbacks.label;
              return JSON.stringify({
                labels: chart.data.labels.map((l) => [].concat(l).join(' ')),
                labelLines: chart.data.labels.map((l) => [].concat(l).length),
                segments: chart.data.datasets.map((d) => ({
                  label: d.label,
                  data: d.data,
                  borderWidth: d.borderWidth,
                  firstTooltip: tooltip({ dataset: d, dataIndex: 0 }),
                })),
              });
            }
            """);
        var violations = await visit.AccessibilityViolationsAsync();
        violations.ToList().ForEach(_output.WriteLine);

        visit.Errors.Should().BeEmpty();
        charts.Should().Contain(c => c.Name.StartsWith("answers-figure", StringComparison.Ordinal) && c.Drawn);
        bars.Labels.Should().Equal("NHS Testshire CCG", "Test Alliance Cancer Alliance", "England");
        bars.LabelLines.Should().Equal([1, 2, 1], "a long name is broken into lines so a phone's axis shows it whole");
        bars.Segments.Select(s => s.Label).Should().Equal("Very good (positive)", "Good (positive)", "Neither good nor poor", "Poor", "Very poor");
        bars.Segments[0].Data.Should().Equal(50, 53, 55);
        bars.Segments[4].Data.Should().Equal(null, 1, 1);
        bars.Segments.Select(s => s.FirstTooltip).Should().Equal(
            "Very good (positive): 50.0%", "Good (positive): 38.0%", "Neither good nor poor: 7.0%", "Poor: 4.0%",
            "Very poor: Not shown: too few respondents chose it");
        bars.Segments.Select(s => s.BorderWidth).Should().Equal(3, 3, 0, 0, 0);
        violations.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task WithoutJavaScript_TheAnswersAreATable()
    {
        await using var visit = await _app.OpenAsync(Path, javaScript: false);

        (await visit.Page.Locator("#answers-chart table:visible").CountAsync()).Should().Be(1);
        (await visit.Page.Locator("#answers-chart [data-testid=answer-row]").CountAsync()).Should().Be(5);
    }
}
