using System.Net;
using System.Text;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Tests.Support;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>The tidy layout as an Excel workbook imports to the same figures as the tidy CSV.</summary>
public class XlsxImportTests
{
    // Invented figures.
    private const string TidyCsv = """"
        year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,change_since_previous,change_overall,group_difference,suppressed,source_note
        2019,national,E92000001,England,,,Q22,"Were you told how to get financial help, or benefits?",Support for people with cancer,percent,All Cancers,all,unadjusted,50000,57,56.6,57.4,,,,,,,,
        2019,national,E92000001,England,,,Q59,"Overall, how would you rate your care?",Your overall NHS care,mean,All Cancers,all,unadjusted,60000,8.80,8.79,8.81,,,,,,,,
        2019,ccg,99X,NHS Testshire CCG,E56000099,Test Alliance,Q22,"Were you told how to get financial help, or benefits?",Support for people with cancer,percent,All Cancers,all,adjusted,,,,,,,,,,,few-respondents,
        2019,ccg,99X,NHS Testshire CCG,E56000099,Test Alliance,Q59,"Overall, how would you rate your care?",Your overall NHS care,mean,All Cancers,all,adjusted,140,8.93,8.71,9.15,8.55,9.05,within,up,,,,"Invented figures for a test, ""quoted"""
        """";

    [Fact]
    public async Task Import_OfTidyWorkbook_GivesTheSameDownloadAsTheTidyCsv()
    {
        var workbook = new XlsxBuilder().Sheet("Results").RowsOfCsv(TidyCsv).ToBytes();
        using var fromCsv = new DashboardFactory();
        _ = fromCsv.Server;
        using var fromXlsx = new DashboardFactory();
        _ = fromXlsx.Server;

        var csvOutcome = await fromCsv.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(TidyCsv)), "tidy.csv", publish: true);
        var xlsxOutcome = await fromXlsx.ImportAsync(new MemoryStream(workbook), "tidy.xlsx", publish: true);

        csvOutcome.Succeeded.Should().BeTrue(string.Join("; ", csvOutcome.Errors));
        xlsxOutcome.Succeeded.Should().BeTrue(string.Join("; ", xlsxOutcome.Errors));
        var expected = await DownloadAsync(fromCsv);
        expected.Should().Contain(",60000,8.80,8.79,8.81,").And.Contain(",140,8.93,8.71,9.15,8.55,9.05,within,up,");
        (await DownloadAsync(fromXlsx)).Should().Be(expected);
    }

    [Fact]
    public async Task Upload_OfTidyWorkbook_PreviewsItsSheetAndNotes()
    {
        var workbook = new XlsxBuilder().Sheet("Results").Row("Invented results for a test").Blank().RowsOfCsv(TidyCsv).ToBytes();
        using var app = new DashboardFactory();
        using var admin = await app.ClientAsAsync(Roles.Administrator);

        var token = await Accounts.AntiforgeryTokenAsync(admin, "/admin/upload");
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(workbook);
        form.Add(file, "file", "tidy.xlsx");
        using var tokenField = new StringContent(token);
        form.Add(tokenField, "__RequestVerificationToken");
        using var response = await admin.PostAsync(new Uri("/admin/upload?handler=Upload", UriKind.Relative), form);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.TestId("preview-sheet").Should().Be("Read from the sheet Results.");
        page.TestId("preview-note").Should().Be("Row 1 above the header was left out as a title or notes: \u2018Invented results for a test\u2019");
    }

    private static async Task<string> DownloadAsync(DashboardFactory app)
    {
        using var client = app.CreateClient();
        return await client.GetStringAsync(new Uri("/organisations/99X?handler=csv&year=2019", UriKind.Relative));
    }
}
