using System.Globalization;
using System.IO.Compression;
using CsvHelper;
using LutonCancerSurvey.Web.Tests.Api;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>
/// Results by sex and deprivation over the real 2018 file, for one Alliance (East of England) and England: spot values
/// as published, and every breakdown figure and test on the page, in the API and in the CSV checked against the file.
/// </summary>
[Collection(RealDataGroup.Name)]
public class InequalitiesRealDataTests
{
    private const string EastOfEngland = "E56000009";
    private const string England = "E92000001";

    private static readonly Lazy<List<PublishedGroup>> Published = new(ReadPublished);

    private readonly RealDataDashboard _app;

    public InequalitiesRealDataTests(RealDataDashboard app) => _app = app;

    /// <summary>One breakdown figure as the file publishes it, with its test in the tidy layout's words.</summary>
    public sealed record PublishedGroup(string Code, int Question, string Breakdown, double Score, string Test);

    [RequiresFact(Needs.RealData)]
    public async Task Alliance_Page_ShowsThePublishedFiguresAndTests()
    {
        var page = await _app.GetDocumentAsync($"/organisations/{EastOfEngland}/inequalities?year=2018");

        string Cell(string row, string cell) => page.QuerySelector($"[data-testid='{row}'] [data-testid='{cell}']")!.TextContent.Trim();
        Cell("sex-59", "all").Should().Be("8.81");
        Cell("sex-59", "male").Should().Be("8.82");
        Cell("sex-59", "female").Should().Be("8.81");
        Cell("sex-59", "test").Should().Be("No significant difference");
        Cell("deprivation-55", "all").Should().Be("34%");
        Cell("deprivation-55", "imd1").Should().Be("42%");
        Cell("deprivation-55", "imd5").Should().Be("30%");
        Cell("deprivation-55", "gap").Should().Be("+12 points");
        Cell("deprivation-55", "test").Should().Be("Significant difference");
        page.TestId("finding-sex").Should().StartWith(
            "The survey's test found a significant difference between men and women on 20 of the 52 questions it tested for East of England in 2018: "
            + "women answered more positively than men on 5 and less positively on 15.");
        page.TestId("finding-deprivation").Should().StartWith(
            "The survey's test found a significant difference between patients from the most and least deprived areas (IMD quintiles 1 and 5) "
            + "on 10 of the 52 questions it tested for East of England in 2018: patients from the most deprived areas answered more positively than "
            + "those from the least deprived areas on 6 and less positively on 4. The 3 largest: on Q55, “Have you been given a care plan?”, "
            + "patients from the most deprived areas were more likely than those from the least deprived areas to answer positively (42% against 30%);");
    }

    [RequiresFact(Needs.RealData)]
    public async Task England_Page_ShowsThePublishedFiguresAndTests()
    {
        var page = await _app.GetDocumentAsync($"/organisations/{England}/inequalities?year=2018");

        string Cell(string row, string cell) => page.QuerySelector($"[data-testid='{row}'] [data-testid='{cell}']")!.TextContent.Trim();
        Cell("sex-59", "all").Should().Be("8.80");
        Cell("sex-59", "male").Should().Be("8.83");
        Cell("sex-59", "female").Should().Be("8.78");
        Cell("sex-59", "gap").Should().Be("−0.05");
        Cell("sex-59", "test").Should().Be("Significant difference");
        Cell("deprivation-59", "imd1").Should().Be("8.74");
        Cell("deprivation-59", "imd3").Should().Be("8.81");
        Cell("deprivation-59", "imd5").Should().Be("8.84");
        Cell("deprivation-22", "imd1").Should().Be("61%");
        Cell("deprivation-22", "test").Should().Be("No significant difference");
        page.TestId("finding-sex").Should().StartWith(
            "The survey's test found a significant difference between men and women on 38 of the 52 questions it tested for England in 2018:");
        page.TestId("finding-deprivation").Should().StartWith(
            "The survey's test found a significant difference between patients from the most and least deprived areas (IMD quintiles 1 and 5) on 31 of the 52 questions it tested for England in 2018:");
        page.QuerySelector("[data-testid='gaps-deprivation'] li[data-question='59']")!.TextContent.Should().Be(
            "On Q59, “Overall, how would you rate your care?”, patients from the most deprived areas gave a lower rating than those from the least deprived areas (8.74 against 8.84).");
        page.QuerySelectorAll("[data-testid='gaps-sex'] li").Should().HaveCount(38);
    }

    [RequiresTheory(Needs.RealData)]
    [InlineData(EastOfEngland)]
    [InlineData(England)]
    public async Task Page_EveryBreakdownFigureIsTheFiles(string code)
    {
        var page = await _app.GetDocumentAsync($"/organisations/{code}/inequalities?year=2018");
        var published = Published.Value.Where(p => p.Code == code).ToList();

        var shown = page.QuerySelectorAll("tr[data-point] td[data-series]")
            .Where(td => td.GetAttribute("data-series") != "all")
            .Select(td => (Question: int.Parse(td.ParentElement!.GetAttribute("data-label")![1..], CultureInfo.InvariantCulture),
                Breakdown: td.GetAttribute("data-series")!, Score: double.Parse(td.GetAttribute("data-value")!, CultureInfo.InvariantCulture)))
            .ToList();

        published.Should().HaveCount(52 * 7);
        shown.Should().BeEquivalentTo(published.Select(p => (p.Question, p.Breakdown, p.Score)));
    }

