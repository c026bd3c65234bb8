namespace LutonCancerSurvey.TestSupport;

/// <summary>
/// Two CCGs merged into a third in 2021, which merged into an ICB in 2022; a draft edition gives the ICB a new code in
/// 2023, which only the lookup and the draft imply. Shared by the web and browser tests. Invented organisations and figures.
/// </summary>
public static class SuccessionFixture
{
    public const string Header =
        "year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,"
        + "tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,"
        + "change_since_previous,change_overall,group_difference,suppressed,source_note,series\n";

    private const string Q59 = "Q59,\"Overall, how would you rate your care?\",Your overall NHS care,mean,All Cancers,all,trend";

    public const string Published = Header
        + "2019,national,E92000001,England,,," + Q59 + ",60000,8.80,8.79,8.81,,,,,,,,,cpes-2015\n"
        + "2019,ccg,91A,NHS Testshire North CCG,,," + Q59 + ",200,8.64,8.50,8.78,,,,,,,,,cpes-2015\n"
        + "2019,ccg,91B,NHS Testshire South CCG,,," + Q59 + ",210,8.71,8.58,8.84,,,,,,,,,cpes-2015\n"
        + "2021,national,E92000001,England,,," + Q59 + ",61000,8.82,8.81,8.83,,,,,,,,,cpes-2021\n"
        + "2021,ccg,92M,NHS Testshire CCG,,," + Q59 + ",400,8.77,8.67,8.87,,,,,,,,,cpes-2021\n"
        + "2022,national,E92000001,England,,," + Q59 + ",62000,8.85,8.84,8.86,,,,,,,,,cpes-2021\n"
        + "2022,icb,QT1,NHS Testshire Integrated Care Board,,," + Q59 + ",420,8.90,8.80,9.00,,,,,,,,,cpes-2021\n";

    public const string Draft = Header
        + "2023,national,E92000001,England,,," + Q59 + ",63000,8.86,8.85,8.87,,,,,,,,,cpes-2021\n"
        + "2023,icb,QT9,NHS Draftshire Integrated Care Board,,," + Q59 + ",430,8.91,8.81,9.01,,,,,,,,,cpes-2021\n";

    /// <summary>The 2021 questionnaire asks the overall rating as Q59 too: a crosswalk says it is the same question.</summary>
    public const string Crosswalk = "from_series,from_question,to_series,to_question\ncpes-2015,Q59,cpes-2021,Q59\n";

    public const string Lookup = "predecessor_code,successor_code,from_year,kind\n"
        + "91A,92M,2021,merged\n"
        + "91B,92M,2021,merged\n"
        + "92M,QT1,2022,merged\n"
        + "QT1,QT9,2023,renamed\n";
}
