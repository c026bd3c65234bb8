using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// The words published files use for the product's values, known without being told: what a proposed layout fills in
/// and what a saved layout falls back on. Keys are compared ignoring case, spaces, hyphens and underscores.
/// </summary>
public static class LayoutWords
{
    public static readonly IReadOnlyList<string> SuppressionMeanings = ["few-respondents", "source"];

    /// <summary>The tidy words each field with a closed set of values accepts.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> TidyWords = new Dictionary<string, IReadOnlyList<string>>
    {
        ["level"] = [.. Vocabulary.LevelWords.Values],
        ["scoring"] = [.. Vocabulary.ScoringWords.Values],
        ["breakdown"] = ["all", .. Breakdown.Seeded.Select(s => s.Breakdown.Word)],
        ["basis"] = [.. Vocabulary.BasisWords.Values],
        ["band"] = [.. Vocabulary.BandWords.Values],
        ["change_since_previous"] = [.. Vocabulary.ChangeWords.Values],
        ["change_overall"] = [.. Vocabulary.ChangeWords.Values],
        ["group_difference"] = ["significant", "not-significant"],
        ["suppressed"] = SuppressionMeanings,
        ["tumour_group"] = [.. TumourGroups.All.Select(t => t.Name)],
    };

    private static readonly Dictionary<string, string> Levels = Words(
        ("national", "national"), ("england", "national"), ("all england", "national"), ("nation", "national"),
        ("cancer alliance", "cancer-alliance"), ("alliance", "cancer-alliance"), ("ca", "cancer-alliance"),
        ("ccg", "ccg"), ("clinical commissioning group", "ccg"),
        ("trust", "trust"), ("nhs trust", "trust"), ("provider", "trust"),
        ("icb", "icb"), ("integrated care board", "icb"),
        ("sub icb", "sub-icb"), ("sub icb location", "sub-icb"), ("subicb", "sub-icb"),
        ("region", "region"), ("nhs england region", "region"), ("commissioning region", "region"));

    private static readonly Dictionary<string, string> Bands = Words(
        ("above", "above"), ("better than expected", "above"), ("above expected range", "above"), ("higher than expected", "above"),
        ("above expected", "above"), ("1", "above"),
        ("within", "within"), ("as expected", "within"), ("within expected range", "within"), ("within expected", "within"),
        ("2", "within"),
        ("below", "below"), ("worse than expected", "below"), ("below expected range", "below"), ("lower than expected", "below"),
        ("below expected", "below"), ("3", "below"));

    private static readonly Dictionary<string, string> Changes = Words(
        ("up", "up"), ("increase", "up"), ("increased", "up"), ("significant increase", "up"), ("significantly higher", "up"),
        ("improved", "up"), ("higher", "up"),
        ("down", "down"), ("decrease", "down"), ("decreased", "down"), ("significant decrease", "down"),
        ("significantly lower", "down"), ("declined", "down"), ("lower", "down"),
        ("unchanged", "unchanged"), ("no change", "unchanged"), ("no significant change", "unchanged"),
        ("not significantly different", "unchanged"), ("no difference", "unchanged"), ("same", "unchanged"));

    private static readonly Dictionary<string, string> Breakdowns = Words(
        ("all", "all"), ("both", "all"), ("all patients", "all"), ("all respondents", "all"), ("total", "all"), ("persons", "all"),
        ("male", "male"), ("men", "male"), ("female", "female"), ("women", "female"),
        ("imd1", "imd1"), ("imd 1", "imd1"), ("1 most deprived", "imd1"), ("most deprived", "imd1"),
        ("imd2", "imd2"), ("imd 2", "imd2"), ("imd3", "imd3"), ("imd 3", "imd3"), ("imd4", "imd4"), ("imd 4", "imd4"),
        ("imd5", "imd5"), ("imd 5", "imd5"), ("5 least deprived", "imd5"), ("least deprived", "imd5"));

    private static readonly Dictionary<string, string> Bases = Words(
        ("adjusted", "adjusted"), ("case mix adjusted", "adjusted"), ("casemix adjusted", "adjusted"),
        ("unadjusted", "unadjusted"), ("not adjusted", "unadjusted"), ("raw", "unadjusted"),
        ("trend", "trend"), ("yearonyear", "trend"), ("year on year", "trend"));

    private static readonly Dictionary<string, string> Scorings = Words(
        ("percent", "percent"), ("percentage", "percent"), ("percent positive", "percent"), ("%", "percent"),
        ("mean", "mean"), ("mean score", "mean"), ("average", "mean"), ("score out of 10", "mean"));

    private static readonly Dictionary<string, string> GroupTests = Words(
        ("significant", "significant"), ("yes", "significant"), ("significantly different", "significant"),
        ("not significant", "not-significant"), ("no", "not-significant"), ("not significantly different", "not-significant"));

    private static readonly Dictionary<string, string> Suppressions = Words(
        ("few respondents", "few-respondents"), ("fewer than 21 respondents", "few-respondents"), ("suppressed", "source"),
        ("source", "source"), ("withheld", "source"));

    private static readonly Dictionary<string, string> TumourGroupWords =
        Words([.. TumourGroups.All.Select(t => (t.Name, t.Name)), ("All cancers", TumourGroups.AllCancers), ("All", TumourGroups.AllCancers),
            ("Brain / CNS", "Brain and CNS"), ("Head & Neck", "Head and Neck"), ("Upper GI", "Upper Gastro"), ("Lower GI", "Colorectal"),
            ("Colorectal / Lower Gastrointestinal", "Colorectal"), ("Upper Gastrointestinal", "Upper Gastro"), ("Haematological", "Haematological")]);

    private static readonly Dictionary<string, Dictionary<string, string>> ByField = new()
    {
        ["level"] = Levels,
        ["band"] = Bands,
        ["change_since_previous"] = Changes,
        ["change_overall"] = Changes,
        ["breakdown"] = Breakdowns,
        ["basis"] = Bases,
        ["scoring"] = Scorings,
        ["group_difference"] = GroupTests,
        ["suppressed"] = Suppressions,
        ["tumour_group"] = TumourGroupWords,
    };

    /// <summary>Markers published files write in a figure's place, and which suppression each means.</summary>
    public static string? SuppressionMarker(string value)
    {
        var text = value.Trim();
        if (text.StartsWith('<') && text.Length > 1 && text[1..].Trim().All(char.IsAsciiDigit))
        {
            return "few-respondents";
        }

        return text is "*" or "**" or "x" or "X" or "[x]" or "[c]" or "[z]" or "-" or ".." or "n/a" or "N/A" or "NA" or "s" or "supp"
            ? "source"
            : null;
    }

    /// <summary>The tidy word a file's word means for a field, when it is a known one; null otherwise.</summary>
    public static string? Known(string field, string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return ByField.TryGetValue(field, out var words) && words.TryGetValue(Key(word), out var tidy) ? tidy : null;
    }

    public static bool HasWords(string field) => ByField.ContainsKey(field);

    /// <summary>Words compare ignoring case, spaces, hyphens, underscores and full stops: "Sub-ICB" is "sub icb".</summary>
    internal static string Key(string word)
    {
        var builder = new System.Text.StringBuilder(word.Length);
        foreach (var c in word.Trim())
        {
            if (c is '-' or '_' or '.' || char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static Dictionary<string, string> Words(params (string Word, string Tidy)[] words)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (word, tidy) in words)
        {
            map.TryAdd(Key(word), tidy);
        }

        return map;
    }
}
