using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Import;

/// <summary>The words each file layout uses for the model's values, in both directions.</summary>
public static class Vocabulary
{
    public const string EnglandCode = "E92000001";
    public const string EnglandName = "England";

    internal static readonly IReadOnlyDictionary<string, OrganisationLevel> CombinedLevels =
        new Dictionary<string, OrganisationLevel>(StringComparer.OrdinalIgnoreCase)
        {
            ["National"] = OrganisationLevel.National,
            ["Cancer Alliance"] = OrganisationLevel.CancerAlliance,
            ["CCG"] = OrganisationLevel.Ccg,
            ["Trust"] = OrganisationLevel.Trust,
        };

    internal static readonly IReadOnlyDictionary<string, ResultBasis> CombinedBases =
        new Dictionary<string, ResultBasis>(StringComparer.OrdinalIgnoreCase)
        {
            ["adjusted"] = ResultBasis.Adjusted,
            ["unadjusted"] = ResultBasis.Unadjusted,
            ["yearonyear"] = ResultBasis.Trend,
        };

    internal static readonly IReadOnlyDictionary<string, Band> CombinedBands =
        new Dictionary<string, Band>(StringComparer.OrdinalIgnoreCase)
        {
            ["1"] = Band.Above,
            ["1.0"] = Band.Above,
            ["2"] = Band.Within,
            ["2.0"] = Band.Within,
            ["3"] = Band.Below,
            ["3.0"] = Band.Below,
        };

    internal static readonly IReadOnlyDictionary<string, ChangeDirection> CombinedChanges =
        new Dictionary<string, ChangeDirection>(StringComparer.OrdinalIgnoreCase)
        {
            ["Up"] = ChangeDirection.Up,
            ["Down"] = ChangeDirection.Down,
            ["Unchanged"] = ChangeDirection.Unchanged,
        };

    internal static readonly IReadOnlyDictionary<string, bool> CombinedSignificance =
        new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase)
        {
            ["Significant"] = true,
            ["Not Significant"] = false,
        };

    public static readonly IReadOnlyDictionary<OrganisationLevel, string> LevelWords = new Dictionary<OrganisationLevel, string>
    {
        [OrganisationLevel.National] = "national",
        [OrganisationLevel.CancerAlliance] = "cancer-alliance",
        [OrganisationLevel.Ccg] = "ccg",
        [OrganisationLevel.Trust] = "trust",
        [OrganisationLevel.Region] = "region",
        [OrganisationLevel.Icb] = "icb",
        [OrganisationLevel.SubIcb] = "sub-icb",
    };

    public static readonly IReadOnlyDictionary<Scoring, string> ScoringWords = new Dictionary<Scoring, string>
    {
        [Scoring.PercentPositive] = "percent",
        [Scoring.MeanOutOfTen] = "mean",
        [Scoring.None] = "none",
    };

    public static readonly IReadOnlyDictionary<ResultBasis, string> BasisWords = new Dictionary<ResultBasis, string>
    {
        [ResultBasis.Adjusted] = "adjusted",
        [ResultBasis.Unadjusted] = "unadjusted",
        [ResultBasis.Trend] = "trend",
    };

    public static readonly IReadOnlyDictionary<Band, string> BandWords = new Dictionary<Band, string>
    {
        [Band.Above] = "above",
        [Band.Within] = "within",
        [Band.Below] = "below",
    };

    public static readonly IReadOnlyDictionary<ChangeDirection, string> ChangeWords = new Dictionary<ChangeDirection, string>
    {
        [ChangeDirection.Up] = "up",
        [ChangeDirection.Down] = "down",
        [ChangeDirection.Unchanged] = "unchanged",
    };

    public static readonly IReadOnlyDictionary<Suppression, string> SuppressionWords = new Dictionary<Suppression, string>
    {
        [Suppression.None] = string.Empty,
        [Suppression.FewRespondents] = "few-respondents",
        [Suppression.Source] = "source",
    };

    /// <summary>The words of the succession lookup's <c>kind</c> column.</summary>
    public static readonly IReadOnlyDictionary<SuccessionKind, string> SuccessionWords = new Dictionary<SuccessionKind, string>
    {
        [SuccessionKind.Merged] = "merged",
        [SuccessionKind.Renamed] = "renamed",
        [SuccessionKind.Abolished] = "abolished",
    };

    public static IReadOnlyDictionary<string, T> Reverse<T>(IReadOnlyDictionary<T, string> words)
        where T : notnull =>
        words.Where(w => w.Value.Length > 0)
            .ToDictionary(w => w.Value, w => w.Key, StringComparer.OrdinalIgnoreCase);

    public static string QuestionLabel(int number) => $"Q{number}";

    public static bool TryParseQuestion(string value, out int number)
    {
        number = 0;
        var digits = value.StartsWith('Q') || value.StartsWith('q') ? value[1..] : value;
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number)
            && number > 0;
    }
}
