using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>The editions on offer to this viewer and the questionnaire each used: for the compare page and the API.</summary>
public sealed class EditionsQuery(SurveyDbContext db, TimeProvider time)
{
    /// <summary>The editions this viewer may see, newest first, each with its embargo when it is a draft.</summary>
    public async Task<IReadOnlyList<VisibleEdition>> VisibleEditionsAsync(CancellationToken cancellationToken)
    {
        var editions = await db.Editions.AsNoTracking()
            .OrderByDescending(e => e.Year)
            .Select(e => new { e.Year, e.Status, e.PublishAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return editions
            .Select(e => new VisibleEdition(e.Year, EditionVisibility.IsUnderEmbargo(e.Status, e.PublishAt, now) ? new Embargo(e.Year, e.PublishAt) : null))
            .ToList();
    }

    /// <summary>The questionnaire an edition the page header offers used (every edition has one once the database is migrated).</summary>
    public async Task<QuestionnaireInfo> QuestionnaireOfAsync(int editionId, CancellationToken cancellationToken) =>
        await db.Editions.AsNoTracking()
            .Where(e => e.Id == editionId)
            .Select(e => new QuestionnaireInfo(e.Series!.Code, e.Series.Name, e.Series.FirstYear, e.Series.LastYear))
            .SingleAsync(cancellationToken).ConfigureAwait(false);
}
