using LutonCancerSurvey.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LutonCancerSurvey.BrowserTests;

/// <summary>
/// An administrator maps a workbook in a layout the product does not know, corrects the proposal, saves it as a named
/// layout and imports; a later workbook with the same header is then read with that layout without asking.
/// </summary>
[Collection(BrowserGroup.Name)]
public class UploadMappingTests
{
    private const string Header =
        "Level,Org code,Organisation,Section,Question number,Question,Patients answering,Case-mix adjusted score,Lower 95% CI,Upper 95% CI,Comparison with expected range";

    private const string Q22 = "Support for people with cancer,Q22,\"Were you told how to get financial help, or benefits?\"";

    private readonly BrowserDashboard _app;
    private readonly ITestOutputHelper _output;

    public UploadMappingTests(BrowserDashboard app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    /// <summary>A workbook as published: a notes sheet first, then the results under a title, invented figures.</summary>
    private static byte[] Workbook(params string[] rows) => new XlsxBuilder()
        .Sheet("Notes").Row("About these results").Row("Invented figures for a test.")
        .Sheet("CPES 2022 trusts").Row("Cancer Patient Experience Survey 2022: results by trust").Blank()
        .RowsOfCsv(string.Join('\n', [Header, .. rows]))
        .Blank().Row("* suppressed by the publisher")
        .ToBytes();

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task Upload_OfWorkbookInAnotherLayout_IsMappedSavedAndUsedAgainForTheSameHeader()
    {
        var email = await _app.CreateAdministratorAsync();
        await using var visit = await _app.OpenAsync("/account/sign-in");
        await visit.Page.FillAsync("#Email", email);
        await visit.Page.FillAsync("#Password", BrowserDashboard.AdministratorPassword);
        await visit.Page.ClickAsync("[data-testid='sign-in']");
        await visit.Page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        var first = Workbook(
            $"Trust,RQZ,Testshire Hospitals NHS Trust,{Q22},204,61.3%,54.6,68,As expected",
            $"Trust,RQY,Otherplace NHS Foundation Trust,{Q22},120,70%,61.5,77.4,Better than expected",
            $"Trust,RQX,Smalltown NHS Trust,{Q22},*,*,*,*,*");

        // The file's first sheet holds notes: the proposal is made for it, and the administrator picks the results sheet.
        await visit.GoToAsync(new Uri(_app.BaseAddress, "/admin/upload"));
        await UploadAsync(visit, first, "trusts-2022.xlsx");
        await visit.Page.WaitForSelectorAsync("[data-testid='mapping-title']");
        await visit.Page.SelectOptionAsync("[data-testid='sheet']", "CPES 2022 trusts");
        await visit.Page.FillAsync("#headerRow", string.Empty);
        await visit.Page.ClickAsync("button[value='read']");
        await visit.Page.WaitForSelectorAsync("[data-testid='sample']");
        var proposedScore = await visit.Page.InputValueAsync("[data-testid='column-score']");
        var proposedRespondents = await visit.Page.InputValueAsync("[data-testid='column-respondents']");
        var proposedYear = await visit.Page.InputValueAsync("[data-testid='fixed-year']");
        var bandWord = await visit.Page.InputValueAsync("[data-testid='words-band'] select >> nth=0");
        var violations = await visit.AccessibilityViolationsAsync();
        await visit.ScreenshotAsync("upload-mapping");

        // Correct the proposal: the count's column was not recognised, and the scoring is not in the file.
        await visit.Page.ClickAsync("[data-testid='check-layout']");
        var checkErrors = await visit.Page.TextContentAsync("[data-testid='check-errors']");
        await visit.Page.SelectOptionAsync("[data-testid='column-respondents']", "Patients answering");
        await visit.Page.FillAsync("[data-testid='fixed-scoring']", "percent");
        await visit.Page.FillAsync("[data-testid='layout-name']", "Trust workbook 2022");
        await visit.Page.ClickAsync("[data-testid='save-layout']");
        var preview = await visit.Page.TextContentAsync("[data-testid='preview-title']");
        var layoutLine = await visit.Page.TextContentAsync("[data-testid='preview-layout']");
        await visit.Page.ClickAsync("[data-testid='confirm']");
        var imported = await visit.Page.TextContentAsync("[data-testid='admin-message']");

        // A later workbook with the same header: previewed with the saved layout, no mapping asked for.
        var second = Workbook(
            $"Trust,RQZ,Testshire Hospitals NHS Trust,{Q22},210,63%,56.6,69.4,As expected",
            $"Trust,RQW,Tinytown NHS Trust,{Q22},15,40%,20,60,Worse than expected");
        await visit.GoToAsync(new Uri(_app.BaseAddress, "/admin/upload"));
        await UploadAsync(visit, second, "trusts-2022-revised.xlsx");
        var secondPreview = await visit.Page.TextContentAsync("[data-testid='preview-title']");
        var secondLayout = await visit.Page.TextContentAsync("[data-testid='preview-layout']");
        var secondSheet = await visit.Page.TextContentAsync("[data-testid='preview-sheet']");
        var notes = await visit.Page.Locator("[data-testid='preview-note']").AllTextContentsAsync();
        var previewViolations = await visit.AccessibilityViolationsAsync();
        await visit.Page.ClickAsync("[data-testid='confirm']");
        var secondImported = await visit.Page.TextContentAsync("[data-testid='admin-message']");
        await visit.GoToAsync(new Uri(_app.BaseAddress, "/admin/upload"));
        var saved = await visit.Page.Locator("[data-testid='saved-layout']").AllTextContentsAsync();
        var listViolations = await visit.AccessibilityViolationsAsync();

        foreach (var violation in violations.Concat(previewViolations).Concat(listViolations))
        {
            _output.WriteLine(violation);
        }

        proposedScore.Should().Be("Case-mix adjusted score");
        proposedRespondents.Should().BeEmpty();
        proposedYear.Should().Be("2022");
        bandWord.Should().Be("within");
        violations.Should().BeEmpty();
        checkErrors.Should().Contain("sheet CPES 2022 trusts, rows 4\u20135")
            .And.Contain("no questionnaire is known for 2022: map the scoring column, or give a fixed scoring (percent or mean)");
        preview.Should().Be("Check before importing trusts-2022.xlsx");
        layoutLine.Should().Be("Read with the saved layout Trust workbook 2022.");
        imported.Should().Be("trusts-2022.xlsx was imported: 3 results added, 0 replaced.");
        secondPreview.Should().Be("Check before importing trusts-2022-revised.xlsx");
        secondLayout.Should().Be("Read with the saved layout Trust workbook 2022.");
        secondSheet.Should().Be("Read from the sheet CPES 2022 trusts.");
        notes.Should().Equal(
            "Row 1 above the header was left out as a title or notes: \u2018Cancer Patient Experience Survey 2022: results by trust\u2019",
            "Row 7 after the table's end at row 6 was left out as notes: \u2018* suppressed by the publisher\u2019");
        secondImported.Should().Be("trusts-2022-revised.xlsx was imported: 1 result added, 1 replaced.");
        previewViolations.Should().BeEmpty();
        saved.Should().Contain("Trust workbook 2022");
        listViolations.Should().BeEmpty();
        visit.Errors.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task Upload_WithAnAgeColumn_MapsItsWordsToAnyBreakdownTyped()
    {
        var email = await _app.CreateAdministratorAsync();
        await using var visit = await _app.OpenAsync("/account/sign-in");
        await visit.Page.FillAsync("#Email", email);
        await visit.Page.FillAsync("#Password", BrowserDashboard.AdministratorPassword);
        await visit.Page.ClickAsync("[data-testid='sign-in']");
        await visit.Page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        const string Alliance = "Cancer Alliance,E56000097,Age Test Alliance,Support for people with cancer,Q22,\"Were you told how to get financial help, or benefits?\"";
        var workbook = new XlsxBuilder()
            .Sheet("CPES 2021 by age")
            .RowsOfCsv(string.Join('\n',
                "Level,Org code,Organisation,Section,Question number,Question,Age group,Patients answering,Score",
                $"{Alliance},All ages,3000,60",
                $"{Alliance},16 to 24,,48",
                $"{Alliance},75 and over,,66"))
            .ToBytes();

        await visit.GoToAsync(new Uri(_app.BaseAddress, "/admin/upload"));
        await UploadAsync(visit, workbook, "alliance-by-age-2021.xlsx");
        await visit.Page.SelectOptionAsync("[data-testid='column-breakdown']", "Age group");
        await visit.Page.SelectOptionAsync("[data-testid='column-respondents']", "Patients answering");
        await visit.Page.SelectOptionAsync("[data-testid='column-score']", "Score");
        await visit.Page.FillAsync("[data-testid='fixed-scoring']", "percent");
        await visit.Page.FillAsync("[data-testid='fixed-basis']", "unadjusted");
        await visit.Page.ClickAsync("[data-testid='check-layout']");
        await visit.Page.WaitForSelectorAsync("[data-testid='words-breakdown']");
        var words = await visit.Page.Locator("[data-testid='words-breakdown'] label").AllTextContentsAsync();
        await visit.Page.FillAsync("[data-testid='word-breakdown-0']", "all");
        await visit.Page.FillAsync("[data-testid='word-breakdown-1']", "age:16-24");
        await visit.Page.FillAsync("[data-testid='word-breakdown-2']", "age:75+");
        await visit.Page.FillAsync("[data-testid='layout-name']", "Alliance by age 2021");
        var violations = await visit.AccessibilityViolationsAsync();
        await visit.Page.ClickAsync("[data-testid='save-layout']");
        await visit.Page.WaitForSelectorAsync("[data-testid='confirm']");
        await visit.Page.ClickAsync("[data-testid='confirm']");
        var imported = await visit.Page.TextContentAsync("[data-testid='admin-message']");
        await visit.GoToAsync(new Uri(_app.BaseAddress, "/organisations/E56000097/inequalities?year=2021"));
        var dimensions = await visit.Page.Locator("figure[data-chart-type=inequality]").EvaluateAllAsync<string[]>("(figures) => figures.map((f) => f.dataset.comparison)");

        violations.ToList().ForEach(_output.WriteLine);
        words.Should().Equal("All ages", "16 to 24", "75 and over");
        imported.Should().Be("alliance-by-age-2021.xlsx was imported: 3 results added, 0 replaced.");
        dimensions.Should().Equal("age");
        violations.Should().BeEmpty();
        visit.Errors.Should().BeEmpty();
    }

    private static async Task UploadAsync(Visit visit, byte[] workbook, string name)
    {
        await visit.Page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = name,
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = workbook,
        });
        await visit.Page.ClickAsync("[data-testid='upload-form'] button[type='submit']");
        await visit.Page.WaitForSelectorAsync("[data-testid='mapping-title'], [data-testid='preview-title'], [data-testid='import-errors']");
    }
}
