using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Import;

/// <summary>One question's answers for one organisation, tumour group and breakdown in an edition.</summary>
internal readonly record struct AnswerSetKey(int EditionId, int OrganisationId, int QuestionId, int TumourGroupId, int BreakdownId)
{
    public static AnswerSetKey Of(ResultKey key) => new(key.EditionId, key.OrganisationId, key.QuestionId, key.TumourGroupId, key.BreakdownId);
}

/// <summary>
/// Gathers a file's answer options and their questions' respondents while the results stream past, then writes each
/// question's answers in place of any stored before. The question's own row gives its respondents: the unadjusted
/// result of a scored question, or the row with scoring "none" of a question without a score; the disclosure rule
/// applies to that count, and a question below it keeps no option's figure.
/// </summary>
internal sealed class AnswerImport
{
    private readonly Dictionary<AnswerSetKey, (int Line, int? Respondents, Suppression Suppression)> _questions = [];
    private readonly Dictionary<AnswerSetKey, List<ImportRow>> _options = [];
    private readonly Dictionary<AnswerSetKey, int> _unscored = [];

    /// <summary>An answer option: refused when the file already gave the same question an option in that place.</summary>
    public void AddOption(ImportRow row, ResultKey key, FieldReader field)
    {
        var setKey = AnswerSetKey.Of(key);
        if (!_options.TryGetValue(setKey, out var options))
        {
            _options[setKey] = options = [];
        }

        if (options.FirstOrDefault(o => o.Answer!.Order == row.Answer!.Order) is { } earlier)
        {
            field.Fail("answer_order", $"duplicate answer: line {earlier.Line} gives the same question option {row.Answer!.Order}");
            return;
        }

        options.Add(row);
    }

    /// <summary>
    /// A question's own row, which gives the respondents its answers are out of: a result on any basis (the count is
    /// the same), the unadjusted one where the file has several, as answers are raw counts.
    /// </summary>
    public void AddQuestion(ImportRow row, ResultKey key)
    {
        var setKey = AnswerSetKey.Of(key);
        if (row.Scoring == Scoring.None)
        {
            _unscored[setKey] = row.Line;
        }

        if (!_questions.ContainsKey(setKey) || key.Basis == ResultBasis.Unadjusted)
        {
            _questions[setKey] = (row.Line, row.Respondents, row.Suppression);
        }
    }

    /// <summary>Options whose question has no row of its own, and questions without a score that give no options.</summary>
    public IEnumerable<ImportError> Check()
    {
        foreach (var (_, options) in _options.Where(o => !_questions.ContainsKey(o.Key)))
        {
            yield return new ImportError(options[0].Line, "answer",
                "the answer's question has no row of its own in the file: give its result (on any basis; or, for a question "
                + "without a score, a row with scoring 'none') with the same year, organisation, question, tumour group and breakdown");
        }

        foreach (var (_, line) in _unscored.Where(u => !_options.ContainsKey(u.Key)))
        {
            yield return new ImportError(line, "scoring", "the question has no score, so the file must give its answers: no row names one");
        }
    }

    /// <summary>Replaces the stored answers of every question the file gives answers for.</summary>
    public async Task WriteAsync(SurveyDbContext db, int importId, CancellationToken cancellationToken)
    {
        foreach (var (key, options) in _options)
        {
            await db.AnswerSets.IncludingDrafts()
                .Where(a => a.EditionId == key.EditionId && a.OrganisationId == key.OrganisationId && a.QuestionId == key.QuestionId
                    && a.TumourGroupId == key.TumourGroupId && a.BreakdownId == key.BreakdownId)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);

            var question = _questions[key];
            var shown = question.Suppression == Suppression.None;
            db.AnswerSets.Add(new AnswerSet
            {
                EditionId = key.EditionId,
                OrganisationId = key.OrganisationId,
                QuestionId = key.QuestionId,
                TumourGroupId = key.TumourGroupId,
                BreakdownId = key.BreakdownId,
                Respondents = shown ? question.Respondents : null,
                Suppression = question.Suppression,
                ImportId = importId,
                Options = [.. options.OrderBy(o => o.Answer!.Order).Select(o => new AnswerOption
                {
                    Order = o.Answer!.Order,
                    Label = o.Answer.Label,
                    CountsAsPositive = o.Answer.CountsAsPositive,
                    Respondents = shown ? o.Respondents : null,
                    Percent = shown ? o.Score : null,
                    PercentDecimals = shown ? o.ScoreDecimals : null,
                    Suppression = shown ? o.Suppression : question.Suppression,
                })],
            });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
