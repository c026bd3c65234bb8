using System.Text;

namespace LutonCancerSurvey.Web.Tests;

public class CsvRoundTripTests
{
    private const string Fixture = """"
        year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,change_since_previous,change_overall,group_difference,suppressed,source_note
        2019,national,E92000001,England,,,Q22,"Were you told how to get financial help, or benefits?",Support for people with cancer,percent,All Cancers,all,unadjusted,50000,57,56.6,57.4,,,,,,,,
        2019,national,E92000001,England,,,Q59,"Overall, how would you rate your care?",Your overall NHS care,mean,All Cancers,all,unadjusted,60000,8.80,8.79,8.81,,,,,,,,
        2019,ccg,99X,NHS Testshire CCG,E56000099,Test Alliance,Q22,"Were you told how to get financial help, or benefits?",Support for people with cancer,percent,All Cancers,all,adjusted,,,,,,,,,,,few-respondents,
        2019,ccg,99X,NHS Testshire CCG,E56000099,Test Alliance,Q59,"Overall, how would you rate your care?",Your overall NHS care,mean,All Cancers,all,adjusted,140,8.93,8.71,9.15,8.55,9.05,within,,,,,"Invented figures for a test, ""quoted"""
        """";

    [Fact]
    public async Task ResultsCsv_ExportedImportedIntoAnEmptyDatabaseAndExportedAgain_IsByteIdentical()
    {
        using var first = new DashboardFactory();
        _ = first.Server;
        (await first.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(Fixture)), "fixture.csv", publish: true))
            .Succeeded.Should().BeTrue();
        var exported = await DownloadAsync(first);

        using var second = new DashboardFactory();
        _ = second.Server;
        var reimport = await second.ImportAsync(new MemoryStream(exported), "exported.csv", publish: true);
        var exportedAgain = await DownloadAsync(second);

        reimport.Succeeded.Should().BeTrue(string.Join("; ", reimport.Errors));
        Encoding.UTF8.GetString(exportedAgain).Should().Be(Encoding.UTF8.GetString(exported));
        Encoding.UTF8.GetString(exported).Should().Contain("2019,ccg,99X,NHS Testshire CCG,E56000099,Test Alliance,Q59,")
            .And.Contain(",8.93,8.71,9.15,8.55,9.05,within,")
            .And.Contain(",60000,8.80,8.79,8.81,", "a score keeps the decimal places it was published with");
    }

    private static async Task<byte[]> DownloadAsync(DashboardFactory app)
    {
        using var client = app.CreateClient();
        return await client.GetByteArrayAsync(new Uri("/organisations/99X?handler=csv&year=2019", UriKind.Relative));
    }
}