    [RequiresTheory(Needs.RealData)]
    [InlineData(EastOfEngland)]
    [InlineData(England)]
    public async Task Csv_EveryBreakdownFigureAndTestIsTheFiles(string code)
    {
        using var client = _app.CreateClient();
        var csv = await client.GetStringAsync(new Uri($"/organisations/{code}/inequalities?handler=csv&year=2018", UriKind.Relative));

        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>()
            .Select(r => (Breakdown: (string)r["breakdown"], Question: int.Parse(((string)r["question"])[1..], CultureInfo.InvariantCulture),
                Score: double.Parse((string)r["score"], CultureInfo.InvariantCulture), Test: (string)r["group_difference"],
                Basis: (string)r["basis"], Respondents: (string)r["respondents"]))
            .ToList();

        rows.Should().HaveCount(52 * 8);
        rows.Should().OnlyContain(r => r.Basis == "unadjusted");
        rows.Where(r => r.Breakdown != "all").Select(r => (r.Question, r.Breakdown, r.Score, r.Test))
            .Should().BeEquivalentTo(Published.Value.Where(p => p.Code == code).Select(p => (p.Question, p.Breakdown, p.Score, p.Test)));
        rows.Where(r => r.Breakdown != "all").Should().OnlyContain(r => r.Respondents.Length == 0, "the survey publishes no counts for these groups");
    }

    [RequiresFact(Needs.RealData)]
    public async Task Csv_OfTheAlliance_HasThePublishedLine()
    {
        using var client = _app.CreateClient();

        var csv = await client.GetStringAsync(new Uri($"/organisations/{EastOfEngland}/inequalities?handler=csv&year=2018", UriKind.Relative));

        csv.Split("\r\n").Should().Contain(
            "2018,cancer-alliance,E56000009,East of England,,,Q55,Have you been given a care plan?,Your overall NHS care,percent,All Cancers,imd1,unadjusted,,42,,,,,,,,significant,,");
    }

    [RequiresTheory(Needs.RealData)]
    [InlineData(EastOfEngland)]
    [InlineData(England)]
    public async Task Api_EveryBreakdownFigureAndTestIsTheFiles(string code)
    {
        var shown = new List<(int Question, string Breakdown, double Score, string Test)>();
        foreach (var breakdown in new[] { "male", "female", "imd1", "imd2", "imd3", "imd4", "imd5" })
        {
            var response = await ApiResponse.GetAsync(_app, $"/api/v1/organisations/{code}/results?year=2018&breakdown={breakdown}");
            response.Status.Should().Be(200);
            response.Body.GetProperty("breakdown").GetString().Should().Be(breakdown);
            response.Body.GetProperty("basis").GetString().Should().Be("unadjusted");
            shown.AddRange(response.Body.GetProperty("results").EnumerateArray().Select(r => (
                int.Parse(r.GetProperty("question").GetString()![1..], CultureInfo.InvariantCulture),
                breakdown,
                r.GetProperty("score").GetDouble(),
                r.GetProperty("groupDifference").GetString() ?? string.Empty)));
        }

        shown.Should().BeEquivalentTo(Published.Value.Where(p => p.Code == code).Select(p => (p.Question, p.Breakdown, p.Score, p.Test)));
    }

    [RequiresFact(Needs.RealData)]
    public async Task Api_AlliancesMostDeprivedOnQ55_IsThePublishedFigure_BesideEnglandsSameGroup()
    {
        var response = await ApiResponse.GetAsync(_app, $"/api/v1/organisations/{EastOfEngland}/results?year=2018&breakdown=imd1");

        var q55 = response.Result("Q55");
        q55.GetProperty("score").GetDouble().Should().Be(42);
        q55.GetProperty("groupDifference").GetString().Should().Be("significant");
        q55.ShouldBeNull("respondents", "ciLower", "ciUpper", "suppressed");
        q55.GetProperty("national").GetProperty("score").GetDouble().Should().Be(41, "England's most deprived fifth on the same question");
    }

    /// <summary>Every 2018 breakdown row of the two organisations in the real file, read straight from it.</summary>
    private static List<PublishedGroup> ReadPublished()
    {
        using var file = File.OpenRead(RealDataFiles.CombinedFile!);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var text = new StreamReader(gzip);
        using var csv = new CsvReader(text, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<PublishedGroup>();
        while (csv.Read())
        {
            var gender = csv.GetField("Gender")!;
            var imd = csv.GetField("IMD")!;
            var code = csv.GetField("Trust.Code") == "All" ? England : csv.GetField("Trust.Code")!;
            if ((gender == "Both" && imd == "All") || csv.GetField("Year") != "2018" || code is not (EastOfEngland or England))
            {
                continue;
            }

            rows.Add(new PublishedGroup(
                code,
                int.Parse(csv.GetField("Question.Number")![1..], CultureInfo.InvariantCulture),
                gender == "Both" ? "imd" + imd : gender.ToLowerInvariant(),
                Math.Round(double.Parse(csv.GetField("scored.percentage")!, CultureInfo.InvariantCulture), 4),
                csv.GetField("Significance.test") switch
                {
                    "Significant" => "significant",
                    "Not Significant" => "not-significant",
                    _ => string.Empty,
                }));
        }

        return rows;
    }
}
