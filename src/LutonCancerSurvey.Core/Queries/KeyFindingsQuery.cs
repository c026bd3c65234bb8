using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Findings;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>What the key findings (on the overview, the results page and the briefing) are written from.</summary>
public sealed class KeyFindingsQuery(SurveyDbContext db, TumourGroupsQuery tumourGroups, HeldReads held)
{
    /// <summary>
    /// What the key findings for one organisation and edition are written from: every all-cancer question with
    /// England's and the Alliance's figures, this and the previous edition's trend figures (one round trip), and the
    /// overall rating by tumour group (a second).
    /// </summary>
    /// <remarks>Held per data version and kind of viewer, as is the header it is read for.</remarks>
    public Task<FindingsInput> FindingsInputAsync(OrganisationHeader header, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        return held.GetOrReadAsync(
            new Key(header.Organisation.Id, year), () => ReadAsync(header, year, cancellationToken),
            input => input.Questions.Count + input.TumourGroups.Count, cancellationToken);
    }

    private async Task<FindingsInput> ReadAsync(OrganisationHeader header, int year, CancellationToken cancellationToken)
    {
        header = header.In(year);
        var organisation = header.Organisation;
        var englandId = header.EnglandId ?? -1;
        var allianceId = organisation.AllianceId ?? -1;
        int? previousYear = header.Years.Where(y => y < year).Select(y => (int?)y).FirstOrDefault();

        // Question numbers are compared between editions of one questionnaire only.
        var seriesOf = await db.Editions.AsNoTracking()
            .Where(e => e.Year == year || e.Year == previousYear)
            .ToDictionaryAsync(e => e.Year, e => e.SeriesId, cancellationToken).ConfigureAwait(false);
        var previousOnOtherQuestionnaire = previousYear is { } p && seriesOf.GetValueOrDefault(p) != seriesOf.GetValueOrDefault(year);

        // Of the previous edition only the organisation's own trend figures are compared.
        var editionId = header.EditionIdOf(year) ?? -1;
        var previousEditionId = previousYear is null || previousOnOtherQuestionnaire ? -1 : header.EditionIdOf(previousYear.Value) ?? -1;
        var rows = await Projections.Rows(db.Results.Where(r =>
                ((r.EditionId == editionId
                        && (r.OrganisationId == organisation.Id || r.OrganisationId == englandId || r.OrganisationId == allianceId))
                    || (r.EditionId == previousEditionId && r.OrganisationId == organisation.Id && r.Basis == ResultBasis.Trend))
                && r.TumourGroupId == TumourGroups.AllCancersId
                && r.BreakdownId == Breakdown.AllPatientsId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var current = rows.Where(r => r.Year == year).ToList();
        var own = current.Where(r => r.OrganisationId == organisation.Id).ToLookup(r => r.Question.Number);
        var england = current.Where(r => r.OrganisationId == englandId).ToLookup(r => r.Question.Number);
        var alliance = current.Where(r => r.OrganisationId == allianceId).ToLookup(r => r.Question.Number);
        var previousTrend = previousYear is null
            ? []
            : rows.Where(r => r.Year == previousYear && r.OrganisationId == organisation.Id && r.Figure.Basis == ResultBasis.Trend)
                .ToDictionary(r => r.Question.Number, r => r.Figure);

        var questions = own
            .Select(g =>
            {
                var byBasis = g.ToDictionary(r => r.Figure.Basis, r => r.Figure);
                var headline = byBasis.GetValueOrDefault(ResultBasis.Adjusted)
                    ?? byBasis.GetValueOrDefault(ResultBasis.Unadjusted)
                    ?? byBasis[ResultBasis.Trend];
                var allianceRows = alliance[g.Key].ToList();
                return new QuestionFindingInput(
                    g.First().Question,
                    headline,
                    Comparator.Choose(england[g.Key].Select(r => r.Figure), headline.Basis),
                    allianceRows.FirstOrDefault(r => r.Figure.Basis == headline.Basis)?.Figure ?? allianceRows.FirstOrDefault()?.Figure,
                    byBasis.GetValueOrDefault(ResultBasis.Trend),
                    previousTrend.GetValueOrDefault(g.Key));
            })
            .OrderBy(q => q.Question.Number)
            .ToList();

        var overall = OverallRating.NumberIn(questions.Select(q => q.Question));
        var byTumour = editionId == -1 || overall is null
            ? []
            : (await tumourGroups.ByTumourGroupAsync(header, editionId, overall.Value, cancellationToken).ConfigureAwait(false))
                .Select(t => new TumourFindingInput(t.TumourGroupId, t.Organisation, t.England))
                .ToList();

        return new FindingsInput(
            organisation.Name, organisation.Level, year, organisation.AllianceName, previousYear, questions, byTumour)
        {
            PreviousOnOtherQuestionnaire = previousOnOtherQuestionnaire,
        };
    }

    private readonly record struct Key(int OrganisationId, int Year);
}
