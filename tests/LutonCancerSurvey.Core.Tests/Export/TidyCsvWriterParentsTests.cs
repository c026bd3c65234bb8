using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Export;
using LutonCancerSurvey.Core.Import;

namespace LutonCancerSurvey.Core.Tests.Export;

/// <summary>
/// The ICB and region columns are written only when some row has one, so every export of earlier editions keeps the
/// 25 columns it always had. Invented organisations and figures.
/// </summary>
public class TidyCsvWriterParentsTests
{
    private const string Columns25 =
        "year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,"
        + "tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,"
        + "change_since_previous,change_overall,group_difference,suppressed,source_note";

    private static readonly TidyRow Trust = new(
        2022, OrganisationLevel.Trust, "RZ1", "Testshire Hospitals NHS Trust", "E56000099", "Test Alliance", 59,
        "Overall, how would you rate your care?", "Your overall NHS care", Scoring.MeanOutOfTen, TumourGroups.AllCancers,
        Breakdown.AllPatients, ResultBasis.Unadjusted, 300, 8.9, 8.8, 9.0, null, null, null, null, null, null,
        Suppression.None, null, 1);

    [Fact]
    public async Task RowsWithoutParents_AreWrittenWithTheTwentyFiveColumns()
    {
        var csv = await WriteAsync(Trust);

        csv.Should().Be(Columns25 + "\r\n"
            + "2022,trust,RZ1,Testshire Hospitals NHS Trust,E56000099,Test Alliance,Q59,\"Overall, how would you rate your care?\","
            + "Your overall NHS care,mean,All Cancers,all,unadjusted,300,8.9,8.8,9,,,,,,,,\r\n");
    }

    [Fact]
    public async Task ARowWithAnIcb_AddsTheIcbColumnsAfterTheAlliance_ToEveryRow_AndNoRegionColumns()
    {
        var inIcb = Trust with { IcbCode = "QZA", IcbName = "NHS Testshire North ICB" };
        var other = Trust with { OrganisationCode = "RZ2", OrganisationName = "Othershire NHS Trust" };

        var lines = (await WriteAsync(inIcb, other)).Split("\r\n");

        lines[0].Should().Be(Columns25.Replace("alliance_name,", "alliance_name,icb_code,icb_name,", StringComparison.Ordinal));
        lines[1].Should().StartWith("2022,trust,RZ1,Testshire Hospitals NHS Trust,E56000099,Test Alliance,QZA,NHS Testshire North ICB,Q59,");
        lines[2].Should().StartWith("2022,trust,RZ2,Othershire NHS Trust,E56000099,Test Alliance,,,Q59,");
    }

    [Fact]
    public async Task ARowWithARegion_AddsTheRegionColumns()
    {
        var icb = Trust with { Level = OrganisationLevel.Icb, OrganisationCode = "QZA", AllianceCode = null, AllianceName = null, RegionCode = "Y99", RegionName = "Testland" };

        var lines = (await WriteAsync(icb)).Split("\r\n");

        lines[0].Should().StartWith("year,level,organisation_code,organisation_name,alliance_code,alliance_name,region_code,region_name,question,");
        lines[1].Should().StartWith("2022,icb,QZA,Testshire Hospitals NHS Trust,,,Y99,Testland,Q59,");
    }

    private static async Task<string> WriteAsync(params TidyRow[] rows)
    {
        await using var output = new StringWriter();
        await TidyCsvWriter.WriteAsync(output, rows, CancellationToken.None);
        return output.ToString();
    }
}
