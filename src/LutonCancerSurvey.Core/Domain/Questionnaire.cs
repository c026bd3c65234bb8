namespace LutonCancerSurvey.Core.Domain;

/// <summary>
/// The sections of the 2015-2018 CPES questionnaire. The real combined files carry a section label with typos, so the
/// section is derived from the question number of the questionnaire in use that year.
/// </summary>
public static class Questionnaire
{
    public const int OverallRatingQuestion = 59;
    public const int FirstYear = 2015;
    public const int LastYear = 2018;

    public static readonly IReadOnlyList<string> Sections =
    [
        "Seeing your GP",
        "Diagnostic tests",
        "Finding out what was wrong with you",
        "Deciding the best treatment for you",
        "Clinical Nurse Specialist",
        "Support for people with cancer",
        "Operations",
        "Hospital care as an inpatient",
        "Hospital care as a day patient / outpatient",
        "Home care and support",
        "Care from your general practice",
        "Your overall NHS care",
    ];

    private static readonly (int From, int To, int Section)[] Ranges =
    [
        (1, 2, 0), (5, 7, 1), (8, 11, 2), (12, 16, 3), (17, 19, 4), (20, 23, 5), (25, 26, 6), (28, 39, 7),
        (41, 48, 8), (49, 51, 9), (52, 53, 10), (54, 59, 11),
    ];

    private static readonly HashSet<int> Unscored = [3, 4, 24, 27, 40, 43, 46];

    public static bool Covers(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>The section of a scored question, or null when the number is not a scored question of that questionnaire.</summary>
    public static string? SectionOf(int number)
    {
        if (Unscored.Contains(number))
        {
            return null;
        }

        foreach (var (from, to, section) in Ranges)
        {
            if (number >= from && number <= to)
            {
                return Sections[section];
            }
        }

        return null;
    }

    public static int SectionOrder(string section)
    {
        for (var i = 0; i < Sections.Count; i++)
        {
            if (string.Equals(Sections[i], section, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return Sections.Count;
    }

    public static Scoring ScoringOf(int number) =>
        number == OverallRatingQuestion ? Scoring.MeanOutOfTen : Scoring.PercentPositive;
}
