using System.Text;

namespace LutonCancerSurvey.Core.Tests.Support;

/// <summary>
/// Builds small files in the CPES combined layout (the real 25-column header) from invented rows: each row starts
/// from a valid CCG result and overrides only the fields a test is about.
/// </summary>
public sealed class CombinedCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Geog", "Trust.Code", "Trust.Name", "Year", "Gender", "IMD", "Cancer.Type", "Question.Number", "Question.Text",
        "adjusted.unadjusted.yearonyear", "Number.of.responses", "scored.percentage", "Lower.95..confidence.interval",
        "Upper.95..confidence.interval", "Performance.Rating", "Performance", "Expected.Range..lower.",
        "Expected.Range..upper.", "Significant.Change.2017.2018", "SignificantChangeOverallyears", "Significance.test",
        "qnum", "abrvperformance", "CALNCV18NM", "cpesqtype",
    ];

    private readonly List<string> _lines = [];
    private IReadOnlyList<string> _header = Header;

    public static CombinedCsv Create() => new();

    /// <summary>A valid unadjusted all-cancer result of an invented CCG; override fields by column name.</summary>
    public static Dictionary<string, string> DefaultRow() => new(StringComparer.Ordinal)
    {
        ["Geog"] = "CCG",
        ["Trust.Code"] = "99X",
        ["Trust.Name"] = "NHS Testshire CCG",
        ["Year"] = "2018",
        ["Gender"] = "Both",
        ["IMD"] = "All",
        ["Cancer.Type"] = "All Cancers",
        ["Question.Number"] = "Q22",
        ["Question.Text"] = "Were you told by hospital staff how to get financial help, or benefits?",
        ["adjusted.unadjusted.yearonyear"] = "unadjusted",
        ["Number.of.responses"] = "131.0",
        ["scored.percentage"] = "66.0",
        ["Lower.95..confidence.interval"] = "57.99999999999999",
        ["Upper.95..confidence.interval"] = "74.0",
        ["Performance.Rating"] = string.Empty,
        ["Performance"] = string.Empty,
        ["Expected.Range..lower."] = string.Empty,
        ["Expected.Range..upper."] = string.Empty,
        ["Significant.Change.2017.2018"] = string.Empty,
        ["SignificantChangeOverallyears"] = string.Empty,
        ["Significance.test"] = string.Empty,
        ["qnum"] = "22.0",
        ["abrvperformance"] = string.Empty,
        ["CALNCV18NM"] = "Test Alliance",
        ["cpesqtype"] = "Support",
    };

    /// <summary>Replaces the header, e.g. to drop or rename a column; rows added afterwards follow this header's order.</summary>
    public CombinedCsv WithHeader(IReadOnlyList<string> header)
    {
        _header = header;
        return this;
    }

    public CombinedCsv Row(params (string Column, string Value)[] overrides)
    {
        var row = DefaultRow();
        foreach (var (column, value) in overrides)
        {
            if (!row.ContainsKey(column))
            {
                throw new ArgumentException($"'{column}' is not a column of the combined layout", nameof(overrides));
            }

            row[column] = value;
        }

        _lines.Add(string.Join(',', _header.Select(c => Quote(row.GetValueOrDefault(c, string.Empty)))));
        return this;
    }

    /// <summary>Adds a line exactly as given (no quoting), e.g. with the wrong number of fields.</summary>
    public CombinedCsv RawLine(string line)
    {
        _lines.Add(line);
        return this;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', _header.Select(Quote))).Append('\n');
        foreach (var line in _lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    private static string Quote(string value) =>
        value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
