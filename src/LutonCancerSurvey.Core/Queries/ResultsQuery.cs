using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>
/// An organisation's results beside England's, one question a row: the results page, the overview and the API's
/// results. Held per data version and kind of viewer (<see cref="HeldReads"/>).
/// </summary>
public sealed class ResultsQuery(SurveyDbContext db, HeldReads held)
{
    /// <summary>Every scored question for one organisation, edition and tumour group on one basis, beside England's figure.</summary>
    public Task<IReadOnlyList<QuestionResult>> ResultsAsync(
        OrganisationHeader header, int editionId, int tumourGroupId, ResultBasis basis, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        var key = new Key(header.Organisation.Id, header.EnglandId ?? -1, editionId, tumourGroupId, basis);
        return held.GetOrReadAsync(key, () => ReadAsync(key, cancellationToken), results => results.Count, cancellationToken);
    }

    private async Task<IReadOnlyList<QuestionResult>> ReadAsync(Key key, CancellationToken cancellationToken)
    {
        var (organisationId, englandId, editionId, tumourGroupId, basis) = key;
        var rows = await Projections.Rows(db.Results.Where(r =>
                (r.OrganisationId == organisationId || r.OrganisationId == englandId)
                && r.EditionId == editionId
                && r.TumourGroupId == tumourGroupId
                && r.BreakdownId == Breakdown.AllPatientsId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return BesideEngland(rows, organisationId, englandId, basis);
    }

    private readonly record struct Key(int OrganisationId, int EnglandId, int EditionId, int TumourGroupId, ResultBasis Basis);

    /// <summary>The organisation's rows on <paramref name="basis"/>, in the questionnaire's order, each with England's comparator.</summary>
    internal static IReadOnlyList<QuestionResult> BesideEngland(
        IReadOnlyList<ResultRow> rows, int organisationId, int englandId, ResultBasis basis)
    {
        var england = rows.Where(r => r.OrganisationId == englandId).ToLookup(r => r.Question.Number);
        return rows.Where(r => r.OrganisationId == organisationId && r.Figure.Basis == basis)
            .DistinctBy(r => r.Question.Number)
            .OrderBy(r => r.Question.Number)
            .Select(r => new QuestionResult(r.Question, r.Figure, Comparator.Choose(england[r.Question.Number].Select(e => e.Figure), basis)))
            .ToList();
    }
}
