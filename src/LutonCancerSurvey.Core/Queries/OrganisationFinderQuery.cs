using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>Organisations by name or code: the finder, the compare page's suggestions and the API's list.</summary>
public sealed class OrganisationFinderQuery(SurveyDbContext db)
{
    /// <summary>
    /// Organisations whose name or code matches, for the finder; an empty query lists none. Only organisations in an
    /// edition this viewer may see are found, by any name such an edition gives them, and listed by the newest.
    /// </summary>
    public async Task<IReadOnlyList<OrganisationSummary>> FindOrganisationsAsync(
        string query, OrganisationLevel? level, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var term = query.Trim();
        var organisations = LatestFacts().Where(f => f.Level != OrganisationLevel.National);
        if (level is not null)
        {
            organisations = organisations.Where(f => f.Level == level);
        }

        return await (await MatchingAsync(organisations, term, cancellationToken).ConfigureAwait(false))
            .OrderBy(f => f.Name)
            .Take(limit)
            .Select(Projections.Summary(db))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every organisation with results this viewer may see (England first, then by level and name), optionally those
    /// whose name or code matches. One that only a draft edition has brought in stays unlisted for the public until
    /// publication.
    /// </summary>
    public async Task<IReadOnlyList<OrganisationSummary>> PublishedOrganisationsAsync(
        string? query, CancellationToken cancellationToken)
    {
        var organisations = LatestFacts().Where(f => db.Results.Any(r => r.OrganisationId == f.OrganisationId));

        return await (await MatchingAsync(organisations, query?.Trim() ?? string.Empty, cancellationToken).ConfigureAwait(false))
            .OrderBy(f => f.Level)
            .ThenBy(f => f.Name)
            .Select(Projections.Summary(db))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Each organisation's facts in the newest edition this viewer may see.</summary>
    private IQueryable<OrganisationEdition> LatestFacts() =>
        db.OrganisationEditions.AsNoTracking()
            .Where(f => !db.OrganisationEditions.Any(g => g.OrganisationId == f.OrganisationId && g.Edition!.Year > f.Edition!.Year));

    /// <summary>
    /// Organisations whose code is the term or whose name in any edition this viewer may see contains it, whatever the
    /// case and punctuation (so a CCG is found by the name it had before a rename, and "guys" finds "GUY'S"); an empty
    /// term keeps them all. The names are compared here rather than in SQL: punctuation cannot be ignored by LIKE, and
    /// there are a few thousand names at most.
    /// </summary>
    private async Task<IQueryable<OrganisationEdition>> MatchingAsync(
        IQueryable<OrganisationEdition> organisations, string term, CancellationToken cancellationToken)
    {
        if (term.Length == 0)
        {
            return organisations;
        }

        var wanted = SearchText.Normalise(term);
        var code = term.ToUpperInvariant();
        var names = await db.OrganisationEditions.AsNoTracking()
            .Select(g => new { g.OrganisationId, g.Name })
            .Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var named = names.Where(n => SearchText.Matches(n.Name, wanted)).Select(n => n.OrganisationId).Distinct().ToList();
        return organisations.Where(f => f.Organisation!.Code == code || named.Contains(f.OrganisationId));
    }
}
