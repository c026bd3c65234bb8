using AngleSharp.Html.Dom;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>Pages over the real 2018 file, imported and published once for the collection.</summary>
[Collection(RealDataGroup.Name)]
public class RealDataPagesTests
{
    private readonly RealDataDashboard _app;

    public RealDataPagesTests(RealDataDashboard app) => _app = app;

    private static IHtmlTableRowElement Row(IHtmlDocument page, string testId) =>
        (IHtmlTableRowElement)(page.QuerySelector($"[data-testid='{testId}']")
            ?? throw new InvalidOperationException($"no row {testId}"));

    private static string Cell(IHtmlTableRowElement row, string testId) =>
        row.QuerySelector($"[data-testid='{testId}']")!.TextContent.Trim();

    [RequiresFact(Needs.RealData)]
    public async Task CcgResults_Q59Adjusted_ShowsScoreIntervalExpectedRangeAndBand()
    {
        var page = await _app.GetDocumentAsync("/organisations/06P?year=2018");
        var q59 = Row(page, "result-59");

        Cell(q59, "score").Should().Be("8.74");
        Cell(q59, "england").Should().Be("8.80");
        Cell(q59, "ci").Should().Be("8.54 to 8.94");
        Cell(q59, "expected").Should().Be("8.58 to 9.03");
        Cell(q59, "band").Should().Be("Within expected range");
        Cell(q59, "respondents").Should().Be("189");
        page.TestId("basis-statement").Should().Contain("case-mix adjusted");
    }

    [RequiresFact(Needs.RealData)]
    public async Task CcgResults_ShowEveryScoredQuestionWithAChartPerSectionAndScale()
    {
        var page = await _app.GetDocumentAsync("/organisations/06P?year=2018");

        page.QuerySelectorAll("tr[data-point]").Should().HaveCount(52);
        page.QuerySelectorAll("h2[id^='section-']").Should().HaveCount(12);
        page.QuerySelectorAll("figure[data-testid='section-chart'] table caption").Should().HaveCount(13, "Q59 is drawn on its own 0-10 scale");
    }

    [RequiresFact(Needs.RealData)]
    public async Task CcgResults_PercentageQuestion_IsAWholeNumberWithItsNoisyIntervalCleaned()
    {
        var page = await _app.GetDocumentAsync("/organisations/06P?year=2018");
        var q22 = Row(page, "result-22");

        Cell(q22, "score").Should().Be("65%");
        Cell(q22, "england").Should().Be("60%");
        Cell(q22, "ci").Should().Be("56 to 72", "CCG intervals are published as whole numbers");
        Cell(q22, "expected").Should().Be("52 to 70");
        Cell(q22, "respondents").Should().Be("129");
        q22.GetAttribute("data-value").Should().Be("65");
        q22.GetAttribute("data-lower").Should().Be("56");
    }

    [RequiresFact(Needs.RealData)]
    public async Task TrustResults_Q59Adjusted_ShowsItsFigures()
    {
        var page = await _app.GetDocumentAsync("/organisations/RC9?year=2018");
        var q59 = Row(page, "result-59");

        page.TestId("organisation-name").Should().Be("Luton and Dunstable University Hospital NHS Foundation Trust");
        Cell(q59, "score").Should().Be("8.77");
        Cell(q59, "ci").Should().Be("8.61 to 8.92");
        Cell(q59, "expected").Should().Be("8.63 to 8.98");
        Cell(q59, "respondents").Should().Be("319");
    }

    [RequiresFact(Needs.RealData)]
    public async Task AllianceResults_Q59Adjusted_ShowsItsFigures()
    {
        var page = await _app.GetDocumentAsync("/organisations/E56000009?year=2018");
        var q59 = Row(page, "result-59");

        page.TestId("organisation-name").Should().Be("East of England");
        Cell(q59, "score").Should().Be("8.81");
        Cell(q59, "expected").Should().Be("8.71 to 8.90");
        Cell(q59, "respondents").Should().Be("8,839");
    }

