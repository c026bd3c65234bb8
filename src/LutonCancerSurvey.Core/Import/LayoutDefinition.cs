using LutonCancerSurvey.Core.Domain;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// A named layout: how a file the product does not know maps onto the tidy layout. Which of its columns holds which
/// tidy field, the value of fields it does not carry, the words it uses for the product's values, and the markers it
/// writes for a suppressed figure. Saved in the database and exchanged as JSON (docs/data-format.md).
/// </summary>
public sealed record LayoutDefinition
{
    public required string Name { get; init; }

    /// <summary>The header the layout was made for, in order: a later file with the same header uses it again.</summary>
    public IReadOnlyList<string> Header { get; init; } = [];

    /// <summary>The workbook sheet to read; null for CSV, or the first sheet.</summary>
    public string? Sheet { get; init; }

    /// <summary>The workbook row that holds the header, when it cannot be found by looking.</summary>
    public int? HeaderRow { get; init; }

    /// <summary>For each tidy field the file carries, the file's column that holds it.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();

    /// <summary>Tidy fields the file does not carry, with the one value every row has (a year, a basis).</summary>
    public IReadOnlyDictionary<string, string> Fixed { get; init; } = new Dictionary<string, string>();

    /// <summary>For fields with a closed set of values: the file's word, and the tidy layout's word it means.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Words { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>What the file writes in a figure's place for a suppressed result, and which suppression it is.</summary>
    public IReadOnlyDictionary<string, string> SuppressionMarkers { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The tidy layout's fields, which a layout maps a file onto, in the tidy layout's order: its 25 columns, then
    /// the optional ones (an ICB and a region as parents, and the questionnaire series).
    /// </summary>
    public static IReadOnlyList<string> Fields { get; } = [.. TidyLayout.Columns, .. TidyLayout.IcbColumns, .. TidyLayout.RegionColumns, TidyLayout.SeriesColumn];

    /// <summary>The fields a layout must give, as a column or a fixed value, for a row to be a result.</summary>
    public static readonly IReadOnlyList<string> RequiredFields =
        ["year", "level", "organisation_code", "organisation_name", "question", "question_text", "basis", "score"];

    /// <summary>The signature of a header: its names in order, compared ignoring case and runs of spaces.</summary>
    public static string SignatureOf(IEnumerable<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var normalised = string.Join('\u001f', header.Select(Normalise));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    private static string Normalise(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    /// <summary>What is wrong with the definition itself, before any file is read with it.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("the layout needs a name");
        }
        else if (Name.Length > MaxNameLength)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the layout's name is longer than {MaxNameLength} characters"));
        }

        foreach (var field in Columns.Keys.Concat(Fixed.Keys).Concat(Words.Keys).Where(f => !Fields.Contains(f)).Distinct())
        {
            problems.Add($"'{field}' is not a field of the tidy layout");
        }

        foreach (var field in RequiredFields.Where(f => !Gives(f)))
        {
            problems.Add($"{field} needs a column or a fixed value");
        }

        foreach (var field in Columns.Keys.Where(Fixed.ContainsKey))
        {
            problems.Add($"{field} has both a column and a fixed value");
        }

        foreach (var (field, words) in Words.Where(w => LayoutWords.TidyWords.ContainsKey(w.Key)))
        {
            var allowed = LayoutWords.TidyWords[field];
            // Any group of any dimension is a breakdown, beyond the listed words for sex and deprivation.
            foreach (var (word, tidy) in words.Where(w => w.Value.Length > 0 && !allowed.Contains(w.Value, StringComparer.OrdinalIgnoreCase)
                && !(field == "breakdown" && Breakdown.TryParse(w.Value, out _))))
            {
                var meanings = field == "breakdown" ? Breakdown.WordRule : "one of " + string.Join(", ", allowed);
                problems.Add($"the word '{word}' for {field} must mean {meanings}, not '{tidy}'");
            }
        }

        foreach (var (marker, meaning) in SuppressionMarkers)
        {
            if (!LayoutWords.SuppressionMeanings.Contains(meaning))
            {
                problems.Add($"suppression marker '{marker}' must mean {string.Join(" or ", LayoutWords.SuppressionMeanings)}, not '{meaning}'");
            }
        }

        var header = Header.ToHashSet(StringComparer.Ordinal);
        if (header.Count > 0)
        {
            foreach (var (field, column) in Columns.Where(c => !header.Contains(c.Value)))
            {
                problems.Add($"{field} is read from column '{column}', which is not in the header");
            }
        }

        return problems;
    }

    /// <summary>Whether the layout gives a field, as a column or a fixed value.</summary>
    public bool Gives(string field) =>
        Columns.TryGetValue(field, out var column) && column.Length > 0 || Fixed.TryGetValue(field, out var value) && value.Length > 0;

    public const int MaxNameLength = Domain.SavedLayout.MaxNameLength;
}
