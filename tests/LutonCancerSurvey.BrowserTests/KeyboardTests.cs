using LutonCancerSurvey.BrowserTests.Support;
using Microsoft.Playwright;

namespace LutonCancerSurvey.BrowserTests;

/// <summary>Keyboard only: a skip link, every link and filter reachable with Tab and usable with Enter or Space, and a visible focus indicator on each.</summary>
[Collection(BrowserGroup.Name)]
public class KeyboardTests
{
    // Everything a keyboard user should be able to reach, as far as it is shown.
    private const string MarkFocusables = """
        () => {
          const look = (e) => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.outlineColor,
            s.boxShadow, s.backgroundColor, s.color, s.textDecorationLine, s.textDecorationThickness].join('|'); };
          const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
          const shown = [...document.querySelectorAll(selector)].filter((e) => !e.disabled
            && !e.closest('[hidden], details:not([open]) > :not(summary)') && e.getClientRects().length > 0
            && getComputedStyle(e).visibility !== 'hidden');
          return JSON.stringify(shown.map((e, i) => {
            e.dataset.kb = String(i);
            return { index: i, name: `${e.tagName.toLowerCase()} "${(e.textContent || e.id || '').trim().replace(/\s+/g, ' ').slice(0, 60)}"`, look: look(e) };
          }));
        }
        """;

    private const string FocusedNow = """
        () => {
          const e = document.activeElement;
          if (!e || e === document.body || e.dataset.kb === undefined) { return JSON.stringify(null); }
          const s = getComputedStyle(e);
          const r = e.getBoundingClientRect();
          return JSON.stringify({ index: Number(e.dataset.kb), look: [s.outlineStyle, s.outlineWidth, s.outlineColor,
            s.boxShadow, s.backgroundColor, s.color, s.textDecorationLine, s.textDecorationThickness].join('|'),
            inView: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight });
        }
        """;

    private readonly BrowserDashboard _app;

    public KeyboardTests(BrowserDashboard app) => _app = app;

    public static TheoryData<string> PagesToTabThrough => new()
    {
        "/",
        "/organisations/06P?year=2018",
        "/organisations/06P/questions/59?year=2018",
        "/organisations?q=luton",
        "/compare?codes=06P,RC9&year=2018",
    };

