using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>Several organisations side by side in one edition: the compare page.</summary>
public sealed class CompareQuery(SurveyDbContext db)
{
    /// <summary>One tumour type's results of several organisations (and whatever they are part of, and England) in one edition.</summary>
    public async Task<IReadOnlyList<ResultRow>> ResultsForOrganisationsAsync(
        IReadOnlyCollection<int> organisationIds, int year, int tumourGroupId, CancellationToken cancellationToken) =>
        await Projections.Rows(db.Results.Where(r =>
                organisationIds.Contains(r.OrganisationId)
                && r.Edition!.Year == year
                && r.TumourGroupId == tumourGroupId
                && r.BreakdownId == Breakdown.AllPatientsId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The organisations with these codes, and England, as the edition of <paramref name="year"/> states them; none
    /// when this viewer may not see that edition, and none that the edition does not have.
    /// </summary>
    public async Task<IReadOnlyList<OrganisationSummary>> OrganisationsByCodeAsync(
        IReadOnlyCollection<string> codes, int year, CancellationToken cancellationToken) =>
        await db.OrganisationEditions.AsNoTracking()
            .Where(f => f.Edition!.Year == year
                && (codes.Contains(f.Organisation!.Code) || f.Level == OrganisationLevel.National))
            .Select(Projections.Summary(db))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The organisations (England aside) of the edition of <paramref name="year"/>, by name, for suggestions.</summary>
    public async Task<IReadOnlyList<OrganisationSummary>> OrganisationsInEditionAsync(int year, CancellationToken cancellationToken) =>
        await db.OrganisationEditions.AsNoTracking()
            .Where(f => f.Edition!.Year == year && f.Organisation!.Level != OrganisationLevel.National)
            .OrderBy(f => f.Name)
            .Select(Projections.Summary(db))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
