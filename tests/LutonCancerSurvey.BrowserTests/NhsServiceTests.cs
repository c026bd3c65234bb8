using LutonCancerSurvey.BrowserTests.Support;
using Xunit.Abstractions;

namespace LutonCancerSurvey.BrowserTests;

/// <summary>What an NHS service is expected to have, as a browser lays it out: breadcrumbs, footer, layout stability,
/// the results table on a phone, a confirmation before publication changes, and a password that can be shown.</summary>
[Collection(BrowserGroup.Name)]
public class NhsServiceTests
{
    private readonly BrowserDashboard _app;
    private readonly ITestOutputHelper _output;

    public NhsServiceTests(BrowserDashboard app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    public static TheoryData<string> BreadcrumbPages => new()
    {
        "/organisations/06P?year=2018",
        "/organisations/06P/questions/59?year=2018",
        "/organisations/E56000009/inequalities?year=2018",
        "/organisations/06P/briefing?year=2018",
    };

    // Each step's box, and the back link's, as laid out.
    private const string Crumbs = """
        () => {
          const nav = document.querySelector('[data-testid="breadcrumbs"]');
          const box = (e) => { const r = e.getBoundingClientRect(); return { top: Math.round(r.top), left: Math.round(r.left), right: Math.round(r.right), height: Math.round(r.height), shown: r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' }; };
          return JSON.stringify({
            items: [...nav.querySelectorAll('.nhsuk-breadcrumb__list-item')].map(box),
            back: box(nav.querySelector('.nhsuk-back-link')),
            backText: nav.querySelector('.nhsuk-back-link').textContent.trim(),
          });
        }
        """;

    private sealed record Box(int Top, int Left, int Right, int Height, bool Shown);

    private sealed record CrumbLayout(List<Box> Items, Box Back, string BackText);

    [RequiresTheory(Needs.Chromium | Needs.RealData)]
    [MemberData(nameof(BreadcrumbPages))]
    public async Task Breadcrumbs_OnDesktop_AreOneLine_WithNoBackLink(string path)
    {
        await using var visit = await _app.OpenAsync(path, BrowserDashboard.Desktop);

        var layout = await visit.EvaluateJsonAsync<CrumbLayout>(Crumbs);

        layout.Items.Should().HaveCount(2);
        layout.Items.Should().OnlyContain(i => i.Shown);
        layout.Items.Select(i => i.Top).Distinct().Should().ContainSingle("the steps sit side by side on one line");
        layout.Items[1].Left.Should().BeGreaterThan(layout.Items[0].Right, "the second step follows the first on the right");
        layout.Back.Shown.Should().BeFalse("the back link is for phones");
    }

    [RequiresTheory(Needs.Chromium | Needs.RealData)]
    [MemberData(nameof(BreadcrumbPages))]
    public async Task Breadcrumbs_OnAPhone_AreABackLinkToTheLastStep(string path)
    {
        await using var visit = await _app.OpenAsync(path, BrowserDashboard.Phone);

        var layout = await visit.EvaluateJsonAsync<CrumbLayout>(Crumbs);

        layout.Back.Shown.Should().BeTrue("a phone shows the back link");
        layout.Back.Right.Should().BeLessThanOrEqualTo(BrowserDashboard.Phone.Width);
        layout.BackText.Should().StartWith("Back to ");
        layout.Items.Should().OnlyContain(i => !i.Shown, "the trail gives way to the back link on a phone");
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task Footer_LinksTheStandardPages_AndEachOpens()
    {
        await using var visit = await _app.OpenAsync("/");
        var links = visit.Page.Locator("[data-testid='footer-links'] a");

        var hrefs = await links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var texts = await links.AllTextContentsAsync();

        texts.Select(t => t.Trim()).Should().Equal(
            "About the data", "API reference", "Accessibility statement", "Cookies and privacy", "Contact us");
        hrefs.Should().Equal("/about", "/api-reference", "/accessibility", "/cookies", "mailto:" + DashboardFactory.ContactEmail);
        foreach (var (href, heading) in new[] { ("/api-reference", "API reference"), ("/accessibility", "Accessibility statement for Luton Cancer Survey"), ("/cookies", "Cookies and privacy") })
        {
            await visit.Page.ClickAsync($"[data-testid='footer-links'] a[href='{href}']");
            (await visit.Page.TextContentAsync("h1"))!.Trim().Should().Be(heading);
            (await visit.AccessibilityViolationsAsync()).Should().BeEmpty($"{href} has no WCAG 2.1 A/AA violation");
        }

        (await visit.Page.TextContentAsync("[data-testid='phase-banner']"))!.Should().Contain("Beta").And.Contain("This is a new service");
        visit.Errors.Should().BeEmpty();
    }

    /// <summary>Layout shift (CLS) of the overview on a phone, as Chromium reports it, while it loads and draws its charts.</summary>
    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task Overview_OnAPhone_ShiftsItsLayoutByAtMost005()
    {
        await using var visit = await _app.OpenAsync("/", BrowserDashboard.Phone);
        await visit.WaitForChartsAsync();
        await visit.Page.WaitForTimeoutAsync(500); // anything the charts move is reported by then

        var shifts = await visit.EvaluateJsonAsync<List<double>>("""
            () => new Promise((resolve) => {
              const values = [];
              new PerformanceObserver((list) => {
                for (const e of list.getEntries()) { if (!e.hadRecentInput) values.push(e.value); }
              }).observe({ type: 'layout-shift', buffered: true });
              setTimeout(() => resolve(JSON.stringify(values)), 200);
            })
            """);
        var total = shifts.Sum();
        _output.WriteLine($"layout shift on the overview at 375 px: {total:0.0000} ({shifts.Count} shifts)");

        total.Should().BeLessThanOrEqualTo(0.05);
        visit.Errors.Should().BeEmpty("the early js-enabled script runs under the Content-Security-Policy");
        (await visit.Page.EvaluateAsync<bool>("() => document.body.classList.contains('js-enabled')")).Should().BeTrue();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task ResultsTable_OnAPhone_PutsTheVerdictStraightAfterTheScore_AndShowsEveryFigure()
    {
        await using var visit = await _app.OpenAsync("/organisations/06P?year=2018", BrowserDashboard.Phone);

        var row = await visit.EvaluateJsonAsync<Dictionary<string, double[]>>("""
            () => {
              const row = document.querySelector('[data-testid="result-59"]');
              const out = {};
              for (const id of ['score', 'band', 'england', 'ci', 'expected', 'respondents']) {
                const r = row.querySelector(`[data-testid="${id}"]`).getBoundingClientRect();
                out[id] = [r.top, r.bottom, r.left, r.right];
              }
              return JSON.stringify(out);
            }
            """);
        var label = await visit.Page.EvaluateAsync<string>(
            "() => getComputedStyle(document.querySelector('[data-testid=\"result-59\"] [data-testid=\"band\"]'), '::before').content");

        row["band"][0].Should().BeApproximately(row["score"][1], 1, "the verdict's line starts where the score's ends");
        foreach (var (cell, box) in row)
        {
            box[2].Should().BeGreaterThanOrEqualTo(0, $"{cell} is on screen");
            box[3].Should().BeLessThanOrEqualTo(BrowserDashboard.Phone.Width + 1, $"{cell} is within the phone's width");
        }

        label.Should().Contain("Compared with expected");
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task UnpublishAndPublish_AskForConfirmation_AndWorkWithoutJavaScript()
    {
        var email = await _app.CreateAdministratorAsync();
        await using var visit = await _app.OpenAsync("/account/sign-in", javaScript: false);
        await visit.Page.FillAsync("#Email", email);
        await visit.Page.FillAsync("#Password", BrowserDashboard.AdministratorPassword);
        await visit.Page.ClickAsync("[data-testid='sign-in']");
        await visit.GoToAsync(new Uri(_app.BaseAddress, "/admin"));
        var status = visit.Page.Locator("[data-testid='edition-2016'] [data-testid='status']");

        await visit.Page.ClickAsync("[data-testid='edition-2016'] [data-testid='unpublish']");
        var asked = await visit.Page.TextContentAsync("[data-testid='confirm-unpublish']");
        var statusWhileAsked = await status.TextContentAsync();
        await visit.Page.ClickAsync("[data-testid='cancel']");
        var statusAfterNo = await status.TextContentAsync();
        await visit.Page.ClickAsync("[data-testid='edition-2016'] [data-testid='unpublish']");
        await visit.Page.ClickAsync("[data-testid='confirm-unpublish'] [data-testid='confirm']");
        var statusAfterYes = await status.TextContentAsync();
        await visit.Page.ClickAsync("[data-testid='edition-2016'] [data-testid='publish']");
        var askedToPublish = await visit.Page.TextContentAsync("[data-testid='confirm-publish']");
        await visit.Page.ClickAsync("[data-testid='confirm-publish'] [data-testid='confirm']");
        var statusAfterPublish = await status.TextContentAsync();

        asked.Should().Contain("Unpublish 2016?").And.Contain("Yes, unpublish 2016");
        statusWhileAsked.Should().Contain("Published", "nothing changes until the change is confirmed");
        statusAfterNo.Should().Contain("Published");
        statusAfterYes.Should().Contain("Draft (embargoed)");
        askedToPublish.Should().Contain("Publish 2016 now?");
        statusAfterPublish.Should().Contain("Published");
        visit.Errors.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task SignIn_ShowPassword_RevealsThePasswordAndHidesItAgain()
    {
        await using var visit = await _app.OpenAsync("/account/sign-in");
        await visit.Page.FillAsync("#Password", "typed secret");

        await visit.Page.ClickAsync("[data-testid='show-password']");
        var shown = await visit.Page.GetAttributeAsync("#Password", "type");
        await visit.Page.ClickAsync("[data-testid='show-password']");
        var hidden = await visit.Page.GetAttributeAsync("#Password", "type");

        shown.Should().Be("text");
        hidden.Should().Be("password");
        (await visit.AccessibilityViolationsAsync()).Should().BeEmpty();
    }
}
