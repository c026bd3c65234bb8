using System.Globalization;
using System.Text.RegularExpressions;
using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Import;

/// <summary>A file's table as the preview shows it: where it is, its header and enough rows to propose a layout from.</summary>
public sealed record FileSample(
    IReadOnlyList<string> Sheets, string? Sheet, int HeaderLine, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyDictionary<string, IReadOnlyList<string>> DistinctValues)
{
    /// <summary>What was left out around a workbook's table, as far as the sample read.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>A proposed layout, and why each column was chosen, for the administrator to check and correct.</summary>
public sealed record LayoutProposal(LayoutDefinition Layout, IReadOnlyDictionary<string, string> Reasons);

/// <summary>
/// Proposes how a file the product does not know maps onto the tidy layout: each field's column by its header (known
/// names for it) and by its content (years, codes, question numbers, known words), the words of closed fields, and the
/// markers written for suppressed figures. A proposal, never applied unseen: the administrator corrects and saves it.
/// </summary>
public static partial class LayoutProposer
{
    /// <summary>Rows the content guesses look at, and the file's distinct values each closed field's words come from.</summary>
    public const int SampleRows = 200;
    public const int DistinctRowsRead = 20_000;
    public const int DistinctValuesKept = 40;

    private static readonly string[] FiguresWithMarkers = ["score", "respondents", "ci_lower", "ci_upper"];

    private static readonly Dictionary<string, string[]> HeaderNames = new()
    {
        ["year"] = ["year", "survey year", "period", "edition", "cpes year"],
        ["level"] = ["level", "geog", "geography", "org level", "organisation level", "organisation type", "org type", "geography type", "reporting level", "type"],
        ["organisation_code"] = ["organisation code", "org code", "code", "trust code", "ccg code", "icb code", "ods code", "provider code", "geography code", "organisation id", "trustcode"],
        ["organisation_name"] = ["organisation name", "org name", "organisation", "name", "trust name", "ccg name", "icb name", "provider name", "geography name", "trustname"],
        ["alliance_code"] = ["alliance code", "cancer alliance code"],
        ["alliance_name"] = ["alliance name", "cancer alliance", "cancer alliance name", "alliance"],
        ["question"] = ["question", "question number", "question no", "q number", "q no", "qnum", "question id", "q"],
        ["question_text"] = ["question text", "question wording", "wording", "question title", "question description"],
        ["section"] = ["section", "question section", "theme", "category", "domain"],
        ["scoring"] = ["scoring", "score type", "measure type", "scoring method"],
        ["tumour_group"] = ["tumour group", "tumour type", "cancer type", "cancer group", "tumour", "cancer"],
        ["breakdown"] = ["breakdown", "subgroup", "demographic group", "group"],
        ["basis"] = ["basis", "adjustment", "adjusted unadjusted", "adjusted or unadjusted", "score basis"],
        ["respondents"] = ["respondents", "number of respondents", "responses", "number of responses", "n", "base", "count", "denominator", "n respondents"],
        ["score"] = ["score", "result", "percentage", "scored percentage", "percent positive", "value", "case mix adjusted score", "adjusted score", "unadjusted score", "mean score", "percentage positive"],
        ["ci_lower"] = ["lower ci", "ci lower", "lower 95 confidence interval", "lower confidence interval", "lower confidence limit", "lcl", "lower 95 ci", "ci lower limit"],
        ["ci_upper"] = ["upper ci", "ci upper", "upper 95 confidence interval", "upper confidence interval", "upper confidence limit", "ucl", "upper 95 ci", "ci upper limit"],
        ["expected_lower"] = ["expected lower", "lower expected range", "expected range lower", "lower limit of expected range", "expected range lower limit"],
        ["expected_upper"] = ["expected upper", "upper expected range", "expected range upper", "upper limit of expected range", "expected range upper limit"],
        ["band"] = ["band", "performance", "performance rating", "rating", "comparison to expected range", "compared with expected range", "expected range comparison", "result against expected"],
        ["change_since_previous"] = ["change since previous", "change", "change from last year", "significant change", "year on year change", "change since last year", "change from previous year"],
        ["change_overall"] = ["change overall", "overall change", "significant change overall years", "change over time"],
        ["group_difference"] = ["group difference", "significance test", "significance"],
        ["suppressed"] = ["suppressed", "suppression", "suppression flag"],
        ["source_note"] = ["source note", "note", "notes", "footnote", "comment"],
        ["icb_code"] = ["parent icb code", "integrated care board code", "icb code of organisation", "parent icb"],
        ["icb_name"] = ["parent icb name", "integrated care board name", "integrated care board"],
        ["region_code"] = ["region code", "nhs england region code", "commissioning region code", "nhser code"],
        ["region_name"] = ["region name", "nhs england region", "nhs england region name", "region", "nhser name"],
        ["series"] = ["series", "questionnaire", "questionnaire series"],
    };

    /// <summary>Reads the file's header and first rows, as the import would read them.</summary>
    public static async Task<FileSample> SampleAsync(Stream content, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> sheets = [];
        if (XlsxWorkbook.LooksLikeZip(content))
        {
            using var workbook = XlsxWorkbook.Open(content, options.MaxDecompressedBytes);
            sheets = workbook.Sheets.Select(s => s.Name).ToList();
            content.Seek(0, SeekOrigin.Begin);
        }

        using var source = SurveyImporter.OpenSource(content, options);
        var header = (await source.ReadHeaderAsync().ConfigureAwait(false) ?? throw new ImportFormatException("the file is empty: no header row"))
            .Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var rows = new List<IReadOnlyList<string>>();
        var distinct = header.Select(_ => new List<string>()).ToList();
        var seen = header.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
        for (var read = 0; read < DistinctRowsRead && await source.ReadAsync().ConfigureAwait(false); read++)
        {
            var row = Enumerable.Range(0, header.Count).Select(i => i < source.Count ? source[i].Trim() : string.Empty).ToList();
            if (rows.Count < SampleRows)
            {
                rows.Add(row);
            }

            for (var i = 0; i < header.Count; i++)
            {
                if (row[i].Length > 0 && distinct[i].Count < DistinctValuesKept && seen[i].Add(row[i]))
                {
                    distinct[i].Add(row[i]);
                }
            }
        }

        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            values.TryAdd(header[i], distinct[i]);
        }

        return new FileSample(sheets, source.Sheet, source.HeaderLine, header, rows, values) { Notes = source.Notes };
    }

    /// <summary>Proposes a layout for the sample's table.</summary>
    public static LayoutProposal Propose(FileSample sample, string name)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var scores = new List<(string Field, string Column, int Score, string Reason)>();
        for (var i = 0; i < sample.Header.Count; i++)
        {
            var column = sample.Header[i];
            if (column.Length == 0)
            {
                continue;
            }

            var values = sample.Rows.Select(r => r[i]).Where(v => v.Length > 0).ToList();
            foreach (var field in LayoutDefinition.Fields)
            {
                var (byName, nameReason) = ByHeader(field, column);
                var (byContent, contentReason) = ByContent(field, values, sample.DistinctValues.GetValueOrDefault(column) ?? []);
                var score = byName + byContent;
                if (score >= 40)
                {
                    var reason = string.Join(" and ", new[] { nameReason, contentReason }.Where(r => r is not null));
                    scores.Add((field, column, score, reason));
                }
            }
        }

        // Greedy: the surest pairs first, each field and each column used once.
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, column, _, reason) in scores.OrderByDescending(s => s.Score).ThenBy(s => sample.Header.ToList().IndexOf(s.Column)))
        {
            if (!columns.ContainsKey(field) && used.Add(column))
            {
                columns[field] = column;
                reasons[field] = reason;
            }
        }

        var fixedValues = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!columns.ContainsKey("tumour_group"))
        {
            fixedValues["tumour_group"] = TumourGroups.AllCancers;
            reasons["tumour_group"] = "no column names a tumour group: all cancers";
        }

        if (!columns.ContainsKey("basis"))
        {
            var adjusted = sample.Header.Any(h => Normalise(h).Contains("adjusted", StringComparison.Ordinal) && !Normalise(h).Contains("unadjusted", StringComparison.Ordinal));
            fixedValues["basis"] = adjusted ? "adjusted" : "unadjusted";
            reasons["basis"] = adjusted ? "a column's name says its scores are adjusted" : "no column says the scores are adjusted: check";
        }

        if (!columns.ContainsKey("year") && YearIn(sample) is { } year)
        {
            fixedValues["year"] = year.ToString(CultureInfo.InvariantCulture);
            reasons["year"] = "no year column: the year in the sheet's name or title";
        }

        var words = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (field, column) in columns.Where(c => LayoutWords.HasWords(c.Key)))
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var value in sample.DistinctValues.GetValueOrDefault(column) ?? [])
            {
                if (LayoutWords.SuppressionMarker(value) is null)
                {
                    map[value] = Known(field, value) ?? string.Empty;
                }
            }

            if (map.Count > 0)
            {
                words[field] = map;
            }
        }

        var markers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in FiguresWithMarkers.Where(columns.ContainsKey))
        {
            foreach (var value in sample.DistinctValues.GetValueOrDefault(columns[field]) ?? [])
            {
                if (LayoutWords.SuppressionMarker(value) is { } meaning)
                {
                    markers.TryAdd(value, meaning);
                }
            }
        }

        var layout = new LayoutDefinition
        {
            Name = name,
            Header = sample.Header,
            Sheet = sample.Sheet,
            HeaderRow = sample.Sheet is null ? null : sample.HeaderLine,
            Columns = columns,
            Fixed = fixedValues,
            Words = words,
            SuppressionMarkers = markers,
        };
        return new LayoutProposal(layout, reasons);
    }

    private static string? Known(string field, string value)
    {
        if (LayoutWords.Known(field, value) is { } known)
        {
            return known;
        }

        var key = LayoutWords.Key(value);
        return LayoutWords.TidyWords[field].FirstOrDefault(w => LayoutWords.Key(w) == key);
    }

    private static (int Score, string? Reason) ByHeader(string field, string column)
    {
        var name = Normalise(column);
        var names = HeaderNames[field];
        if (names.Contains(name) || Normalise(field) == name)
        {
            return (100, $"its header '{column}' names {field}");
        }

        // "Lower 95% CI", "Case-mix adjusted score (%)": a known name within a longer header.
        var within = names.Where(n => n.Length >= 4 && $" {name} ".Contains($" {n} ", StringComparison.Ordinal)).MaxBy(n => n.Length);
        if (within is not null)
        {
            return (40 + Math.Min(within.Length, 30), $"its header '{column}' contains '{within}'");
        }

        return (0, null);
    }

    private static (int Score, string? Reason) ByContent(string field, List<string> values, IReadOnlyList<string> distinct)
    {
        if (values.Count == 0)
        {
            return (0, null);
        }

        bool All(Func<string, bool> test) => values.All(test);
        int Share(Func<string, bool> test) => values.Count(test) * 100 / values.Count;
        var numbers = values.Where(v => LayoutWords.SuppressionMarker(v) is null).Select(Number).ToList();
        var allNumbers = numbers.Count > 0 && numbers.All(n => n is not null);
        switch (field)
        {
            case "year" when All(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100):
                return (60, "every value is a survey year");
            case "question" when All(v => QuestionNumber().IsMatch(v)) && values.Any(v => v.StartsWith('Q') || v.StartsWith('q')):
                return (60, "every value is a question number");
            case "organisation_code" when Share(v => OrganisationCode().IsMatch(v)) >= 90 && distinct.Count > 1:
                return (45, "its values look like organisation codes");
            case "organisation_name" when Share(v => v.Contains(' ', StringComparison.Ordinal) && OrganisationWords().IsMatch(v)) >= 60:
                return (45, "its values look like organisation names");
            case "question_text" when values.Average(v => v.Length) > 30 && Share(v => v.EndsWith('?')) >= 50:
                return (50, "its values are questions");
            case "level" or "band" or "change_since_previous" or "tumour_group" or "breakdown" or "basis" or "scoring" or "group_difference"
                when distinct.Count > 0 && distinct.Where(d => LayoutWords.SuppressionMarker(d) is null).All(d => Known(field, d) is not null)
                    && !allNumbers:
                return (field is "level" or "band" or "tumour_group" ? 60 : 40, $"its values are known {field} words");
            case "respondents" when allNumbers && numbers.All(n => n >= 0 && n == Math.Floor(n!.Value)) && numbers.Max() > 100:
                return (20, "its values are whole numbers");
            case "score" when allNumbers && numbers.All(n => n is >= 0 and <= 100) && numbers.Any(n => n != Math.Floor(n!.Value)):
                return (20, "its values are figures on a score's scale");
            default:
                return (0, null);
        }
    }

    private static double? Number(string value)
    {
        var text = value.EndsWith('%') ? value[..^1] : value;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static int? YearIn(FileSample sample)
    {
        var match = Year().Match(sample.Sheet ?? string.Empty);
        return match.Success ? int.Parse(match.Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Headers compare in lower case with punctuation as spaces: "Lower.95..confidence.interval" is "lower 95 confidence interval".</summary>
    private static string Normalise(string header) =>
        string.Join(' ', NonWord().Replace(header.ToLowerInvariant(), " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"^[Qq]?\d{1,3}[a-z]?$")]
    private static partial Regex QuestionNumber();

    [GeneratedRegex(@"^(?=.*[A-Z])[A-Z0-9]{3,9}$")]
    private static partial Regex OrganisationCode();

    [GeneratedRegex(@"\b(NHS|Trust|ICB|CCG|Alliance|England|Foundation|Hospital|Region)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrganisationWords();

    [GeneratedRegex(@"\b20\d\d\b")]
    private static partial Regex Year();
}
