using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>Key findings drafted from the real 2018 file (with its 2015-2017 trend figures).</summary>
[Collection(RealDataGroup.Name)]
public class KeyFindingsRealDataTests
{
    private readonly RealDataDashboard _app;

    public KeyFindingsRealDataTests(RealDataDashboard app) => _app = app;

    private static List<IElement> Findings(IHtmlDocument page, string kind) =>
        page.QuerySelectorAll($"[data-testid='key-findings'] [data-testid='finding'][data-kind='{kind}']").ToList();

    private static string Sentence(IElement finding) =>
        finding.QuerySelector("[data-testid='finding-sentence']")!.TextContent.Trim();

    private static string Evidence(IElement finding) =>
        finding.QuerySelector("[data-testid='finding-evidence']")!.TextContent.Trim();

    [RequiresFact(Needs.RealData)]
    public async Task Luton2018_AQuestionAboveItsExpectedRange_IsSignificantlyHigherThanExpected()
    {
        var page = await _app.GetDocumentAsync("/organisations/06P?year=2018");
        var q50 = Findings(page, "above-expected").Single(f => f.GetAttribute("data-question") == "50");

        Sentence(q50).Should().StartWith("Q50, “During your cancer treatment, were you given enough care and support from health or social services")
            .And.EndWith(": 68% positive, significantly higher than expected (expected range 43 to 62; England 53%).");
        q50.GetAttribute("data-verdict").Should().Be("significantly-higher");
        Evidence(q50).Should().Contain("NHS Luton CCG 134; England 35,450").And.Contain("published rating 1");
        Findings(page, "above-expected").Select(f => f.GetAttribute("data-question")).Should().Equal("15", "50", "51", "55");
        Findings(page, "below-expected").Select(f => f.GetAttribute("data-question")).Should().Equal("26");
    }

    [RequiresFact(Needs.RealData)]
    public async Task Luton2018_AScoreRatedAboveThatRoundsOntoItsRange_SaysRoundingHidesTheDifference()
    {
        var page = await _app.GetDocumentAsync("/organisations/06P?year=2018");
        var q15 = Findings(page, "above-expected").Single(f => f.GetAttribute("data-question") == "15");

        Sentence(q15).Should().EndWith(
            ": 64% positive, significantly higher than expected (expected range 49 to 64; England 56%): rounded as published, the score sits on the range, but the survey rated its unrounded score, which is above it.");
    }

    [RequiresFact(Needs.RealData)]
    public async Task Luton2018_OverallRatingWithinItsRange_IsLowerThanEnglandButNotSignificantly()
    {
        var page = await _app.GetDocumentAsync("/");
        var overall = Findings(page, "overall-england").Single();

        Sentence(overall).Should().Be("NHS Luton CCG's overall rating of care in 2018 was 8.74 out of 10 (case-mix adjusted), lower than England (8.80), but not significantly.");
        Evidence(overall).Should().Contain("8.74 is within the expected range (8.58 to 9.03), published rating 2");
        Sentence(Findings(page, "overall-alliance").Single()).Should().EndWith("similar to the East of England Cancer Alliance (8.81).");
    }

    [RequiresFact(Needs.RealData)]
    public async Task Northumberland2018_ATrendFlaggedDown_IsDescribedAsADecline()
    {
        var page = await _app.GetDocumentAsync("/organisations/00L?year=2018");
        var q55 = Findings(page, "change").Single(f => f.GetAttribute("data-question") == "55");

        Sentence(q55).Should().Be("Q55, “Have you been given a care plan?”: 31% positive in 2018, down from 43% in 2017, a significant decline since 2017 by the source's published year-on-year test.");
        q55.GetAttribute("data-verdict").Should().Be("significantly-lower");
        Evidence(q55).Should().Contain("2018: 497; 2017: 452").And.Contain("published flag Down");
    }

    [RequiresFact(Needs.RealData)]
    public async Task Luton2017_WithoutPublishedFlags_StatesTheDashboardsOwnTestAndItsLevel()
    {
        var page = await _app.GetDocumentAsync("/organisations/06P?year=2017");
        var summary = Findings(page, "change-summary").Single();

        Sentence(summary).Should().StartWith("The source published no year-on-year test for 2017, so the dashboard tested the change since 2016 itself");
        Evidence(summary).Should().Contain("two-proportion z-test (pooled), two-sided, p < 0.01 for each question, the level at which it flags about as many changes as the survey's own year-on-year test");
        Findings(page, "change").Should().Contain(f => f.GetAttribute("data-question") == "59"
            && Sentence(f).Contains("8.63 out of 10 in 2017, higher than the 2016 figure (8.61); whether that is more than chance cannot be tested", StringComparison.Ordinal));
    }

    [RequiresFact(Needs.RealData)]
    public async Task England2017_WithMostVerdictsBorderline_SaysThePublishedFiguresCannotDecideInsteadOfACount()
    {
        var page = await _app.GetDocumentAsync("/organisations/E92000001?year=2017");

        Sentence(Findings(page, "change-summary").Single()).Should().EndWith(
            "but 41 of its 51 verdicts are borderline: within the rounding of the published figures each could go either way, so the published figures cannot decide how many questions changed.");
    }

    [RequiresFact(Needs.RealData)]
    public async Task Luton2018_TumourGroupRatings_AreTestedOnTheirRespondentsWithThePooledSpread()
    {
        var page = await _app.GetDocumentAsync("/organisations/06P?year=2018");
        var groups = Findings(page, "tumour-group");

        groups.Select(Sentence).Should().Equal(
            "Haematological: patients rated their care 8.14 out of 10 (unadjusted), significantly lower than England's Haematological figure (8.94).");
        groups.Single().QuerySelector("[data-testid='finding-evidence']")!.TextContent.Should()
            .Contain("a spread of answers of 1.40 (pooled over every CCG's published 95% confidence interval for the overall rating")
            .And.Contain("z = -3.02, p = 0.003: significant");
        Sentence(Findings(page, "tumour-summary").Single()).Should().Contain("3 can be shown (10 have fewer than 21 respondents or are suppressed); 1 of the 3 tested differs significantly");
    }

    [RequiresFact(Needs.RealData)]
    public async Task Briefing2018_HasTheFindingsAFigureTableAndANoteForEach()
    {
        var page = await _app.GetDocumentAsync("/organisations/06P/briefing?year=2018");
        var findings = page.QuerySelectorAll("[data-testid='finding']");

        page.TestId("briefing-title").Should().Be("Key findings: NHS Luton CCG");
        findings.Should().HaveCountGreaterThan(5);
        page.QuerySelectorAll("[data-testid='evidence-note']").Should().HaveSameCount(findings);
        page.TestId("briefing-figures").Should().Contain("Q50, all cancers, 2018, case-mix adjusted").And.Contain("NHS Luton CCG 68% (case-mix adjusted");
    }
}
