using System.Globalization;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Core.Findings;

/// <summary>
/// Numbers as findings write them, following the dashboard's rules: en-GB, percentages as whole numbers, the 0-10
/// rating to one decimal in sentences and two in evidence (as in tables).
/// </summary>
public static class FindingText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A score as a sentence writes it: 65% or 8.7.</summary>
    public static string Headline(double score, Scoring scoring) =>
        scoring == Scoring.MeanOutOfTen ? score.ToString("0.0", Culture) : score.ToString("0", Culture) + "%";

    /// <summary>A score as evidence (and tables) write it: 65% or 8.74.</summary>
    public static string Precise(double score, Scoring scoring) =>
        scoring == Scoring.MeanOutOfTen ? score.ToString("0.00", Culture) : score.ToString("0", Culture) + "%";

    /// <summary>A bound of an interval: one decimal for percentages, two for the rating, as the tables show them.</summary>
    public static string Bound(double value, Scoring scoring) =>
        scoring == Scoring.MeanOutOfTen ? value.ToString("0.00", Culture) : value.ToString("0.0", Culture);

    public static string Range(double lower, double upper, Scoring scoring) =>
        $"{Bound(lower, scoring)} to {Bound(upper, scoring)}";

    /// <summary>A difference: +6 points, or +0.12 on the rating.</summary>
    public static string Difference(double difference, Scoring scoring) =>
        scoring == Scoring.MeanOutOfTen
            ? difference.ToString("+0.00;−0.00;0.00", Culture)
            : difference.ToString("+0;−0;0", Culture) + (Math.Abs(Math.Round(difference)) == 1 ? " point" : " points");

    public static string Count(int count) => count.ToString("N0", Culture);

    public static string Respondents(Figure? figure) =>
        figure?.Respondents is { } n && !figure.IsSuppressed ? Count(n) : "not published";

    public static string PValue(double p) => p < 0.001 ? "p < 0.001" : "p = " + p.ToString("0.000", Culture);

    public static string Z(double z) => "z = " + z.ToString("0.00", Culture);

    /// <summary>A significance threshold such as 0.05 or 0.00098, to two significant figures.</summary>
    public static string Level(double alpha) => alpha.ToString("G2", Culture);

    public static string Question(int number) => "Q" + number.ToString(CultureInfo.InvariantCulture);

    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    /// <summary>"Q22, “Did hospital staff …?”" for sentences that name a question.</summary>
    public static string QuestionName(QuestionInfo question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return $"{Question(question.Number)}, “{question.Text}”";
    }

    /// <summary>The score with its unit as a sentence reads it: "65% positive" or "8.7 out of 10".</summary>
    public static string ScoreWords(double score, Scoring scoring) =>
        scoring == Scoring.MeanOutOfTen ? Headline(score, scoring) + " out of 10" : Headline(score, scoring) + " positive";

    public static string Basis(ResultBasis basis) => basis switch
    {
        ResultBasis.Adjusted => "case-mix adjusted",
        ResultBasis.Unadjusted => "unadjusted",
        _ => "unadjusted, for trends",
    };

    /// <summary>Why a figure is not shown, in the words the tables use.</summary>
    public static string NotShown(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.Suppression == Suppression.FewRespondents
            ? "not shown: " + Disclosure.FewerThanMinimum
            : "not shown: suppressed by the source";
    }
}
