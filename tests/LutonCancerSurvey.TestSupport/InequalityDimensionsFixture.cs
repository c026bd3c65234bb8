namespace LutonCancerSurvey.TestSupport;

/// <summary>
/// An Alliance with results by sex, age band and ethnic group, the survey's test of the age bands and ethnic groups it
/// compared, a suppressed ethnic group, and England's figure for one age band. Shared by the web and browser tests.
/// Invented figures.
/// </summary>
public static class InequalityDimensionsFixture
{
    private const string Q22 = "Q22,\"Were you told how to get financial help, or benefits?\",Support for people with cancer,percent,All Cancers";
    private const string Q59 = "Q59,\"Overall, how would you rate your care?\",Your overall NHS care,mean,All Cancers";
    public const string Alliance = "2019,cancer-alliance,E56000098,Second Test Alliance,,,";
    private const string England = "2019,national,E92000001,England,,,";

    public static readonly string Csv = string.Join('\n',
        "year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,change_since_previous,change_overall,group_difference,suppressed,source_note,compared_with",
        $"{England}{Q22},all,unadjusted,50000,57,56.6,57.4,,,,,,,,,",
        $"{England}{Q22},age:16-24,unadjusted,,50,,,,,,,,,,,",
        $"{Alliance}{Q22},all,unadjusted,2000,60,57.9,62.1,,,,,,,,,",
        $"{Alliance}{Q22},male,unadjusted,,57,,,,,,,,significant,,,",
        $"{Alliance}{Q22},female,unadjusted,,63,,,,,,,,significant,,,",
        $"{Alliance}{Q22},age:16-24,unadjusted,,48,,,,,,,,significant,,,age:75+",
        $"{Alliance}{Q22},age:25-64,unadjusted,,58,,,,,,,,,,,",
        $"{Alliance}{Q22},age:75+,unadjusted,,66,,,,,,,,significant,,,age:16-24",
        $"{Alliance}{Q22},ethnic-group:White,unadjusted,,61,,,,,,,,not-significant,,,ethnic-group:Asian",
        $"{Alliance}{Q22},ethnic-group:Asian,unadjusted,,57,,,,,,,,not-significant,,,ethnic-group:White",
        $"{Alliance}{Q22},ethnic-group:Black,unadjusted,,,,,,,,,,,few-respondents,,",
        $"{Alliance}{Q59},all,unadjusted,2100,8.8,8.75,8.85,,,,,,,,,",
        $"{Alliance}{Q59},age:16-24,unadjusted,,8.5,,,,,,,,significant,,,age:75+",
        $"{Alliance}{Q59},age:25-64,unadjusted,,8.7,,,,,,,,,,,",
        $"{Alliance}{Q59},age:75+,unadjusted,,9.0,,,,,,,,significant,,,age:16-24",
        $"{Alliance}{Q59},ethnic-group:White,unadjusted,,8.8,,,,,,,,,,,",
        $"{Alliance}{Q59},ethnic-group:Asian,unadjusted,,,,,,,,,,,source,,") + "\n";
}
