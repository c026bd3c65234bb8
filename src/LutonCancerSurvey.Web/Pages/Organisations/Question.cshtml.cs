using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Statistics;
using LutonCancerSurvey.Web.Presentation;
using Microsoft.AspNetCore.Mvc;

namespace LutonCancerSurvey.Web.Pages.Organisations;

/// <summary>One question for one organisation: its trend, where it sits among its peers, and its Alliance.</summary>
public class QuestionModel(DashboardQueries queries) : OrganisationPageModel(queries)
{
    public const double InnerLimit = 0.95;
    public const double OuterLimit = 0.998;
    private const int CurvePoints = 30;

    public QuestionDetail? Detail { get; private set; }

    /// <summary>Funnel limits around England at 95 % and 99.8 %, or null when England's figure cannot support them.</summary>
    public IReadOnlyList<(FunnelPoint Inner, FunnelPoint Outer)>? Limits { get; private set; }

    public FunnelPosition? Position { get; private set; }
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

        ComputeComparison(Detail);
        return Page();
    }

    private void ComputeComparison(QuestionDetail detail)
    {
        var own = detail.Organisation;
        var code = detail.Header.Organisation.Code;
        if (own is { IsSuppressed: false, Score: { } score } && detail.Peers.Any(p => p.Code == code))
        {
            // Every scored question is worded so that a higher score is a better experience.
            Rank = Ranking.Rank(detail.Peers.Select(p => p.Score).ToList(), score, higherIsBetter: true);
        }

        if (detail.England is not { IsSuppressed: false, Score: { } national } || detail.Peers.Count == 0)
        {
            return;
        }

        var minN = Math.Max(21, detail.Peers.Min(p => p.Respondents));
        var maxN = Math.Max(minN + 1, detail.Peers.Max(p => p.Respondents));
        if (detail.Question.Scoring == Scoring.PercentPositive)
        {
            var inner = Funnel.Curve(national, minN, maxN, CurvePoints, InnerLimit);
            var outer = Funnel.Curve(national, minN, maxN, CurvePoints, OuterLimit);
            Limits = inner.Zip(outer).ToList();
            if (own is { IsSuppressed: false, Score: { } s, Respondents: { } n })
            {
                Position = Funnel.Classify(s, n, national, OuterLimit);
            }
        }
        else if (StandardDeviation(detail.England) is { } sd)
        {
            var inner = Funnel.CurveForMean(national, sd, minN, maxN, CurvePoints, InnerLimit);
            var outer = Funnel.CurveForMean(national, sd, minN, maxN, CurvePoints, OuterLimit);
            Limits = inner.Zip(outer).ToList();
            if (own is { IsSuppressed: false, Score: { } s, Respondents: { } n })
            {
                Position = Funnel.Classify(s, Funnel.LimitsForMean(national, sd, n, OuterLimit));
            }
        }
    }

    /// <summary>
    /// The spread of individual ratings, recovered from England's published 95 % interval and respondents
    /// (half-width = 1.96 × SD / √n); the survey publishes no standard deviation itself.
    /// </summary>
    public static double? StandardDeviation(Figure england)
    {
        ArgumentNullException.ThrowIfNull(england);
        if (england is not { CiLower: { } lower, CiUpper: { } upper, Respondents: { } n } || n <= 0 || upper <= lower)
        {
            return null;
        }

        return (upper - lower) / 2 / Normal.TwoSidedCriticalValue(0.95) * Math.Sqrt(n);
    }
}
