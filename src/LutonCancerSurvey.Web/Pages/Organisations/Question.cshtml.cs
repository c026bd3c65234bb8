using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Presentation;
using Microsoft.AspNetCore.Mvc;

namespace LutonCancerSurvey.Web.Pages.Organisations;

/// <summary>One question for one organisation: its trend, where it sits among its peers, and its Alliance.</summary>
public class QuestionModel(OrganisationHeaderQuery headers, QuestionQuery query, FunnelQuery funnels) : OrganisationPageModel(headers)
{
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
}
