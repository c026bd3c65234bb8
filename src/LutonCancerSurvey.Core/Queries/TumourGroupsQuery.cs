using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>One organisation's figure on a question for each tumour group, against England's.</summary>
public sealed record TumourGroupFigure(int TumourGroupId, Figure Organisation, Figure? England);

/// <summary>One question (the overall rating) across tumour groups: the overview's chart and the key findings' last section.</summary>
public sealed class TumourGroupsQuery(SurveyDbContext db, HeldReads held)
{
    /// <summary>
    /// <paramref name="questionNumber"/> for every tumour group (all cancers aside) the organisation has an unadjusted
    /// result for in one edition, beside England's, by tumour group name.
    /// </summary>
    public Task<IReadOnlyList<TumourGroupFigure>> ByTumourGroupAsync(
        OrganisationHeader header, int editionId, int questionNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        var key = new Key(header.Organisation.Id, header.EnglandId ?? -1, editionId, questionNumber);
        return held.GetOrReadAsync(key, () => ReadAsync(key, cancellationToken), groups => groups.Count, cancellationToken);
    }

    private async Task<IReadOnlyList<TumourGroupFigure>> ReadAsync(Key key, CancellationToken cancellationToken)
    {
        var (organisationId, englandId, editionId, questionNumber) = key;
        var rows = await Projections.Rows(db.Results.Where(r =>
                (r.OrganisationId == organisationId || r.OrganisationId == englandId)
                && r.EditionId == editionId
                && r.TumourGroupId != TumourGroups.AllCancersId
                && r.Question!.Number == questionNumber
                && r.BreakdownId == Breakdown.AllPatientsId
                && r.Basis == ResultBasis.Unadjusted))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return Pair(rows, organisationId, englandId);
    }

    private readonly record struct Key(int OrganisationId, int EnglandId, int EditionId, int QuestionNumber);

    internal static IReadOnlyList<TumourGroupFigure> Pair(IReadOnlyList<ResultRow> rows, int organisationId, int englandId) =>
        rows.GroupBy(r => r.TumourGroupId)
            .OrderBy(g => TumourGroups.NameOf(g.Key), StringComparer.Ordinal)
            .Select(g => (g.Key,
                Organisation: g.FirstOrDefault(r => r.OrganisationId == organisationId)?.Figure,
                England: g.FirstOrDefault(r => r.OrganisationId == englandId)?.Figure))
            .Where(t => t.Organisation is not null)
            .Select(t => new TumourGroupFigure(t.Key, t.Organisation!, t.England))
            .ToList();
}
