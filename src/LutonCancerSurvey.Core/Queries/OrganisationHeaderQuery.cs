using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>
/// The organisation every organisation page is about, as the editions this viewer may see state it, with the results
/// on offer (the page's filters) and what it became or came from.
/// </summary>
public sealed class OrganisationHeaderQuery(
    SurveyDbContext db, IViewer viewer, TimeProvider time, OrganisationHeaderCache headers, IDataVersionSource version,
    SuccessionsQuery successions)
{
    /// <summary>
    /// The organisation as the editions this viewer may see state it (the newest first), England's id and the results
    /// on offer; null when no such edition has it, so an organisation only a draft brings in does not exist for the public.
    /// </summary>
    /// <remarks>
    /// Every organisation page starts here, so the header is held for the data version (<see cref="OrganisationHeaderCache"/>):
    /// what a viewer may see of an organisation changes only when the version does.
    /// </remarks>
    public async Task<OrganisationHeader?> HeaderAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var current = await version.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return await headers.GetOrReadAsync(current, code, viewer.SeesDrafts, () => ReadAsync(code, cancellationToken))
            .ConfigureAwait(false);
    }

    private async Task<OrganisationHeader?> ReadAsync(string code, CancellationToken cancellationToken)
    {
        var found = await db.OrganisationEditions.AsNoTracking()
            .Where(f => f.Organisation!.Code == code)
            .OrderByDescending(f => f.Edition!.Year)
            .Select(Projections.Summary(db))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return null;
        }

        var englandId = await db.Organisations.AsNoTracking()
            .Where(n => n.Level == OrganisationLevel.National).Select(n => (int?)n.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

        var organisationId = found[0].Id;
        var facets = await db.Results.AsNoTracking()
            .Where(r => r.OrganisationId == organisationId)
            .Select(r => new { r.EditionId, r.Edition!.Year, r.TumourGroupId, r.Basis, r.Edition.Status, r.Edition.PublishAt })
            .Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var map = await successions.SuccessionsAsync(cancellationToken).ConfigureAwait(false);

        return new OrganisationHeader(
            found[0],
            englandId,
            facets.Select(f => EditionVisibility.IsUnderEmbargo(f.Status, f.PublishAt, now)
                    ? new ResultFacet(f.EditionId, f.Year, f.TumourGroupId, f.Basis, IsDraft: true, f.PublishAt)
                    : new ResultFacet(f.EditionId, f.Year, f.TumourGroupId, f.Basis, IsDraft: false, PublishAt: null))
                .ToList())
        {
            Editions = found.Select(f => new OrganisationFacts(f.FactsYear!.Value, f)).ToList(),
            Became = map.Became(organisationId),
            Predecessors = map.Predecessors(organisationId),
        };
    }
}
