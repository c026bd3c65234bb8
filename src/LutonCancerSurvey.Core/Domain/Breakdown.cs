using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace LutonCancerSurvey.Core.Domain;

/// <summary>
/// Which patients a result covers: all of them, or one group of one dimension the survey breaks results down by (sex:
/// male; deprivation: quintile 1; age: 16-24; ethnic group: …). Dimensions are never crossed. The tidy layout writes a
/// group as <c>dimension:group</c>, except the groups of sex and deprivation the dashboard has always read, which keep
/// their words (<c>male</c>, <c>female</c>, <c>imd1</c> … <c>imd5</c>) so that earlier downloads read and write as before.
/// </summary>
public sealed partial record Breakdown
{
    public const int MaxDimensionLength = 50;
    public const int MaxGroupLength = 100;

    /// <summary>All patients is not a group of any dimension: results carry 0 for it, and no row stands for it.</summary>
    public const int AllPatientsId = 0;

    public const string Sex = "sex";
    public const string Deprivation = "deprivation";

    private Breakdown(string dimension, string group)
    {
        Dimension = dimension;
        Group = group;
    }

    /// <summary>The dimension's code: lower-case letters, digits and hyphens (<c>sex</c>, <c>ethnic-group</c>); empty for all patients.</summary>
    public string Dimension { get; }

    /// <summary>The group as the source names it (<c>male</c>, <c>1</c> for IMD quintile 1, <c>16-24</c>).</summary>
    public string Group { get; }

    public static Breakdown AllPatients { get; } = new(string.Empty, "all");
    public static Breakdown Male { get; } = new(Sex, "male");
    public static Breakdown Female { get; } = new(Sex, "female");
    public static Breakdown Imd1 { get; } = new(Deprivation, "1");
    public static Breakdown Imd2 { get; } = new(Deprivation, "2");
    public static Breakdown Imd3 { get; } = new(Deprivation, "3");
    public static Breakdown Imd4 { get; } = new(Deprivation, "4");
    public static Breakdown Imd5 { get; } = new(Deprivation, "5");

    /// <summary>The groups every database starts with, with the ids results of earlier versions stored for them.</summary>
    public static IReadOnlyList<(int Id, Breakdown Breakdown)> Seeded { get; } =
        [(1, Male), (2, Female), (11, Imd1), (12, Imd2), (13, Imd3), (14, Imd4), (15, Imd5)];

    public bool IsAllPatients => Dimension.Length == 0;

    /// <summary>The word the tidy layout and the API use: <c>all</c>, <c>male</c>, <c>imd1</c>, or <c>dimension:group</c>.</summary>
    public string Word => this switch
    {
        { IsAllPatients: true } => "all",
        { Dimension: Sex } when this == Male || this == Female => Group,
        { Dimension: Deprivation } when Group is "1" or "2" or "3" or "4" or "5" => "imd" + Group,
        _ => $"{Dimension}:{Group}",
    };

    public override string ToString() => Word;

    /// <summary>
    /// A group of a dimension, its dimension's code lower-cased and its group trimmed; the groups of sex and
    /// deprivation the dashboard has always known are matched ignoring case, so that they have one spelling.
    /// </summary>
    public static bool TryCreate(string dimension, string group, [NotNullWhen(true)] out Breakdown? breakdown)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        ArgumentNullException.ThrowIfNull(group);
        breakdown = null;
        var d = dimension.Trim().ToLowerInvariant();
        var g = group.Trim();
        if (!DimensionPattern().IsMatch(d) || g.Length == 0 || g.Length > MaxGroupLength || g.Any(char.IsControl))
        {
            return false;
        }

        breakdown = Seeded.Select(s => s.Breakdown)
            .FirstOrDefault(s => s.Dimension == d && string.Equals(s.Group, g, StringComparison.OrdinalIgnoreCase))
            ?? new Breakdown(d, g);
        return true;
    }

    /// <summary>Reads a tidy word: <c>all</c>, <c>male</c>, <c>female</c>, <c>imd1</c> … <c>imd5</c>, or <c>dimension:group</c>.</summary>
    public static bool TryParse(string? word, [NotNullWhen(true)] out Breakdown? breakdown)
    {
        breakdown = null;
        var text = word?.Trim() ?? string.Empty;
        if (string.Equals(text, "all", StringComparison.OrdinalIgnoreCase))
        {
            breakdown = AllPatients;
            return true;
        }

        breakdown = Seeded.Select(s => s.Breakdown).FirstOrDefault(s => string.Equals(s.Word, text, StringComparison.OrdinalIgnoreCase));
        if (breakdown is not null)
        {
            return true;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && TryCreate(text[..colon], text[(colon + 1)..], out breakdown);
    }

    /// <summary>What a word must look like, for messages that refuse one.</summary>
    public const string WordRule = "all, male, female, imd1 … imd5, or dimension:group (e.g. age:16-24; the dimension in lower-case letters, "
        + "digits and hyphens, up to 50 characters; the group up to 100)";

    [GeneratedRegex("^[a-z][a-z0-9-]{0,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex DimensionPattern();
}

/// <summary>
/// A group of a dimension stored once, so that results refer to it by id: the seven groups of sex and deprivation the
/// dashboard has always had, and every other group an import meets, in the order it first met them.
/// </summary>
public class BreakdownGroup
{
    public int Id { get; set; }
    public required string Dimension { get; set; }
    public required string Group { get; set; }

    /// <summary>Where the group sits among its dimension's groups (age bands youngest first, as the file that brought them).</summary>
    public int Order { get; set; }
}
