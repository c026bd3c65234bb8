using System.Net;
using System.Text.Json;
using LutonCancerSurvey.Core.Admin;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>
/// An edition of today's survey (Fixtures/edition-2023.csv, invented figures): a region, two ICBs, three sub-ICB
/// locations and three Trusts, on a redeveloped questionnaire ("cpes-2021") whose numbers mean other questions, beside
/// the press-release seed's 2016 figures on the questionnaire of 2015 to 2019.
/// </summary>
public sealed class EditionOnANewQuestionnaireTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "edition-2023.csv");
    private static readonly string Crosswalk = Path.Combine(AppContext.BaseDirectory, "Fixtures", "crosswalk-2021.csv");

    private static async Task<DashboardFactory> WithEditionAsync()
    {
        var app = new DashboardFactory();
        _ = app.Server;
        var outcome = await app.ImportAsync(Fixture, publish: true);
        outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        return app;
    }

    [Fact]
    public async Task Edition2023_ShowsTodaysLevels_OnPagesFinderAndApi()
    {
        using var app = await WithEditionAsync();
        using var client = app.NewClient();

        var icb = await app.GetDocumentAsync("/organisations/QZ1");
        var finder = await app.GetDocumentAsync("/organisations?level=icb");
        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/organisations", UriKind.Relative)));
        using var region = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/organisations/Y99/results", UriKind.Relative)));
        var suppressed = await app.GetDocumentAsync("/organisations/Z2A");

        icb.QuerySelector("h1")!.TextContent.Should().Contain("NHS North Testshire Integrated Care Board");
        icb.Body!.TextContent.Should().Contain("Integrated Care Board");
        icb.QuerySelector("[data-testid='result-22'] [data-testid='score']")!.TextContent.Should().Be("71%");
        icb.QuerySelector("[data-testid='result-49'] [data-testid='score']")!.TextContent.Should().Be("8.88");
        finder.QuerySelectorAll("main li a").Select(a => a.TextContent.Trim()).Should().Contain(
            ["NHS North Testshire Integrated Care Board", "NHS South Testshire Integrated Care Board"]);
        list.RootElement.EnumerateArray().Select(o => (o.GetProperty("code").GetString(), o.GetProperty("level").GetString()))
            .Should().Contain([("Y99", "region"), ("QZ1", "icb"), ("Z1A", "sub-icb"), ("RZ3", "trust")]);
        region.RootElement.GetProperty("organisation").GetProperty("level").GetString().Should().Be("region");
        region.RootElement.GetProperty("year").GetInt32().Should().Be(2023);
        region.RootElement.GetProperty("questionnaire").GetProperty("series").GetString().Should().Be("cpes-2021");
        suppressed.QuerySelector("[data-testid='result-22'] [data-testid='score']")!.TextContent.Should().NotContain("%");
        (await app.GetDocumentAsync("/organisations/Z2A/inequalities")).TestId("not-published")
            .Should().Contain("for Cancer Alliances and for England only, not for each sub-ICB location.");
        (await app.GetDocumentAsync("/organisations/QZ1/inequalities")).TestId("not-published")
            .Should().Contain("not for each Integrated Care Board.");
    }

    [Fact]
    public async Task Csv_OfAnEditionOnAnotherQuestionnaire_NamesItsSeries_AndRoundTripsByteIdentical()
    {
        using var first = await WithEditionAsync();
        var exported = await first.NewClient().GetByteArrayAsync(new Uri("/organisations/QZ1?handler=csv", UriKind.Relative));

        using var second = new DashboardFactory();
        _ = second.Server;
        var reimport = await second.ImportAsync(new MemoryStream(exported), "exported.csv", publish: true);
        var again = await second.NewClient().GetByteArrayAsync(new Uri("/organisations/QZ1?handler=csv", UriKind.Relative));
        var seed = await first.NewClient().GetStringAsync(new Uri("/organisations/06P?handler=csv&year=2016", UriKind.Relative));

        var text = System.Text.Encoding.UTF8.GetString(exported);
        text.Split("\r\n")[0].Should().EndWith(",source_note,series");
        text.Should().Contain("2023,icb,QZ1,NHS North Testshire Integrated Care Board,,,Q22,").And.Contain(",cpes-2021\r\n");
        reimport.Succeeded.Should().BeTrue(string.Join("; ", reimport.Errors));
        again.Should().Equal(exported);
        seed.Split("\r\n")[0].Should().EndWith(",source_note", "an edition on its year's default questionnaire keeps the 25 columns");
    }

    [Fact]
    public async Task Edition2023_AsATidyWorkbook_GivesTheSameDownloadAsItsCsv()
    {
        using var fromCsv = await WithEditionAsync();
        var workbook = new TestSupport.XlsxBuilder().Sheet("Results 2023").Row("Invented results for a test").Blank()
            .RowsOfCsv(await File.ReadAllTextAsync(Fixture)).ToBytes();
        using var fromXlsx = new DashboardFactory();
        _ = fromXlsx.Server;

        var outcome = await fromXlsx.ImportAsync(new MemoryStream(workbook), "edition-2023.xlsx", publish: true);

        outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        foreach (var code in new[] { "QZ1", "Z2A", "RZ3", "Y99" })
        {
            var url = new Uri($"/organisations/{code}?handler=csv", UriKind.Relative);
            (await fromXlsx.NewClient().GetStringAsync(url)).Should().Be(await fromCsv.NewClient().GetStringAsync(url));
        }
    }

    [Fact]
    public async Task Edition2023_InAPublishersWorkbookLayout_ThroughASavedLayout_GivesTheSameDownloadAsItsCsv()
    {
        // Arrange: the same figures as a publisher might lay them out: a title, its own headers in its own order, its
        // own words for levels, scoring and bands, "*" for a suppressed score, and no year or tumour-group column.
        using var fromCsv = await WithEditionAsync();
        var workbook = new TestSupport.XlsxBuilder().Sheet("ICB and Trust results").Row("Cancer Patient Experience Survey 2023 (invented)").Blank()
            .RowsOfCsv(PublisherLayout(await File.ReadAllTextAsync(Fixture))).ToBytes();
        var layout = new LayoutDefinition
        {
            Name = "Publisher 2023",
            Sheet = "ICB and Trust results",
            Header = PublisherHeader,
            Columns = new Dictionary<string, string>
            {
                ["level"] = "Organisation type", ["organisation_code"] = "ODS code", ["organisation_name"] = "Organisation",
                ["question"] = "Question no.", ["question_text"] = "Question", ["section"] = "Theme", ["scoring"] = "Measure",
                ["basis"] = "Adjustment", ["respondents"] = "Number of respondents", ["score"] = "Score",
                ["ci_lower"] = "Lower 95% CI", ["ci_upper"] = "Upper 95% CI", ["expected_lower"] = "Expected range (lower)",
                ["expected_upper"] = "Expected range (upper)", ["band"] = "Compared with expected", ["series"] = "Questionnaire",
            },
            Fixed = new Dictionary<string, string> { ["year"] = "2023", ["tumour_group"] = "All Cancers" },
            Words = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["level"] = new Dictionary<string, string>
                {
                    ["England"] = "national", ["NHS England region"] = "region", ["Integrated Care Board"] = "icb",
                    ["Sub-ICB location"] = "sub-icb", ["NHS Trust"] = "trust",
                },
                ["scoring"] = new Dictionary<string, string> { ["Percentage positive"] = "percent", ["Mean (0-10)"] = "mean" },
                ["basis"] = new Dictionary<string, string> { ["Case-mix adjusted"] = "adjusted", ["Unadjusted"] = "unadjusted" },
                ["band"] = new Dictionary<string, string>
                {
                    ["Better than expected"] = "above", ["As expected"] = "within", ["Worse than expected"] = "below",
                },
            },
            SuppressionMarkers = new Dictionary<string, string> { ["*"] = "few-respondents" },
        };
        using var fromLayout = new DashboardFactory();
        _ = fromLayout.Server;
        await using (var scope = fromLayout.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<SavedLayouts>().SaveAsync(layout, "test", CancellationToken.None))
                .Should().BeEmpty();
        }

        // Act: no layout named: the saved one is found by the workbook's header.
        var outcome = await fromLayout.ImportAsync(new MemoryStream(workbook), "cpes-2023-icb-trust.xlsx", publish: true);

        // Assert
        outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        outcome.Summary!.Layout.Should().Be("Publisher 2023");
        foreach (var code in new[] { "E92000001", "Y99", "QZ1", "QZ2", "Z1A", "Z2A", "RZ1", "RZ2", "RZ3" })
        {
            var url = new Uri($"/organisations/{code}?handler=csv", UriKind.Relative);
            (await fromLayout.NewClient().GetStringAsync(url)).Should().Be(await fromCsv.NewClient().GetStringAsync(url), code);
        }
    }

    private static readonly string[] PublisherHeader =
    [
        "ODS code", "Organisation", "Organisation type", "Theme", "Question no.", "Question", "Measure", "Adjustment",
        "Number of respondents", "Score", "Lower 95% CI", "Upper 95% CI", "Expected range (lower)", "Expected range (upper)",
        "Compared with expected", "Questionnaire",
    ];

    /// <summary>The tidy fixture rewritten in <see cref="PublisherHeader"/>'s columns and words.</summary>
    private static string PublisherLayout(string tidyCsv)
    {
        using var reader = new StringReader(tidyCsv);
        using var parser = new CsvHelper.CsvParser(reader, System.Globalization.CultureInfo.InvariantCulture);
        parser.Read();
        var tidy = parser.Record!.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        var lines = new List<string> { string.Join(',', PublisherHeader.Select(Quote)) };
        while (parser.Read())
        {
            var row = parser.Record!;
            string F(string column) => row[tidy[column]];
            var suppressed = F("suppressed").Length > 0;
            lines.Add(string.Join(',', new[]
            {
                F("organisation_code"), F("organisation_name"),
                F("level") switch
                {
                    "national" => "England", "region" => "NHS England region", "icb" => "Integrated Care Board",
                    "sub-icb" => "Sub-ICB location", _ => "NHS Trust",
                },
                F("section"), F("question").TrimStart('Q'), F("question_text"),
                F("scoring") == "percent" ? "Percentage positive" : "Mean (0-10)",
                F("basis") == "adjusted" ? "Case-mix adjusted" : "Unadjusted",
                F("respondents"), suppressed ? "*" : F("score"), F("ci_lower"), F("ci_upper"), F("expected_lower"), F("expected_upper"),
                F("band") switch { "above" => "Better than expected", "within" => "As expected", "below" => "Worse than expected", _ => "" },
                F("series"),
            }.Select(Quote)));
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;

    [Fact]
    public async Task QuestionPage_OnTheNewQuestionnaire_DoesNotJoinTheEarlierQuestionnairesTrend_AndSaysWhy()
    {
        using var app = await WithEditionAsync();

        var financialHelp = await app.GetDocumentAsync("/organisations/E92000001/questions/22?year=2023");
        var overall = await app.GetDocumentAsync("/organisations/E92000001/questions/49?year=2023");

        financialHelp.QuerySelectorAll("[data-testid^='trend-2']").Select(r => r.GetAttribute("data-testid"))
            .Should().Equal(["trend-2023"], "2016's Q22 is another question of another questionnaire");
        financialHelp.TestId("trend-break").Should()
            .Be("The questionnaire changed in 2023; earlier years are not comparable, so 2016 is not shown.");
        overall.QuerySelectorAll("[data-testid^='trend-2']").Select(r => r.GetAttribute("data-testid")).Should().Equal(["trend-2023"]);
    }

    [Fact]
    public async Task QuestionPage_WithACrosswalk_ContinuesTheTrendAcrossTheChange_Labelled()
    {
        using var app = await WithEditionAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await using var file = File.OpenRead(Crosswalk);
            var linked = await scope.ServiceProvider.GetRequiredService<QuestionnaireImporter>()
                .ImportCrosswalkAsync(file, "test", CancellationToken.None);
            linked.Succeeded.Should().BeTrue(string.Join("; ", linked.Errors));
        }

        var overall = await app.GetDocumentAsync("/organisations/E92000001/questions/49?year=2023");
        var financialHelp = await app.GetDocumentAsync("/organisations/E92000001/questions/22?year=2023");

        overall.QuerySelectorAll("[data-testid^='trend-2']").Select(r => r.GetAttribute("data-testid")).Should().Equal(["trend-2016", "trend-2023"]);
        overall.QuerySelector("[data-testid='trend-2016'] [data-testid='asked-as']")!.TextContent
            .Should().Be("asked as Q59 in the CPES questionnaire used 2015 to 2019");
        overall.QuerySelector("[data-testid='trend-2023'] [data-testid='asked-as']").Should().BeNull();
        overall.QuerySelector("[data-testid='trend-2016'] [data-testid='england']")!.TextContent.Should().Be("8.7");
        overall.QuerySelector("[data-testid='trend-break']").Should().BeNull();
        overall.TestId("crosswalk-note").Should().Contain("an administrator's crosswalk says that question asks what this one asks");
        financialHelp.TestId("trend-break").Should().Contain("2016 is not shown", "the crosswalk matches Q49 only");
    }

    [Fact]
    public async Task QuestionnairesPage_ListsEachSeriesWithItsEditions_ForAnAdministrator()
    {
        using var app = await WithEditionAsync();
        using var admin = await app.ClientAsAsync(Web.Access.Roles.Administrator);

        var page = await Html.ParseAsync(await admin.GetStringAsync(new Uri("/admin/questionnaires", UriKind.Relative)));
        using var anonymous = await app.NewClient().GetAsync(new Uri("/admin/questionnaires", UriKind.Relative));

        page.QuerySelector("[data-testid='series-cpes-2015'] [data-testid='editions']")!.TextContent.Should().Be("2016");
        page.QuerySelector("[data-testid='series-cpes-2021'] [data-testid='editions']")!.TextContent.Should().Be("2023");
        anonymous.StatusCode.Should().NotBe(HttpStatusCode.OK);
    }
}
