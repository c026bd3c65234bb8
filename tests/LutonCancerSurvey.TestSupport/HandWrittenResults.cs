using System.Text;

namespace LutonCancerSurvey.TestSupport;

/// <summary>
/// Invented results in the tidy layout, small enough to check every figure by hand: England, one Cancer Alliance and
/// four CCGs in 2017 and 2018, which are published, and 2019, imported as a draft. 99X was "NHS Old Testshire CCG" in
/// 2017; 99N exists only in the draft. On Q22 (adjusted, 2018) 99X and 99Y are both shown as 64%, so they are joint
/// 2nd of the three CCGs shown; 99W's figure is withheld (fewer than 21 respondents).
/// </summary>
public static class HandWrittenResults
{
    /// <summary>The tidy layout's 25 columns every file has, for tests that write a file of their own.</summary>
    public const string CoreColumns =
        "year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,"
        + "tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,"
        + "change_since_previous,change_overall,group_difference,suppressed,source_note";

    public const string Header = CoreColumns + ",compared_with";

    private const string Q22 = "Q22,\"Were you told by hospital staff how to get financial help, or benefits?\",Support for people with cancer,percent";
    private const string Q59 = "Q59,\"Overall, how would you rate the care you were given?\",Your overall NHS care,mean";
    private const string England = "national,E92000001,England,,";
    private const string Alliance = "cancer-alliance,E56000099,Test Alliance,,";
    private const string Testshire = "ccg,99X,NHS Testshire CCG,E56000099,Test Alliance";
    private const string OldTestshire = "ccg,99X,NHS Old Testshire CCG,E56000099,Test Alliance";
    private const string Demoford = "ccg,99Y,NHS Demoford CCG,E56000099,Test Alliance";
    private const string Exampleton = "ccg,99Z,NHS Exampleton CCG,E56000099,Test Alliance";
    private const string Smallbury = "ccg,99W,NHS Smallbury CCG,E56000099,Test Alliance";
    private const string Newtown = "ccg,99N,NHS Newtown CCG,E56000099,Test Alliance";

    /// <summary>The published editions, 2017 and 2018.</summary>
    public static string Published() => Csv(
        // year, who, question, tumour group, breakdown, basis, respondents, score, ci, expected range, band, ..., suppressed
        $"2017,{England},{Q22},All Cancers,all,trend,58000,58,57.6,58.4,,,,,,,,,",
        $"2017,{OldTestshire},{Q22},All Cancers,all,trend,130,60,51,68,,,,,,,,,",
        $"2017,{OldTestshire},{Q22},All Cancers,all,adjusted,130,62,54,70,52,70,within,,,,,,",
        $"2018,{England},{Q22},All Cancers,all,unadjusted,60000,60,59.6,60.4,,,,,,,,,",
        $"2018,{England},{Q22},All Cancers,all,trend,60000,59,58.6,59.4,,,,,,,,,",
        $"2018,{England},{Q59},All Cancers,all,unadjusted,60000,8.8,8.79,8.81,,,,,,,,,",
        $"2018,{England},{Q59},All Cancers,all,trend,60000,8.8,8.79,8.81,,,,,,,,,",
        $"2018,{England},{Q59},Breast,all,unadjusted,9000,8.9,8.88,8.92,,,,,,,,,",
        $"2018,{England},{Q59},Lung,all,unadjusted,5000,8.7,8.67,8.73,,,,,,,,,",
        $"2018,{Alliance},{Q22},All Cancers,all,adjusted,900,61,58,64,55,66,within,,,,,,",
        $"2018,{Alliance},{Q22},All Cancers,female,unadjusted,470,58,53,62,,,,,,not-significant,,,",
        $"2018,{Alliance},{Q22},All Cancers,male,unadjusted,430,63,58,67,,,,,,not-significant,,,",
        $"2018,{Testshire},{Q22},All Cancers,all,adjusted,140,64,56,72,55,67,within,,,,,,",
        $"2018,{Testshire},{Q22},All Cancers,all,trend,140,65,57,73,,,,,,,,,",
        $"2018,{Testshire},{Q59},All Cancers,all,adjusted,200,8.7,8.5,8.9,8.5,9.1,within,,,,,,",
        $"2018,{Testshire},{Q59},All Cancers,all,trend,200,8.6,8.4,8.8,,,,,,,,,",
        $"2018,{Testshire},{Q59},Breast,all,unadjusted,40,9.0,8.7,9.3,,,,,,,,,",
        $"2018,{Testshire},{Q59},Lung,all,unadjusted,,,,,,,,,,,few-respondents,,",
        $"2018,{Demoford},{Q22},All Cancers,all,adjusted,150,64,56.3,71.7,55,67,within,,,,,,",
        $"2018,{Demoford},{Q59},All Cancers,all,adjusted,180,8.9,8.7,9.1,8.5,9.1,within,,,,,,",
        $"2018,{Exampleton},{Q22},All Cancers,all,adjusted,160,70,62.9,77.1,55,67,above,,,,,,",
        $"2018,{Exampleton},{Q59},All Cancers,all,adjusted,170,8.5,8.3,8.7,8.5,9.1,within,,,,,,",
        $"2018,{Smallbury},{Q22},All Cancers,all,adjusted,,,,,,,,,,,few-respondents,,");

    /// <summary>The draft edition, 2019, which brings in 99N.</summary>
    public static string Draft() => Csv(
        $"2019,{England},{Q22},All Cancers,all,unadjusted,61000,61,60.6,61.4,,,,,,,,,",
        $"2019,{Testshire},{Q22},All Cancers,all,adjusted,150,66,58,74,55,67,within,,,,,,",
        $"2019,{Newtown},{Q22},All Cancers,all,adjusted,120,55,46,64,55,67,within,,,,,,");

    public static byte[] Bytes(string csv) => Encoding.UTF8.GetBytes(csv);

    private static string Csv(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";
}
