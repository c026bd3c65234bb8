using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Import;

/// <summary>Checks a row's figures against its scale and applies disclosure control.</summary>
internal static class RowRules
{
    public const int MinimumRespondents = Disclosure.MinimumRespondents;

    public static ImportRow? Apply(ImportRow row, FieldReader field, IReadOnlyDictionary<string, string> columnNames)
    {
        if (row.Answer is not null)
        {
            return ApplyToAnswer(row, field, columnNames);
        }

        var row2 = Suppress(row);
        if (row2.Suppression != Suppression.None)
        {
            return row2;
        }

        var (max, unit) = row.Scoring == Scoring.MeanOutOfTen ? (10.0, "a mean score from 0 to 10") : (100.0, "a percentage from 0 to 100");
        CheckScale(field, columnNames["score"], row.Score, max, unit);
        CheckScale(field, columnNames["ci_lower"], row.CiLower, max, unit);
        CheckScale(field, columnNames["ci_upper"], row.CiUpper, max, unit);
        CheckScale(field, columnNames["expected_lower"], row.ExpectedLower, max, unit);
        CheckScale(field, columnNames["expected_upper"], row.ExpectedUpper, max, unit);

        if ((row.CiLower is null) != (row.CiUpper is null))
        {
            field.Fail(columnNames[row.CiLower is null ? "ci_lower" : "ci_upper"], "a confidence interval needs both ends");
        }
        else if (row.CiLower is { } lower && row.CiUpper is { } upper)
        {
            // Scores are published rounded (percentages to whole numbers), their intervals are not: allow half a unit.
            var tolerance = row.Scoring == Scoring.MeanOutOfTen ? 0.005 : 0.5;
            if (lower > upper)
            {
                field.Fail(columnNames["ci_lower"], $"the confidence interval's lower end {lower} is above its upper end {upper}");
            }
            else if (row.Score < lower - tolerance || row.Score > upper + tolerance)
            {
                field.Fail(columnNames["score"], $"the score {row.Score} is not within its confidence interval {lower}-{upper}");
            }
        }

        if ((row.ExpectedLower is null) != (row.ExpectedUpper is null))
        {
            field.Fail(columnNames[row.ExpectedLower is null ? "expected_lower" : "expected_upper"], "an expected range needs both ends");
        }
        else if (row.ExpectedLower > row.ExpectedUpper)
        {
            field.Fail(columnNames["expected_lower"], "the expected range's lower end is above its upper end");
        }

        return field.HasErrors ? null : row2;
    }

    /// <summary>
    /// An answer option's count may be small: the minimum applies to the question's respondents (its own row), and an
    /// option is withheld only where the source marks it so. A suppressed option keeps no figure.
    /// </summary>
    private static ImportRow? ApplyToAnswer(ImportRow row, FieldReader field, IReadOnlyDictionary<string, string> columnNames)
    {
        if (row.Suppression != Suppression.None)
        {
            return row with { Respondents = null, Score = null, ScoreDecimals = null };
        }

        CheckScale(field, columnNames["score"], row.Score, 100, "the percentage of respondents choosing the answer, from 0 to 100");
        return field.HasErrors ? null : row;
    }

    /// <summary>A suppressed result keeps no figure at all, so no page, chart, download or API can show one.</summary>
    private static ImportRow Suppress(ImportRow row)
    {
        var suppression = row.Suppression;

        // Fewer than the minimum respondents is the disclosure rule whatever the file says: an empty score with n = 4 is not
        // "withheld by the source although it had enough respondents".
        if (row.Respondents < MinimumRespondents)
        {
            suppression = Suppression.FewRespondents;
        }

        if (suppression == Suppression.None)
        {
            return row;
        }

        return row with
        {
            Suppression = suppression,
            Respondents = null,
            Score = null,
            ScoreDecimals = null,
            CiLower = null,
            CiUpper = null,
            ExpectedLower = null,
            ExpectedUpper = null,
            Band = null,
            ChangeSincePrevious = null,
            ChangeOverall = null,
            GroupDifferenceSignificant = null,
            ComparedWith = null,
        };
    }

    private static void CheckScale(FieldReader field, string column, double? value, double max, string unit)
    {
        if (value is < 0 || value > max)
        {
            field.Fail(column, $"{value} is outside the scale: expected {unit}");
        }
    }
}
