using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Formatting;
using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Web.Presentation;

/// <summary>One column of an answers table: an organisation (or England) and how its respondents answered.</summary>
public sealed record AnswersColumn(string Name, bool IsNational, AnswerSetView Answers);

/// <summary>
/// How respondents answered one question, for the organisation and those it is compared with: a table with one row
/// per option and one column per organisation, and on the question page a stacked bar drawn from that table.
/// </summary>
public sealed record AnswersView(string Id, QuestionInfo Question, IReadOnlyList<AnswersColumn> Columns, bool WithChart)
{
    /// <summary>The options in the questionnaire's order, as the first organisation that has each names it.</summary>
    public IReadOnlyList<(int Order, string Label, bool CountsAsPositive)> Options =>
        Columns.SelectMany(c => c.Answers.Options)
            .GroupBy(o => o.Order)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.First().Label, g.First().CountsAsPositive))
            .ToList();

    /// <summary>What a cell shows: the percentage as published, or why it is withheld.</summary>
    public static string Share(AnswersColumn column, int order)
    {
        ArgumentNullException.ThrowIfNull(column);
        var answers = column.Answers;
        if (answers.IsSuppressed)
        {
            return answers.Suppression == Suppression.Source ? Display.SuppressedBySource : Display.FewRespondents;
        }

        return answers.Options.FirstOrDefault(o => o.Order == order) switch
        {
            null => Display.NoResult,
            { IsSuppressed: true, Suppression: Suppression.FewRespondents } => "Not shown: too few respondents chose it",
            { IsSuppressed: true } => Display.SuppressedBySource,
            var option => Format.Score(option.Percent!.Value, option.PercentDecimals, Scoring.PercentPositive),
        };
    }

    /// <summary>The chart's value for a cell: empty when withheld, so the bar keeps its place without a segment.</summary>
    public static string ShareData(AnswersColumn column, int order)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Answers.IsSuppressed
            ? string.Empty
            : Display.Data(column.Answers.Options.FirstOrDefault(o => o.Order == order) is { IsSuppressed: false } option ? option.Percent : null);
    }

    public static string Respondents(AnswersColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Answers.IsSuppressed || column.Answers.Respondents is not { } n ? "–" : Format.Count(n);
    }
}
