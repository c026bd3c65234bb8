using System.Globalization;
using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Formatting;

/// <summary>
/// The one set of rules for writing numbers and counted words, used by pages, charts, findings, briefings and
/// downloads alike, so a figure reads the same everywhere: en-GB, each score with the decimal places its source
/// published, rounding half away from zero on the figure's decimal value (8.85 to one place is 8.9, as a reader
/// rounds it, not 8.8 as its binary approximation would give).
/// </summary>
public static class Format
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The minus sign differences are written with (U+2212), not a hyphen.</summary>
    public const string Minus = "−";

    /// <summary>The places a score has when its source's were not recorded: whole percentages, the rating to two.</summary>
    public static int DefaultDecimals(Scoring scoring) => scoring == Scoring.MeanOutOfTen ? 2 : 0;

    /// <summary>The places a score is written with: those recorded at import, else the scale's usual ones.</summary>
    public static int DecimalsOf(int? recorded, Scoring scoring) =>
        recorded is { } places ? Math.Clamp(places, 0, MaximumDecimals) : DefaultDecimals(scoring);

    /// <summary>
    /// Half the last digit a score was published to (0.5 for a whole-number percentage, 0.005 for a rating given to two
    /// decimals): how far the true figure may lie from the published one.
    /// </summary>
    public static double HalfLastDigit(int? recorded, Scoring scoring) => 0.5 * Math.Pow(10, -DecimalsOf(recorded, scoring));

    /// <summary>Figures are stored to four decimal places at most, so none is written with more.</summary>
    public const int MaximumDecimals = 4;

    /// <summary>
    /// The places <paramref name="value"/> needs once rounded to <see cref="MaximumDecimals"/>, without trailing zeros:
    /// 8.8 has 1, 56 has 0, and binary noise such as 56.00000000000001 adds none.
    /// </summary>
    public static int PlacesOf(double value)
    {
        var text = Math.Round(value, MaximumDecimals).ToString("0.####", CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : text.Length - point - 1;
    }

    /// <summary>Places for the ends of a confidence interval or expected range: one for percentages, two for the rating.</summary>
    public static int BoundDecimals(Scoring scoring) => scoring == Scoring.MeanOutOfTen ? 2 : 1;

    /// <summary>
    /// <paramref name="value"/> to <paramref name="decimals"/> places, rounded half away from zero on its decimal
    /// value (the shortest decimal that reads back to the same double): 8.85 → "8.9", 2.675 → "2.68".
    /// </summary>
    public static string Number(double value, int decimals)
    {
        var places = Math.Clamp(decimals, 0, 15);
        var rounded = Rounded(value, places);
        var text = rounded.ToString(FixedFormats[places], Culture);

        // A negative value that rounds to zero reads as zero, not "-0.0".
        return text.StartsWith('-') && rounded == 0 ? text[1..] : text;
    }

    /// <summary>The value as it is written at <paramref name="decimals"/> places, for comparing figures as shown.</summary>
    public static decimal Rounded(double value, int decimals)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only a finite number can be written.");
        }

        var places = Math.Clamp(decimals, 0, 15);
        var scaled = value * PowersOfTen[places];
        if (Math.Abs(scaled) < 1e9 && Math.Abs(Math.Abs(scaled - Math.Truncate(scaled)) - 0.5) > 1e-6)
        {
            // Not near a half: the double and the decimal it stands for round the same way, so the rounded whole
            // number of units is the answer, without writing out the double's decimal. Below 10^9 units a double's
            // step is under 1.2e-7 of a unit, so its error (a step or two from the scaling) cannot cross the margin.
            var units = (long)Math.Abs(Math.Round(scaled, MidpointRounding.AwayFromZero));
            return units == 0 ? decimal.Zero : new decimal((int)(units & 0xFFFFFFFF), (int)(units >> 32), 0, scaled < 0, (byte)places);
        }

        return RoundedExactly(value, places);
    }

    /// <summary>Rounds the shortest round-trip decimal of <paramref name="value"/>: what a value near a half needs.</summary>
    internal static decimal RoundedExactly(double value, int decimals)
    {
        // The shortest round-trip text is the figure as published (8.85, not 8.8499999999999996447...).
        var exact = decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        return Math.Round(exact, Math.Clamp(decimals, 0, 15), MidpointRounding.AwayFromZero);
    }

    private static readonly double[] PowersOfTen = [.. Enumerable.Range(0, 16).Select(p => Math.Pow(10, p))];

    private static readonly string[] FixedFormats = [.. Enumerable.Range(0, 16).Select(p => "F" + p.ToString(CultureInfo.InvariantCulture))];

    /// <summary>A score as every surface writes it: "65%" or "8.85", with its published places.</summary>
    public static string Score(double score, int? decimals, Scoring scoring) =>
        Number(score, DecimalsOf(decimals, scoring)) + (scoring == Scoring.PercentPositive ? "%" : string.Empty);

    /// <summary>
    /// An end of a confidence interval or expected range with the places it was published to, at most
    /// <see cref="BoundDecimals"/>: "54.6", "8.74", and "56" where the source gave a whole number (CCG and Alliance
    /// ranges are published so), which one place would dress up as "56.0", a precision the source never had.
    /// </summary>
    public static string Bound(double value, Scoring scoring) => Number(value, Math.Min(PlacesOf(value), BoundDecimals(scoring)));

    /// <summary>
    /// "54.6 to 68.0", or "56 to 72" where both ends were published whole: both ends get the places of the more precise
    /// one, so a range from a one-place source keeps its trailing zero.
    /// </summary>
    public static string Range(double lower, double upper, Scoring scoring)
    {
        var places = Math.Min(Math.Max(PlacesOf(lower), PlacesOf(upper)), BoundDecimals(scoring));
        return $"{Number(lower, places)} to {Number(upper, places)}";
    }

    /// <summary>
    /// A difference between two scores, signed, with the places of the more precise of them: "+6 points", "−1 point",
    /// "0 points" for percentages; "+0.12" on the 0-10 rating.
    /// </summary>
    public static string Difference(double difference, int decimals, Scoring scoring)
    {
        var rounded = Rounded(difference, decimals);
        var number = Number(Math.Abs(difference), decimals);
        var signed = rounded > 0 ? "+" + number : rounded < 0 ? Minus + number : number;
        return scoring == Scoring.MeanOutOfTen ? signed : signed + " " + Plural(Math.Abs(rounded), "point", "points");
    }

    /// <summary>A count with thousands separators: "1,234".</summary>
    public static string Count(long count) => count.ToString("N0", Culture);

    /// <summary>A count and its noun: "1 question", "19 questions", "1,234 respondents".</summary>
    public static string Count(long count, string singular, string plural) => $"{Count(count)} {Plural(count, singular, plural)}";

    /// <summary>The noun for <paramref name="count"/>: the singular for exactly one, the plural otherwise (0 questions).</summary>
    public static string Plural(long count, string singular, string plural) => count == 1 ? singular : plural;

    /// <summary>The noun for an amount as written: "1 point", but "1.5 points" and "0 points".</summary>
    public static string Plural(decimal amount, string singular, string plural) => amount == 1 ? singular : plural;

    /// <summary>"1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "31st", "102nd", "111th".</summary>
    public static string Ordinal(int number)
    {
        var suffix = (Math.Abs(number) % 100) is 11 or 12 or 13
            ? "th"
            : (Math.Abs(number) % 10) switch
            {
                1 => "st",
                2 => "nd",
                3 => "rd",
                _ => "th",
            };
        return Count(number) + suffix;
    }

    /// <summary>"Q22".</summary>
    public static string Question(int number) => "Q" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>"2018", never "2,018".</summary>
    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    public static string Basis(ResultBasis basis) => basis switch
    {
        ResultBasis.Adjusted => "case-mix adjusted",
        ResultBasis.Unadjusted => "unadjusted",
        _ => "unadjusted, for trends",
    };
}
