using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Presentation;
using Microsoft.AspNetCore.Mvc;

namespace LutonCancerSurvey.Web.Pages.Organisations;

/// <summary>One question for one organisation: its trend, where it sits among its peers, and its Alliance.</summary>
public class QuestionModel(OrganisationHeaderQuery headers, QuestionQuery query, FunnelQuery funnels, AnswersQuery answers) : OrganisationPageModel(headers)
{
    /// <summary>How respondents answered, the organisation's beside its Alliance's and England's; null when not published.</summary>
    public AnswersView? Answers { get; private set; }

    public QuestionDetail? Detail { get; private set; }

    /// <summary>The funnel plot's limits and the organisation's place on it, or null when no limits can be drawn.</summary>
    public QuestionFunnel? Funnel { get; private set; }

    /// <summary>The questions either side of this one, for stepping through them without going back to the list.</summary>
    public QuestionInfo? Previous { get; private set; }
    public QuestionInfo? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int number, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(code, cancellationToken) is { } stop)
        {
            return stop;
        }

        Detail = await query.QuestionDetailAsync(Header!, Filter!.Year, Filter.TumourGroupId, Filter.Basis, number, cancellationToken);
        Answers = await AnswersAsync(number, cancellationToken);

        // A question without a score has no result, only its answers: the page shows those.
        if (Detail is null && Answers is { Question.Scoring: Scoring.None })
        {
            return Page();
        }

        if (Detail is null)
        {
            Problem = new FilterError(404, $"Question {number} has no published {Filter.Year} result for {Header!.Organisation.Name} on this basis.");
            Response.StatusCode = Problem.StatusCode;
            return Page();
        }

        Funnel = await funnels.ForQuestionAsync(Detail, cancellationToken);
        (Previous, Next) = await query.NeighbouringQuestionsAsync(
            Header!.Organisation.Id, Filter.EditionId, Filter.TumourGroupId, Filter.Basis, number, cancellationToken);
        return Page();
    }

    private async Task<AnswersView?> AnswersAsync(int number, CancellationToken cancellationToken)
    {
        var organisation = Header!.Organisation;
        var ids = new[] { (int?)organisation.Id, organisation.AllianceId, Header.EnglandId }.OfType<int>().Distinct().ToList();
        var sets = await answers.ForQuestionAsync(Filter!.EditionId, number, Filter.TumourGroupId, ids, cancellationToken);
        if (sets.FirstOrDefault(s => s.OrganisationId == organisation.Id) is not { } own)
        {
            return null;
        }

        var alliance = sets.FirstOrDefault(s => s.OrganisationId == organisation.AllianceId && organisation.AllianceId != organisation.Id);
        var england = sets.FirstOrDefault(s => s.OrganisationId == Header.EnglandId && Header.EnglandId != organisation.Id);
        return new AnswersView(
            "answers-chart", own.Question,
            [
                new AnswersColumn(organisation.Name, false, own),
                .. alliance is null ? [] : new[] { new AnswersColumn($"{organisation.AllianceName} Cancer Alliance", false, alliance) },
                .. england is null ? [] : new[] { new AnswersColumn("England", true, england) },
            ],
            WithChart: true);
    }
}
