using LutonCancerSurvey.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LutonCancerSurvey.BrowserTests;

/// <summary>The overview on the real 2018 file: its two comparison charts first, and key findings that read as sentences.</summary>
[Collection(BrowserGroup.Name)]
public class OverviewTests
{
    private static readonly ViewportSize Laptop = new() { Width = 1280, Height = 800 };

    /// <summary>
    /// The overview for NHS Luton CCG at 1280 px wide was over 5,000 px tall, mostly evidence notes; with the notes
    /// folded, the findings in two columns and compact tables it measured 4,014 px (6,262 px with every note opened).
    /// The short summary for patients above the findings, and the organisation's name in place of its code in the
    /// narrow tables' headings, brought it to 4,489 px; the phase banner and the footer's links to the standard pages
    /// (accessibility, cookies, contact, API reference) to 4,636 px.
    /// </summary>
    private const int MaxHeight = 4_700;

    private readonly BrowserDashboard _app;
    private readonly ITestOutputHelper _output;

    public OverviewTests(BrowserDashboard app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task Overview_At1280x800_ShowsBothComparisonChartsAboveTheFold_AndIsFarShorterThanWithItsNotesOpen()
    {
        await using var visit = await _app.OpenAsync("/", Laptop);
        var charts = await visit.WaitForChartsAsync();
        charts.Where(c => !c.Drawn).Should().BeEmpty();

        foreach (var chart in new[] { "overall-chart", "tumour-chart" })
        {
            var box = await visit.Page.Locator($"[data-testid={chart}] canvas").BoundingBoxAsync();
            _output.WriteLine($"{chart}: {box!.Y:0} to {box.Y + box.Height:0} px");
            box.Height.Should().BeGreaterThan(100, $"{chart} is drawn at a readable size");
            (box.Y + box.Height).Should().BeLessThanOrEqualTo(Laptop.Height, $"{chart} is in view without scrolling");
        }

        var height = await visit.Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await visit.Page.EvaluateAsync("() => document.querySelectorAll('details').forEach((d) => { d.open = true; })");
        var opened = await visit.Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        _output.WriteLine($"The overview is {height} px tall at 1280 px wide; {opened} px with every note open");
        height.Should().BeLessThanOrEqualTo(MaxHeight);
        height.Should().BeLessThan(opened - 1_000, "the evidence notes are what made the overview a wall of text");
        visit.Errors.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task KeyFindings_ReadAsSentences_TheirNotesFoldedAway_AndAFindingsNumberOpensItsNote()
    {
        await using var visit = await _app.OpenAsync("/", Laptop);
        var page = visit.Page;
        var details = page.Locator("[data-testid=evidence-details]");

        (await page.Locator("[data-testid=finding-sentence]").First.IsVisibleAsync()).Should().BeTrue();
        (await details.EvaluateAsync<bool>("d => d.open")).Should().BeFalse("the notes are folded until asked for");
        (await page.Locator("#evidence-1").IsVisibleAsync()).Should().BeFalse();

        await page.Locator("#finding-1").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=evidence-details]').open");
        (await page.Locator("#evidence-1").IsVisibleAsync()).Should().BeTrue("following a finding's number opens its note");

        await page.Locator("[data-testid=evidence-details] summary").ClickAsync();
        (await details.EvaluateAsync<bool>("d => d.open")).Should().BeFalse("the summary folds them away again");
        visit.Errors.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task Overview_Printed_ShowsItsEvidenceNotes_ThoughTheyAreFoldedOnScreen()
    {
        await using var visit = await _app.OpenAsync("/", Laptop);
        var page = visit.Page;
        var note = page.Locator("#evidence-1");
        var onScreen = await note.IsVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var printed = await note.IsVisibleAsync();
        var open = await page.Locator("[data-testid=evidence-details]").EvaluateAsync<bool>("d => d.open");

        onScreen.Should().BeFalse("on screen the notes are folded away");
        printed.Should().BeTrue("on paper they cannot be unfolded, so they print open");
        open.Should().BeFalse("printing leaves the page as the reader had it");
        visit.Errors.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task PrintableBriefing_ShowsEveryEvidenceNote_WithoutOpeningAnything()
    {
        await using var visit = await _app.OpenAsync("/organisations/06P/briefing?year=2018");
        await visit.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        var notes = visit.Page.Locator("[data-testid=evidence-note]");
        (await notes.CountAsync()).Should().BeGreaterThan(0);
        (await visit.Page.Locator("details [data-testid=evidence-note]").CountAsync()).Should().Be(0);
        (await notes.Last.IsVisibleAsync()).Should().BeTrue();
    }
}
