using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Presentation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LutonCancerSurvey.Web.Pages;

/// <summary>The home organisation's latest published results at a glance, against England.</summary>
public class IndexModel(
    OrganisationHeaderQuery headers, ResultsQuery results, TumourGroupsQuery tumourGroups, KeyFindingsSource findings,
    IConfiguration configuration) : PageModel
{
    public const int GapsShown = 3;

    public string HomeCode { get; } = configuration["Dashboard:HomeOrganisation"] ?? "06P";
    public OrganisationHeader? Header { get; private set; }
    public ResultsFilter? Filter { get; private set; }
    public IReadOnlyList<QuestionResult> Results { get; private set; } = [];
    public IReadOnlyList<TumourGroupFigure> OverallByTumour { get; private set; } = [];

    public KeyFindingsView? KeyFindings { get; private set; }

    public QuestionResult? OverallRating =>
        Results.FirstOrDefault(r => r.Question.Number == Core.Domain.OverallRating.NumberIn(Results.Select(q => q.Question)));

    public int CountBand(Band band) => Results.Count(r => r.Organisation is { IsSuppressed: false } f && f.Band == band);

    public int WithoutBand => Results.Count(r => r.Organisation is not { IsSuppressed: false, Band: not null });

    /// <summary>Percentage questions only: points on a 0-100 scale do not compare with a 0-10 rating.</summary>
    public IReadOnlyList<QuestionResult> LargestGaps(bool above) =>
        Results.Where(r => r.Question.Scoring == Scoring.PercentPositive && r.GapToEngland is { } gap && (above ? gap > 0 : gap < 0))
            .OrderByDescending(r => above ? r.GapToEngland : -r.GapToEngland)
            .ThenBy(r => r.Question.Number)
            .Take(GapsShown)
            .ToList();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Header = await headers.HeaderAsync(HomeCode, cancellationToken);
        if (Header is null)
        {
            return;
        }

        (Filter, _) = ResultsFilter.Resolve(Header, null, null, null);
        if (Filter is null)
        {
            return;
        }

        Header = Header.In(Filter.Year);
        Results = await results.ResultsAsync(Header, Filter.EditionId, Filter.TumourGroupId, Filter.Basis, cancellationToken);
        OverallByTumour = Core.Domain.OverallRating.NumberIn(Results.Select(q => q.Question)) is { } overall
            ? await tumourGroups.ByTumourGroupAsync(Header, Filter.EditionId, overall, cancellationToken)
            : [];
        KeyFindings = await findings.ForAsync(Header, Filter.Year, cancellationToken);
    }
}
