using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Data;

/// <summary>The one way past the visibility filter, named so that every place that takes it can be found.</summary>
public static class Drafts
{
    /// <summary>
    /// Every edition, result and organisation's facts, drafts included, whoever the viewer is: for the importers, the
    /// publication service and the data stamp, which work on the whole database. Never for what a page shows.
    /// </summary>
    public static IQueryable<T> IncludingDrafts<T>(this IQueryable<T> query)
        where T : class => query.IgnoreQueryFilters([SurveyDbContext.VisibilityFilter]);
}
