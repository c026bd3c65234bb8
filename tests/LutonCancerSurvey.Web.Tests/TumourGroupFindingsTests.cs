using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>
/// Tumour-group ratings, published without intervals, tested on their respondents with the spread of answers pooled
/// over every CCG's published interval for the overall rating (a hand-made file, invented figures).
/// </summary>
public sealed class TumourGroupFindingsTests : IClassFixture<TumourGroupFindingsTests.App>
{
    private const string Q59 = "Q59,\"Overall, how would you rate your care?\",Your overall NHS care,mean";
    private const string England = "2019,national,E92000001,England,,,";
    private const string Testshire = "2019,ccg,99X,NHS Testshire CCG,E56000099,Test Alliance,";
    private const string Otherfield = "2019,ccg,98X,NHS Otherfield CCG,E56000099,Test Alliance,";

    // Pooled SD = √((399 × 1.6327² + 299 × 1.5907²) / 698) = 1.6148, from 99X's 8.44-8.76 on 400 and 98X's 8.72-9.08 on 300.
    private static readonly string Fixture = string.Join('\n',
        "year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,change_since_previous,change_overall,group_difference,suppressed,source_note",
        $"{England}{Q59},All Cancers,all,unadjusted,60000,8.8,8.79,8.81,,,,,,,,",
        $"{England}{Q59},Breast,all,unadjusted,9000,8.9,,,,,,,,,,",
        $"{England}{Q59},Lung,all,unadjusted,4000,8.7,,,,,,,,,,",
        $"{Testshire}{Q59},All Cancers,all,unadjusted,400,8.6,8.44,8.76,,,,,,,,",
        $"{Testshire}{Q59},Breast,all,unadjusted,60,8.2,,,,,,,,,,",
        $"{Testshire}{Q59},Lung,all,unadjusted,40,8.6,,,,,,,,,,",
        $"{Otherfield}{Q59},All Cancers,all,unadjusted,300,8.9,8.72,9.08,,,,,,,,") + "\n";

    private readonly App _app;

    public TumourGroupFindingsTests(App app) => _app = app;

    /// <summary>The dashboard with the fixture imported and published once for the class.</summary>
    public sealed class App : DashboardFactory, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            _ = Server;
            var outcome = await ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(Fixture)), "tumour-groups.csv", publish: true);
            outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private static List<IElement> Findings(IHtmlDocument page, string kind) =>
        page.QuerySelectorAll($"[data-testid='key-findings'] [data-testid='finding'][data-kind='{kind}']").ToList();

    private static string Sentence(IElement finding) =>
        finding.QuerySelector("[data-testid='finding-sentence']")!.TextContent.Trim();

    [Fact]
    public async Task Results_ATumourGroupRatingWithRespondents_IsTestedWithThePooledSpread()
    {
        var page = await _app.GetDocumentAsync("/organisations/99X?year=2019");

        // SE = 1.6148 / √60 = 0.2085; z = (8.2 - 8.9) / 0.2085 = -3.36, p < 0.001 < 0.05 / 2.
        var breast = Findings(page, "tumour-group").Should().ContainSingle().Subject;
        Sentence(breast).Should().Be("Breast: patients rated their care 8.2 out of 10 (unadjusted), significantly lower than England's Breast figure (8.9).");
        breast.GetAttribute("data-verdict").Should().Be("significantly-lower");
        breast.QuerySelector("[data-testid='finding-evidence']")!.TextContent.Should()
            .Contain("standard error from its 60 respondents and a spread of answers of 1.61 (pooled over every CCG's published 95% confidence interval for the overall rating, all cancers, unadjusted, taking answers within a tumour group to spread as widely), two-sided, p < 0.05 with a Bonferroni correction for the 2 comparisons (p < 0.025)")
            .And.Contain("z = -3.36, p < 0.001: significant");
    }

    [Fact]
    public async Task Results_ATumourGroupWithinChance_IsCountedAsTestedButNotListed()
    {
        var page = await _app.GetDocumentAsync("/organisations/99X?year=2019");

        // Lung: z = (8.6 - 8.7) / (1.6148 / √40) = -0.39, p = 0.70.
        Sentence(Findings(page, "tumour-summary").Single()).Should().Be(
            "Of 2 tumour groups with results for NHS Testshire CCG in 2019, 2 can be shown; 1 of the 2 tested differs significantly from England's figure for the same tumour group. Tumour-type results are unadjusted.");
        Findings(page, "tumour-group").Select(Sentence).Should().NotContain(s => s.Contains("Lung", StringComparison.Ordinal));
    }
}