    [RequiresFact(Needs.RealData)]
    public async Task TumourFilter_Breast_ShowsUnadjustedResultsAgainstEnglandsBreastFigures()
    {
        var page = await _app.GetDocumentAsync("/organisations/06P?year=2018&tumour=breast&basis=unadjusted");
        var q59 = Row(page, "result-59");

        Cell(q59, "score").Should().Be("9.06");
        Cell(q59, "respondents").Should().Be("52");
        page.TestId("basis-statement").Should().Contain("Breast").And.Contain("not adjusted for case mix");
        page.QuerySelector("[data-testid='result-59'] [data-testid='expected']").Should().BeNull();
    }

    [RequiresFact(Needs.RealData)]
    public async Task SuppressedResult_OnThePage_ShowsTheReasonAndNoNumber()
    {
        // Haematological cancers in Luton: some questions have 21 or more respondents, Q23 has 16.
        var page = await _app.GetDocumentAsync("/organisations/06P?year=2018&tumour=haematological&basis=unadjusted");
        var q23 = Row(page, "result-23");

        Cell(q23, "score").Should().Be("Not shown: fewer than 21 respondents");
        Cell(q23, "respondents").Should().Be("–");
        Cell(q23, "ci").Should().Be("–");
        q23.GetAttribute("data-value").Should().BeEmpty();
        q23.GetAttribute("data-n").Should().BeNullOrEmpty();
        page.QuerySelector("[data-testid='ranked-23'] [data-testid='gap']")!.TextContent.Should().Be("–");
    }

    [RequiresFact(Needs.RealData)]
    public async Task TumourTypeWithEveryResultWithheld_SaysSo_AndRepeatsNoRowOfWithheldResults()
    {
        var page = await _app.GetDocumentAsync("/organisations/06P?year=2018&tumour=brain-and-cns&basis=unadjusted");

        page.QuerySelector("[data-testid='nothing-shown']")!.TextContent.Should()
            .Contain("Fewer than 21 NHS Luton CCG patients with brain and cns cancer answered each question in 2018");
        page.QuerySelectorAll("[data-testid='nothing-shown'] [data-testid='where-data-exist'] a").Select(a => a.GetAttribute("href"))
            .Should().Contain("/organisations/E92000001?year=2018&tumour=brain-and-cns&basis=unadjusted");
        page.QuerySelectorAll("[data-testid^='result-']").Should().BeEmpty();
        page.QuerySelectorAll("canvas").Should().BeEmpty();
    }

    [RequiresFact(Needs.RealData)]
    public async Task SuppressedResults_InTheCsv_HaveNoFigures()
    {
        using var client = _app.CreateClient();

        var csv = await client.GetStringAsync(new Uri("/organisations/06P?handler=csv&year=2018&tumour=brain-and-cns&basis=unadjusted", UriKind.Relative));
        var q1 = csv.Split("\r\n").Single(l => l.StartsWith("2018,ccg,06P,", StringComparison.Ordinal) && l.Contains(",Q1,", StringComparison.Ordinal));

        q1.Should().EndWith(",unadjusted,,,,,,,,,,,few-respondents,");
    }

    [RequiresFact(Needs.RealData)]
    public async Task QuestionDetail_Q59_ShowsTrendFunnelRankAndAlliance()
    {
        var page = await _app.GetDocumentAsync("/organisations/06P/questions/59?year=2018");

        page.QuerySelector("[data-testid='alliance'] [data-testid='score']")!.TextContent.Should().Be("8.81");
        page.QuerySelector("[data-testid='england'] [data-testid='score']")!.TextContent.Should().Be("8.80");
        page.QuerySelector("[data-testid='trend-2016'] [data-testid='score']")!.TextContent.Should().Be("8.61");
        page.QuerySelector("[data-testid='trend-2016'] [data-testid='england']")!.TextContent.Should().Be("8.74");
        page.QuerySelectorAll("[data-testid='trend-chart'] tr[data-point]").Should().HaveCount(4);
        page.QuerySelectorAll("[data-testid='funnel-chart'] tr[data-highlight='true']").Should().ContainSingle();
        page.TestId("funnel-method").Should().Contain("95%").And.Contain("99.8%").And.Contain("computed by this dashboard")
            .And.Contain("pooled from the CCGs' published 95% confidence intervals").And.Contain("τ² = ");
        page.TestId("rank").Should().Contain("of").And.Contain("Rankings exaggerate small differences");
    }

