using System.Globalization;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Formatting;

namespace LutonCancerSurvey.Core.Findings;

/// <summary>
/// The words findings are written in. Every number goes through <see cref="Format"/>, the rules the pages use too, so a
/// finding quotes a figure exactly as the tables show it.
/// </summary>
public static class FindingText
{
    public static CultureInfo Culture => Format.Culture;

    /// <summary>A score with its published places: 65% or 8.85.</summary>
    public static string Score(double score, int? decimals, Scoring scoring) => Format.Score(score, decimals, scoring);

    /// <summary>A figure's score with its published places; the figure must have one.</summary>
    public static string Score(Figure figure, Scoring scoring)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var score = figure.Score ?? throw new ArgumentException("A figure without a score cannot be written.", nameof(figure));
        return Format.Score(score, figure.Decimals, scoring);
    }

    public static string Range(double lower, double upper, Scoring scoring) => Format.Range(lower, upper, scoring);

    /// <summary>A difference: +6 points, or +0.12 on the rating.</summary>
    public static string Difference(double difference, int? decimals, Scoring scoring) =>
        Format.Difference(difference, Format.DecimalsOf(decimals, scoring), scoring);

    public static string Count(int count) => Format.Count(count);

    public static string Count(int count, string singular, string plural) => Format.Count(count, singular, plural);

    public static string Respondents(Figure? figure) =>
        figure?.Respondents is { } n && !figure.IsSuppressed ? Count(n) : "not published";

    public static string PValue(double p) => p < 0.001 ? "p < 0.001" : "p = " + Format.Number(p, 3);

    public static string Z(double z) => "z = " + Format.Number(z, 2);

    /// <summary>A standard deviation of answers out of ten, at two places, as the method text states it.</summary>
    public static string Spread(double standardDeviation) => Format.Number(standardDeviation, 2);

    /// <summary>A significance threshold such as 0.05 or 0.00098, to two significant figures.</summary>
    public static string Level(double alpha) => alpha.ToString("G2", Culture);

    public static string Question(int number) => Format.Question(number);

    public static string Year(int year) => Format.Year(year);

    /// <summary>"Q22, “Did hospital staff …?”" for sentences that name a question.</summary>
    public static string QuestionName(QuestionInfo question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return $"{Question(question.Number)}, “{question.Text}”";
    }

    /// <summary>The score with its unit as a sentence reads it: "65% positive" or "8.85 out of 10".</summary>
    public static string ScoreWords(double score, int? decimals, Scoring scoring) =>
        Score(score, decimals, scoring) + (scoring == Scoring.MeanOutOfTen ? " out of 10" : " positive");

    public static string Basis(ResultBasis basis) => Format.Basis(basis);

    /// <summary>Why a figure is not shown, in the words the tables use.</summary>
    public static string NotShown(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.Suppression == Suppression.FewRespondents
            ? "not shown: " + Disclosure.FewerThanMinimum
            : "not shown: suppressed by the source";
    }
}
