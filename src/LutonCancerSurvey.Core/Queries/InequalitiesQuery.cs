using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>
/// Results by group of patients (sex, deprivation quintile, age band, ethnic group …): published for Cancer Alliances and
/// England, all cancers, unadjusted, without respondent counts, with the survey's own test of the gaps it compares. The
/// inequalities page and the API's results for one group.
/// </summary>
public sealed class InequalitiesQuery(SurveyDbContext db)
{
    /// <summary>
    /// Every question with a published breakdown for one organisation and edition, each with every group's figure and
    /// the all-patients figure on the same (unadjusted) basis: one round trip. Empty when no breakdown was published.
    /// </summary>
    public async Task<IReadOnlyList<QuestionInequality>> InequalitiesAsync(
        OrganisationHeader header, int editionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        var organisationId = header.Organisation.Id;
        var rows = await GroupRows(db.Results.Where(r =>
                r.OrganisationId == organisationId
                && r.EditionId == editionId
                && r.TumourGroupId == TumourGroups.AllCancersId
                && r.Basis == ResultBasis.Unadjusted))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (rows.All(r => r.BreakdownId == Breakdown.AllPatientsId))
        {
            return [];
        }

        var groups = await BreakdownCatalogueAsync(cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.Question.Number)
            .Where(g => g.Any(r => r.BreakdownId != Breakdown.AllPatientsId))
            .OrderBy(g => g.Key)
            .Select(g => new QuestionInequality(
                g.First().Question,
                g.Select(r => new GroupFigure(
                        groups.Of(r.BreakdownId), r.Figure, r.GroupDifferenceSignificant,
                        r.ComparedWithId is { } other ? groups.Of(other) : null, groups.RankOf(r.BreakdownId)))
                    .OrderBy(f => f.Rank)
                    .ToList()))
            .ToList();
    }

    /// <summary>
    /// Every scored question for one breakdown (e.g. women), one edition, tumour group and basis, beside England's
    /// figure for the same breakdown: one round trip.
    /// </summary>
    public async Task<IReadOnlyList<BreakdownResult>> BreakdownResultsAsync(
        OrganisationHeader header, int editionId, int tumourGroupId, ResultBasis basis, Breakdown breakdown,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(breakdown);
        var groups = await BreakdownCatalogueAsync(cancellationToken).ConfigureAwait(false);
        if (groups.IdOf(breakdown) is not { } breakdownId)
        {
            return [];
        }

        var organisationId = header.Organisation.Id;
        var englandId = header.EnglandId ?? -1;
        var rows = await GroupRows(db.Results.Where(r =>
                (r.OrganisationId == organisationId || r.OrganisationId == englandId)
                && r.EditionId == editionId
                && r.TumourGroupId == tumourGroupId
                && r.BreakdownId == breakdownId
                && r.Basis == basis))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var england = rows.Where(r => r.OrganisationId == englandId).ToDictionary(r => r.Question.Number);
        return rows.Where(r => r.OrganisationId == organisationId)
            .OrderBy(r => r.Question.Number)
            .Select(r => new BreakdownResult(r.Question, r.Figure, r.GroupDifferenceSignificant, england.GetValueOrDefault(r.Question.Number)?.Figure)
            {
                ComparedWith = r.ComparedWithId is { } other ? groups.Of(other) : null,
            })
            .ToList();
    }

    /// <summary>A group as it is stored, with the spelling of the file that first brought it; null when none is stored.</summary>
    public async Task<Breakdown?> StoredBreakdownAsync(Breakdown breakdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(breakdown);
        var groups = await BreakdownCatalogueAsync(cancellationToken).ConfigureAwait(false);
        return groups.IdOf(breakdown) is { } id ? groups.Of(id) : null;
    }

    /// <summary>Every stored group (a few dozen rows), to name the groups results refer to by id.</summary>
    private async Task<BreakdownCatalogue> BreakdownCatalogueAsync(CancellationToken cancellationToken) =>
        new(await db.Breakdowns.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false));

    private static IQueryable<GroupRow> GroupRows(IQueryable<SurveyResult> results) =>
        Projections.Select(results, (r, question, figure) => new GroupRow(
            r.OrganisationId, r.BreakdownId, r.GroupDifferenceSignificant, r.ComparedWithId, question, figure));

    private sealed record GroupRow(
        int OrganisationId, int BreakdownId, bool? GroupDifferenceSignificant, int? ComparedWithId, QuestionInfo Question, Figure Figure);
}
