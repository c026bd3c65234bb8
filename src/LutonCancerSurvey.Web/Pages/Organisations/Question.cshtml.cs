using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Statistics;
using LutonCancerSurvey.Web.Presentation;
using Microsoft.AspNetCore.Mvc;

namespace LutonCancerSurvey.Web.Pages.Organisations;

/// <summary>One question for one organisation: its trend, where it sits among its peers, and its Alliance.</summary>
public class QuestionModel(DashboardQueries queries, FunnelQueries funnels) : OrganisationPageModel(queries)
{
    public QuestionDetail? Detail { get; private set; }

    /// <summary>The funnel plot's limits and the organisation's place on it, or null when no limits can be drawn.</summary>
    public QuestionFunnel? Funnel { get; private set; }

    public RankResult? Rank { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int number, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(code, cancellationToken) is { } stop)
        {
            return stop;
        }

        Detail = await Queries.QuestionDetailAsync(Header!, Filter!.Year, Filter.TumourGroupId, Filter.Basis, number, cancellationToken);
        if (Detail is null)
        {
            Problem = new FilterError(404, $"Question {number} has no published {Filter.Year} result for {Header!.Organisation.Name} on this basis.");
            Response.StatusCode = Problem.StatusCode;
            return Page();
        }

        Funnel = await funnels.ForQuestionAsync(Detail, cancellationToken);
        var own = Detail.Organisation;
        if (own is { IsSuppressed: false, Score: { } score } && Detail.Peers.Any(p => p.Code == Detail.Header.Organisation.Code))
        {
            // Every scored question is worded so that a higher score is a better experience.
            // Ties are judged on the figures as the table shows them: two CCGs both shown as 65% are joint.
            var scoring = Detail.Question.Scoring;
            Rank = Ranking.Rank(
                Detail.Peers.Select(p => Shown(p.Score, p.Decimals, scoring)).ToList(), Shown(score, own.Decimals, scoring), higherIsBetter: true);
        }

        return Page();
    }

    private static double Shown(double score, int? decimals, Core.Domain.Scoring scoring) =>
        (double)Core.Formatting.Format.Rounded(score, Core.Formatting.Format.DecimalsOf(decimals, scoring));
}
