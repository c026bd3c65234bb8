using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>One answer option as shown: no figure when the option or its question is suppressed.</summary>
public sealed record AnswerShare(int Order, string Label, bool CountsAsPositive, int? Respondents, double? Percent, int? PercentDecimals, Suppression Suppression)
{
    public bool IsSuppressed => Suppression != Suppression.None || Percent is null;

    /// <summary>Why it is not shown, as pages, downloads and the API say it: the source's own mark, else too few respondents; None when shown.</summary>
    public Suppression Withheld => AnswerSetView.WithheldAs(IsSuppressed, Suppression);
}

/// <summary>How one organisation's respondents answered one question: its respondents and options in order.</summary>
public sealed record AnswerSetView(int OrganisationId, QuestionInfo Question, int? Respondents, Suppression Suppression, IReadOnlyList<AnswerShare> Options)
{
    /// <summary>
    /// Too few respondents, or suppressed by the source: nothing of it is shown. The import keeps no option's figure
    /// then; the count is checked again here so that a row stored by any other route cannot show one either.
    /// </summary>
    public bool IsSuppressed => Suppression != Suppression.None || Respondents is not >= Disclosure.MinimumRespondents;

    /// <summary>Why it is not shown: the source's own mark, else too few respondents; None when shown.</summary>
    public Suppression Withheld => WithheldAs(IsSuppressed, Suppression);

    internal static Suppression WithheldAs(bool withheld, Suppression suppression) =>
        !withheld ? Suppression.None : suppression == Suppression.None ? Suppression.FewRespondents : suppression;
}

/// <summary>
/// The answers (response frequencies) the results and question pages show beside the scores, all patients only; the
/// context's visibility filter keeps them to the editions this viewer may see. Held per data version and kind of
/// viewer (<see cref="HeldReads"/>), like the scores beside them.
/// </summary>
public sealed class AnswersQuery(SurveyDbContext db, HeldReads held)
{
    /// <summary>Every question's answers in one edition and tumour group for the given organisations (the page's and England).</summary>
    public Task<IReadOnlyList<AnswerSetView>> ForEditionAsync(
        int editionId, int tumourGroupId, IReadOnlyCollection<int> organisationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisationIds);
        return held.GetOrReadAsync(
            new Key(editionId, null, tumourGroupId, Ids(organisationIds)),
            () => ReadAsync(
                db.AnswerSets.Where(a => a.EditionId == editionId && a.TumourGroupId == tumourGroupId && organisationIds.Contains(a.OrganisationId)),
                cancellationToken),
            Rows, cancellationToken);
    }

    /// <summary>One question's answers in one edition and tumour group for the given organisations.</summary>
    public Task<IReadOnlyList<AnswerSetView>> ForQuestionAsync(
        int editionId, int questionNumber, int tumourGroupId, IReadOnlyCollection<int> organisationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisationIds);
        return held.GetOrReadAsync(
            new Key(editionId, questionNumber, tumourGroupId, Ids(organisationIds)),
            () => ReadAsync(
                db.AnswerSets.Where(a => a.EditionId == editionId && a.Question!.Number == questionNumber && a.TumourGroupId == tumourGroupId
                    && organisationIds.Contains(a.OrganisationId)),
                cancellationToken),
            Rows, cancellationToken);
    }

    /// <summary>The organisations as one comparable value, in order, so the same page asks for the same entry.</summary>
    private static string Ids(IReadOnlyCollection<int> organisationIds) => string.Join(',', organisationIds.Order());

    private static int Rows(IReadOnlyList<AnswerSetView> sets) => sets.Sum(s => 1 + s.Options.Count);

    private async Task<IReadOnlyList<AnswerSetView>> ReadAsync(IQueryable<AnswerSet> sets, CancellationToken cancellationToken)
    {
        // A question whose result is now withheld (a later file corrected it without giving its answers again) shows
        // none of the answers stored before: the answers never say more than the result may.
        var rows = await sets.AsNoTracking()
            .Where(a => a.BreakdownId == Breakdown.AllPatientsId)
            .Select(a => new
            {
                a.OrganisationId,
                Question = new QuestionInfo(a.Question!.Number, a.Question.Text, a.Question.Section, a.Question.Scoring, null),
                a.Respondents,
                Suppression = db.Results
                    .Where(r => r.EditionId == a.EditionId && r.OrganisationId == a.OrganisationId && r.QuestionId == a.QuestionId
                        && r.TumourGroupId == a.TumourGroupId && r.BreakdownId == a.BreakdownId && r.Suppression != Suppression.None)
                    .Select(r => (Suppression?)r.Suppression)
                    .Max() ?? a.Suppression,
                Options = a.Options.OrderBy(o => o.Order)
                    .Select(o => new AnswerShare(o.Order, o.Label, o.CountsAsPositive, o.Respondents, o.Percent, o.PercentDecimals, o.Suppression))
                    .ToList(),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows
            .Select(r =>
            {
                var set = new AnswerSetView(r.OrganisationId, r.Question, r.Respondents, r.Suppression, r.Options);
                return set.IsSuppressed ? set with { Respondents = null, Options = [.. r.Options.Select(Withheld)] } : set;
            })
            .OrderBy(s => s.Question.Number)
            .ToList();
    }

    private static AnswerShare Withheld(AnswerShare option) =>
        option with { Respondents = null, Percent = null, PercentDecimals = null, Suppression = AnswerSetView.WithheldAs(true, option.Suppression) };

    private sealed record Key(int EditionId, int? QuestionNumber, int TumourGroupId, string OrganisationIds);
}