    [RequiresTheory(Needs.Chromium | Needs.RealData)]
    [MemberData(nameof(PagesToTabThrough))]
    public async Task Tab_ReachesEveryLinkAndControl_EachWithAVisibleFocusIndicator(string path)
    {
        await using var visit = await _app.OpenAsync(path);
        await visit.WaitForChartsAsync();
        var focusables = await visit.EvaluateJsonAsync<List<Focusable>>(MarkFocusables);
        focusables.Should().NotBeEmpty();

        var reached = new Dictionary<int, Focused>();
        for (var press = 0; press < focusables.Count + 10; press++)
        {
            await visit.Page.Keyboard.PressAsync("Tab");
            var now = await visit.EvaluateJsonAsync<Focused?>(FocusedNow);
            if (now is null && reached.Count > 0)
            {
                break; // past the last element, back to the browser
            }

            if (now is not null && !reached.TryAdd(now.Index, now))
            {
                break; // wrapped round
            }
        }

        focusables.Where(f => !reached.ContainsKey(f.Index)).Select(f => f.Name)
            .Should().BeEmpty("every link and control should be reachable with Tab");
        reached.Values.Where(r => r.Look == focusables[r.Index].Look || !r.InView).Select(r => focusables[r.Index].Name)
            .Should().BeEmpty("each element should look different when focused, and be scrolled into view");
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task SkipLink_IsTheFirstTabStop_IsShownWhenFocused_AndMovesFocusToTheMainContent()
    {
        await using var visit = await _app.OpenAsync("/organisations/06P?year=2018");
        var page = visit.Page;

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.nhsuk-skip-link");
        (await skip.EvaluateAsync<bool>("e => e === document.activeElement")).Should().BeTrue("the skip link comes first");
        var box = await skip.BoundingBoxAsync();
        box.Should().NotBeNull();
        box!.Width.Should().BeGreaterThan(20, "a focused skip link is shown, not clipped away");
        box.Height.Should().BeGreaterThan(10);
        box.Y.Should().BeGreaterThanOrEqualTo(0);

        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<bool>("() => document.getElementById('maincontent').contains(document.activeElement) || location.hash === '#maincontent'"))
            .Should().BeTrue("Enter on the skip link moves to the main content");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<bool>("() => document.getElementById('maincontent').contains(document.activeElement)"))
            .Should().BeTrue("the next Tab stays in the main content, past the navigation");
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task OrganisationFilters_CanBeChangedAndAppliedWithTheKeyboard()
    {
        await using var visit = await _app.OpenAsync("/organisations/06P?year=2018");
        var page = visit.Page;

        // Basis and tumour type with the arrow keys, applied with Space on the button.
        await TabToAsync(page, "#tumour");
        var tumour = await ChooseNextAsync(page);
        await TabToAsync(page, "#basis");
        var basis = await ChooseNextAsync(page);
        basis.Should().Be("unadjusted");
        await TabToAsync(page, "form[data-testid=filters] button[type=submit]");
        await PressToNavigateAsync(page, "Space");

        page.Url.Should().Contain($"tumour={tumour}").And.Contain("basis=unadjusted");
        (await page.Locator("[data-testid=problem]").CountAsync()).Should().Be(0, $"{page.Url} should show results");
        (await page.Locator("#tumour").InputValueAsync()).Should().Be(tumour);
        (await page.Locator("[data-testid=basis-statement]").InnerTextAsync()).Should().Contain("unadjusted");

        // The year (typed, as a select takes its options' first letters), applied with Enter: the seed's 2016 figures.
        await visit.GoToAsync(new Uri(_app.BaseAddress, "/organisations/06P?year=2018&basis=unadjusted"));
        await TabToAsync(page, "#year");
        await page.Keyboard.TypeAsync("2016");
        (await page.Locator("#year").InputValueAsync()).Should().Be("2016");
        await TabToAsync(page, "form[data-testid=filters] button[type=submit]");
        await PressToNavigateAsync(page, "Enter");

        page.Url.Should().Contain("year=2016");
        (await page.Locator("[data-testid=problem]").CountAsync()).Should().Be(0, $"{page.Url} should show results");
        (await page.Locator("[data-testid=basis-statement]").InnerTextAsync()).Should().Contain("2016");
        visit.Errors.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task Find_TypeAndEnterSearches_AndEnterOnAResultOpensIt()
    {
        await using var visit = await _app.OpenAsync("/organisations");
        var page = visit.Page;

        await TabToAsync(page, "#q");
        await page.Keyboard.TypeAsync("luton");
        await PressToNavigateAsync(page, "Enter");
        page.Url.Should().Contain("q=luton");

        await TabToAsync(page, "[data-testid=results] a");
        var target = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        await PressToNavigateAsync(page, "Enter");
        new Uri(page.Url).AbsolutePath.Should().Be(target);
        (await page.Locator("h1").InnerTextAsync()).Should().Contain("Luton");
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task Compare_CodesTypedAndSubmittedWithEnter_ShowTheTable()
    {
        await using var visit = await _app.OpenAsync("/compare");
        var page = visit.Page;

        await TabToAsync(page, "#codes");
        await page.Keyboard.TypeAsync("06P, RC9");
        await PressToNavigateAsync(page, "Enter");

        (await page.Locator("[data-testid=compare-table]").IsVisibleAsync()).Should().BeTrue();
        visit.Errors.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task FunnelTable_OpensWithSpaceAndClosesWithEnter()
    {
        await using var visit = await _app.OpenAsync("/organisations/06P/questions/59?year=2018");
        var page = visit.Page;
        var details = page.Locator("[data-testid=funnel-chart] details");

        await TabToAsync(page, "[data-testid=funnel-chart] summary");
        await page.Keyboard.PressAsync("Space");
        (await details.EvaluateAsync<bool>("d => d.open")).Should().BeTrue("Space opens the table of every organisation");
        (await page.Locator("[data-testid=funnel-chart] table").IsVisibleAsync()).Should().BeTrue();

        await page.Keyboard.PressAsync("Enter");
        (await details.EvaluateAsync<bool>("d => d.open")).Should().BeFalse("Enter closes it again");
    }

    /// <summary>Presses Tab until the element matching the selector has focus (and fails if it never does).</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var press = 0; press < 150; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException($"Tab never reached {selector}");
    }

    /// <summary>Presses a key that should take the browser to another page, and waits for that page to load.</summary>
    private static async Task PressToNavigateAsync(IPage page, string key)
    {
        var from = page.Url;
        await page.Keyboard.PressAsync(key);
        await page.WaitForURLAsync(url => url != from, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
    }

    /// <summary>Moves a focused select to another option with the arrow keys and returns its new value.</summary>
    private static async Task<string> ChooseNextAsync(IPage page)
    {
        var before = await page.EvaluateAsync<string>("() => document.activeElement.value");
        var last = await page.EvaluateAsync<bool>("() => document.activeElement.selectedIndex === document.activeElement.options.length - 1");
        await page.Keyboard.PressAsync(last ? "ArrowUp" : "ArrowDown");
        var after = await page.EvaluateAsync<string>("() => document.activeElement.value");
        after.Should().NotBe(before, "the arrow keys change a focused select");
        return after;
    }

    private sealed record Focusable(int Index, string Name, string Look);

    private sealed record Focused(int Index, string Look, bool InView);
}
