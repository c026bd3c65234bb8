using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>The design card's own claims, as the key findings word them from the press-release seed.</summary>
public class KeyFindingsSeedTests : IClassFixture<DashboardFactory>
{
    private readonly DashboardFactory _app;

    public KeyFindingsSeedTests(DashboardFactory app) => _app = app;

    private static List<IElement> Findings(IHtmlDocument page, string kind) =>
        page.QuerySelectorAll($"[data-testid='key-findings'] [data-testid='finding'][data-kind='{kind}']").ToList();

    private static string Sentence(IElement finding) =>
        finding.QuerySelector("[data-testid='finding-sentence']")!.TextContent.Trim();

    [Fact]
    public async Task Overview_OnTheSeed_SaysTheOverallRatingIsSimilarToEngland()
    {
        var page = await _app.GetDocumentAsync("/");
        var overall = Findings(page, "overall-england").Should().ContainSingle().Subject;

        Sentence(overall).Should().Be("NHS Luton CCG's overall rating of care in 2016 was 8.7 out of 10 (case-mix adjusted), similar to England (8.7).");
        overall.GetAttribute("data-verdict").Should().Be("similar");
        overall.QuerySelector("[data-testid='finding-evidence']")!.TextContent
            .Should().Contain("Respondents: NHS Luton CCG not published; England not published")
            .And.Contain("the figures are equal when rounded (8.7 and 8.7)");
    }

    [Fact]
    public async Task Overview_OnTheSeed_SaysBreastIsHigherButThatItCannotBeTested()
    {
        var page = await _app.GetDocumentAsync("/");
        var breast = Findings(page, "tumour-group").Should().ContainSingle().Subject;

        Sentence(breast).Should().Be(
            "Breast: patients rated their care 9.2 out of 10 (unadjusted), higher than England's Breast figure (8.8); "
            + "whether that is more than chance cannot be tested: no confidence interval was published for this mean, and a respondent count alone does not give a mean's spread.");
        breast.GetAttribute("data-verdict").Should().Be("higher-untested");
        page.QuerySelector("[data-testid='key-findings']")!.TextContent.Should().NotContain("significantly higher");
    }

    [Fact]
    public async Task Overview_OnTheSeed_ClaimsNoChangeWithoutAnEarlierEdition()
    {
        var page = await _app.GetDocumentAsync("/");

        Sentence(Findings(page, "change-summary").Single())
            .Should().Be("No earlier edition is published for NHS Luton CCG, so no change since the previous survey can be described.");
        Findings(page, "change").Should().BeEmpty();
    }

    [Fact]
    public async Task Overview_OnTheSeed_EverySentenceLinksToItsNumberedEvidence()
    {
        var page = await _app.GetDocumentAsync("/");
        var findings = page.QuerySelectorAll("[data-testid='finding']");
        var notes = page.QuerySelectorAll("[data-testid='evidence-note']");

        findings.Should().NotBeEmpty();
        notes.Should().HaveSameCount(findings);
        foreach (var finding in findings)
        {
            var marker = finding.QuerySelector("sup a")!;
            var target = marker.GetAttribute("href")!.TrimStart('#');
            page.GetElementById(target).Should().NotBeNull();
            var tip = page.GetElementById(marker.GetAttribute("aria-describedby")!)!;
            tip.GetAttribute("role").Should().Be("tooltip");
            finding.QuerySelector("[data-testid='finding-sentence']")!.GetAttribute("tabindex").Should().Be("0");
        }
    }

    [Fact]
    public async Task Briefing_OnTheSeed_PrintsTheFindingsATableOfFiguresAndTheNotes()
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync(new Uri("/organisations/06P/briefing?year=2016", UriKind.Relative));
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        page.TestId("briefing-title").Should().Be("Key findings: NHS Luton CCG");
        Findings(page, "overall-england").Select(Sentence).Should().ContainSingle().Which.Should().Contain("similar to England (8.7)");
        page.QuerySelectorAll("[data-testid='briefing-figures'] tbody tr").Should().NotBeEmpty();
        page.TestId("briefing-figures").Should().Contain("NHS Luton CCG 9.2 (unadjusted); England 8.8 (unadjusted)");
        page.QuerySelectorAll("[data-testid='evidence-note']").Should().HaveCount(page.QuerySelectorAll("[data-testid='finding']").Length);
        page.QuerySelectorAll("canvas").Should().BeEmpty("the briefing needs no chart to be read");
    }

    [Theory]
    [InlineData("/organisations/06P/briefing?year=1999", 404)]
    [InlineData("/organisations/06P/briefing?year=next", 400)]
    [InlineData("/organisations/NOPE/briefing", 404)]
    public async Task Briefing_ForAYearOrOrganisationWithoutResults_SaysSo(string url, int status)
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        ((int)response.StatusCode).Should().Be(status);
    }

    [Fact]
    public async Task Results_OnTheSeed_ShowKeyFindingsAndLinkToTheBriefing()
    {
        var page = await _app.GetDocumentAsync("/organisations/06P?year=2016");

        page.QuerySelector("[data-testid='key-findings']").Should().NotBeNull();
        page.QuerySelector("[data-testid='briefing-link']")!.GetAttribute("href").Should().Be("/organisations/06P/briefing?year=2016");
    }
}
