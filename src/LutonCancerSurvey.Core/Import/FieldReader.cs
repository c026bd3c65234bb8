using System.Globalization;
using LutonCancerSurvey.Core.Formatting;

namespace LutonCancerSurvey.Core.Import;

/// <summary>Reads named fields of the current record, turning every problem into an error that names line (or sheet and
/// cell) and column.</summary>
internal sealed class FieldReader(
    IReadOnlyDictionary<string, int> columns, Action<ImportError> report, StoredTextRules? storedText = null, string? sheet = null)
{
    private IRecordSource? _parser;

    public int Line { get; private set; }
    public bool HasErrors { get; private set; }

    public void MoveTo(IRecordSource parser, int line)
    {
        _parser = parser;
        Line = line;
        HasErrors = false;
    }

    /// <summary>For checks made once the record has been read, such as matching it to the database: they name its
    /// line but read no field.</summary>
    public void MoveTo(int line)
    {
        _parser = null;
        Line = line;
        HasErrors = false;
    }

    public void Fail(string? column, string message)
    {
        HasErrors = true;
        report(sheet is null
            ? new ImportError(Line, column, message)
            : new ImportError(Line, column, message)
            {
                Sheet = sheet,
                ColumnLetters = column is not null && columns.TryGetValue(column, out var index) ? XlsxRowReader.ColumnLetters(index) : null,
            });
    }

    public bool HasColumn(string column) => columns.ContainsKey(column);

    public string Text(string column)
    {
        var value = _parser![columns[column]].Trim();
        if (storedText is null || !storedText.MaxLengths.TryGetValue(column, out var max))
        {
            return value;
        }

        if (storedText.RestoreQuoted)
        {
            value = SpreadsheetText.Restore(value);
        }

        if (value.Length > max)
        {
            Fail(column, string.Create(CultureInfo.InvariantCulture,
                $"is {value.Length:N0} characters long; the most this column can hold is {max:N0}"));
        }

        return value;
    }

    public string RequiredText(string column)
    {
        var value = Text(column);
        if (value.Length == 0)
        {
            Fail(column, "is empty");
        }

        return value;
    }

    public double? Number(string column)
    {
        var value = Text(column);
        if (value.Length == 0)
        {
            return null;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || !double.IsFinite(number))
        {
            Fail(column, $"'{value}' is not a number");
            return null;
        }

        // Published figures have at most two decimals; the combined files carry binary noise such as 56.00000000000001.
        return Math.Round(number, MaximumDecimals);
    }

    /// <summary>
    /// The decimal places a number is written with, trailing zeros included ("8.80" has 2, "56" has 0). A figure
    /// written with more than <see cref="MaximumDecimals"/> places, or with an exponent, is stored rounded to that
    /// many, so its places are those of the rounded value without trailing zeros: binary noise such as
    /// 56.00000000000001 adds none. Null for an empty field.
    /// </summary>
    public int? WrittenDecimals(string column)
    {
        var value = Text(column);
        if (value.Length == 0)
        {
            return null;
        }

        var point = value.IndexOf('.', StringComparison.Ordinal);
        var written = point < 0 ? 0 : value.Length - point - 1;
        if (value.AsSpan().IndexOfAny('e', 'E') < 0 && written <= MaximumDecimals)
        {
            return written;
        }

        return Number(column) is { } rounded ? Format.PlacesOf(rounded) : null;
    }

    /// <summary>Every figure is stored rounded to this many decimal places.</summary>
    public const int MaximumDecimals = 4;

    public int? WholeNumber(string column)
    {
        var number = Number(column);
        if (number is null)
        {
            return null;
        }

        if (number < 0 || number != Math.Floor(number.Value) || number > int.MaxValue)
        {
            Fail(column, $"'{Text(column)}' is not a whole number of respondents");
            return null;
        }

        return (int)number.Value;
    }

    public T? Choice<T>(string column, IReadOnlyDictionary<string, T> choices, bool required)
        where T : struct
    {
        var value = Text(column);
        if (value.Length == 0)
        {
            if (required)
            {
                Fail(column, "is empty");
            }

            return null;
        }

        if (choices.TryGetValue(value, out var choice))
        {
            return choice;
        }

        Fail(column, $"'{value}' is not one of: {string.Join(", ", choices.Keys)}");
        return null;
    }
}

/// <summary>The declared size of each stored text column, and whether its text comes quoted against formulas.</summary>
internal sealed record StoredTextRules(IReadOnlyDictionary<string, int> MaxLengths, bool RestoreQuoted);
