using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Web.Presentation;

/// <summary>One row of a successor's trend table: a year, the organisation it belongs to, and England that year.</summary>
public sealed record TrendLine(int Year, string Code, string Name, Figure? Figure, Figure? England);

public static class TrendLines
{
    /// <summary>
    /// The rows of a trend that shows predecessors: year by year, the predecessors' figures under their own names
    /// (as their own editions named them), then the organisation's own. A year in which only England has a figure
    /// keeps a row of the organisation's, so the table has every year the chart has.
    /// </summary>
    public static IReadOnlyList<TrendLine> Of(OrganisationSummary organisation, QuestionDetail detail)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(detail);
        var england = detail.Trend.ToDictionary(p => p.Year, p => p.England);
        var years = detail.Trend.Select(p => p.Year).Concat(detail.PredecessorTrend.Select(p => p.Year)).Distinct().Order();
        var lines = new List<TrendLine>();
        foreach (var year in years)
        {
            var predecessors = detail.PredecessorTrend.Where(p => p.Year == year).ToList();
            lines.AddRange(predecessors.Select(p =>
                new TrendLine(year, p.Organisation.Code, p.Organisation.Name, p.Figure, england.GetValueOrDefault(year))));
            var own = detail.Trend.FirstOrDefault(p => p.Year == year);
            if (own?.Organisation is not null || predecessors.Count == 0)
            {
                lines.Add(new TrendLine(year, organisation.Code, organisation.Name, own?.Organisation, england.GetValueOrDefault(year)));
            }
        }

        return lines;
    }
}