    [RequiresFact(Needs.RealData)]
    public async Task QuestionDetail_Q58ForLutonAndDunstable_AgreesWithThePublishedWithinAndStatesTheMethod()
    {
        var page = await _app.GetDocumentAsync("/organisations/RC9/questions/58?year=2018&basis=adjusted");

        page.QuerySelector("[data-testid='band']")!.TextContent.Should().Contain("Within expected range");
        page.TestId("funnel-position").Should().StartWith("The survey rates Luton and Dunstable University Hospital NHS Foundation Trust within its expected range");
        page.TestId("funnel-stricter").Should().EndWith("is within them.");
        page.TestId("funnel-vs-published").Should().Contain("The funnel limits place its score within them, as the survey's published rating");
        page.TestId("funnel-method").Should().Contain("for NHS Trusts, around England's unrounded score of 31.")
            .And.Contain("τ² = 26.4").And.Contain("recovered from the expected ranges the survey published");
    }

    [RequiresFact(Needs.RealData)]
    public async Task QuestionDetail_Q22ForLutonAndDunstable_LeadsWithThePublishedAboveAndCallsThe998LimitsStricter()
    {
        var page = await _app.GetDocumentAsync("/organisations/RC9/questions/22?year=2018&basis=adjusted");

        page.TestId("funnel-position").Should().StartWith("The survey rates Luton and Dunstable University Hospital NHS Foundation Trust above its expected range");
        page.TestId("funnel-stricter").Should().StartWith("This dashboard's 99.8% limits are a stricter test than the survey's 95% expected range")
            .And.Contain("is within them");
        page.TestId("funnel-outside").Should().MatchRegex(@"^On this funnel \d+ of the \d+ NHS Trusts plotted fall outside the 95% limits and \d+ outside the 99\.8% limits\.");
    }

    [RequiresFact(Needs.RealData)]
    public async Task QuestionDetail_ScoreSharedWithOthers_IsAJointRankNamingHowManyShareIt()
    {
        // Q19 2018, case-mix adjusted: 30 CCGs are shown above 90% and 19, Bolton among them, at 90%.
        var page = await _app.GetDocumentAsync("/organisations/00T/questions/19?year=2018&basis=adjusted");

        page.TestId("rank").Should().StartWith("Ranked joint 31st of 194 CCGs on this question (19 CCGs share 90%).");
    }

    [RequiresFact(Needs.RealData)]
    public async Task Finder_ByName_FindsLutonsCcgAndTrust()
    {
        var page = await _app.GetDocumentAsync("/organisations?q=luton");

        page.QuerySelectorAll("[data-testid='results'] li > a").Select(a => a.TextContent)
            .Should().BeEquivalentTo("Luton and Dunstable University Hospital NHS Foundation Trust", "NHS Luton CCG");
    }

    [RequiresFact(Needs.RealData)]
    public async Task Compare_TwoOrganisations_AddsTheirAllianceAndEngland()
    {
        var page = await _app.GetDocumentAsync("/compare?codes=06P,RC9&year=2018");
        var q59 = page.QuerySelector("[data-testid='compare-59']")!;

        q59.QuerySelector("[data-testid='cell-06P']")!.TextContent.Should().Contain("8.74");
        q59.QuerySelector("[data-testid='cell-RC9']")!.TextContent.Should().Contain("8.77");
        q59.QuerySelector("[data-testid='cell-E56000009']")!.TextContent.Should().Contain("8.81");
        q59.QuerySelector("[data-testid='cell-E92000001']")!.TextContent.Should().Contain("8.80");
    }
}
