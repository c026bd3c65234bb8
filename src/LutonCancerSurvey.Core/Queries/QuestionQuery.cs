using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Findings;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>
/// One question for one organisation: its figure beside England's and the Alliance's, its trend (and its
/// predecessors'), its peers and its place among them, and the questions either side of it.
/// </summary>
public sealed class QuestionQuery(SurveyDbContext db, HeldReads held)
{
    /// <summary>
    /// The question page's figures; null when the organisation has no result on it that year, tumour group and basis.
    /// Held per data version and kind of viewer, as is the header it is read for.
    /// </summary>
    public Task<QuestionDetail?> QuestionDetailAsync(
        OrganisationHeader header, int year, int tumourGroupId, ResultBasis basis, int questionNumber,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        return held.GetOrReadAsync(
            new DetailKey(header.Organisation.Id, year, tumourGroupId, basis, questionNumber),
            () => ReadDetailAsync(header, year, tumourGroupId, basis, questionNumber, cancellationToken),
            detail => detail is null ? 1 : detail.Peers.Count + detail.Trend.Count + detail.PredecessorTrend.Count,
            cancellationToken);
    }

    private async Task<QuestionDetail?> ReadDetailAsync(
        OrganisationHeader header, int year, int tumourGroupId, ResultBasis basis, int questionNumber,
        CancellationToken cancellationToken)
    {
        header = header.In(year);
        var organisation = header.Organisation;
        var englandId = header.EnglandId ?? -1;
        var allianceId = organisation.AllianceId ?? -1;

        // The same question in other editions: this number in editions of the same questionnaire, and what a crosswalk
        // matches with it in another; never a number merely reused by a redeveloped questionnaire.
        var comparable = await ComparableQuestions.ReadAsync(db, year, questionNumber, cancellationToken).ConfigureAwait(false);
        var numbers = comparable.Numbers;

        // The organisation, England and the Alliance on this question across every edition this viewer may see.
        var rows = (await Projections.Rows(db.Results.Where(r =>
                (r.OrganisationId == organisation.Id || r.OrganisationId == englandId || r.OrganisationId == allianceId)
                && numbers.Contains(r.Question!.Number)
                && r.TumourGroupId == tumourGroupId
                && r.BreakdownId == Breakdown.AllPatientsId))
            .ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => comparable.Includes(r.Year, r.Question.Number))
            .ToList();

        var current = rows.FirstOrDefault(r => r.OrganisationId == organisation.Id && r.Year == year && r.Figure.Basis == basis);
        if (current is null)
        {
            return null;
        }

        var inYear = rows.Where(r => r.Year == year).ToList();
        var england = Comparator.Choose(inYear.Where(r => r.OrganisationId == englandId).Select(r => r.Figure), basis);
        var alliance = inYear.FirstOrDefault(r => r.OrganisationId == allianceId && r.Figure.Basis == basis)?.Figure
            ?? Comparator.Choose(inYear.Where(r => r.OrganisationId == allianceId).Select(r => r.Figure), basis);

        var trendBasis = TrendBasis.For(tumourGroupId);
        var ownSeries = comparable.SeriesOfYear[year];
        var trend = rows.Select(r => r.Year).Distinct().Order()
            .Select(y => new TrendPoint(
                y,
                rows.FirstOrDefault(r => r.Year == y && r.OrganisationId == organisation.Id && r.Figure.Basis == trendBasis)?.Figure,
                Comparator.Choose(rows.Where(r => r.Year == y && r.OrganisationId == englandId).Select(r => r.Figure), trendBasis),
                comparable.SeriesOfYear[y] == ownSeries
                    ? null
                    : $"Q{rows.First(r => r.Year == y).Question.Number} in the {comparable.SeriesNames[comparable.SeriesOfYear[y]]}"))
            .Where(p => p.Organisation is not null || p.England is not null)
            .ToList();
        var leftOut = header.Years.Where(y => !trend.Any(p => p.Year == y)
                && comparable.SeriesOfYear.TryGetValue(y, out var s) && s != ownSeries
                && !comparable.Questions.Any(q => q.SeriesId == s))
            .Order()
            .ToList();

        var predecessorTrend = header.Predecessors.Count == 0
            ? []
            : await PredecessorTrendAsync(header.Predecessors, comparable, tumourGroupId, trendBasis, cancellationToken).ConfigureAwait(false);

        var (shown, suppressed) = await PeersAsync(current.QuestionId, tumourGroupId, basis, organisation.Level, cancellationToken)
            .ConfigureAwait(false);
        return new QuestionDetail(
            header, year, tumourGroupId, basis, current.Question, current.Figure, england, alliance, trend, shown, suppressed)
        {
            Rank = ShownRank.Among(
                shown.Select(p => new ShownScore(p.Score, p.Decimals)).ToList(),
                shown.Any(p => p.Code == organisation.Code),
                current.Figure,
                current.Question.Scoring),
            TrendBreak = leftOut.Count == 0 ? null : comparable.TrendBreakText(leftOut, ownSeries),
            PredecessorTrend = predecessorTrend,
        };
    }

    /// <summary>
    /// The questions before and after <paramref name="questionNumber"/> among those this organisation has a result for
    /// in one edition, tumour type and basis, so a reader can step through them in the questionnaire's order.
    /// </summary>
    public Task<(QuestionInfo? Previous, QuestionInfo? Next)> NeighbouringQuestionsAsync(
        int organisationId, int editionId, int tumourGroupId, ResultBasis basis, int questionNumber, CancellationToken cancellationToken) =>
        held.GetOrReadAsync(
            new NeighboursKey(organisationId, editionId, tumourGroupId, basis, questionNumber),
            () => ReadNeighboursAsync(organisationId, editionId, tumourGroupId, basis, questionNumber, cancellationToken),
            _ => 2,
            cancellationToken);

    private async Task<(QuestionInfo? Previous, QuestionInfo? Next)> ReadNeighboursAsync(
        int organisationId, int editionId, int tumourGroupId, ResultBasis basis, int questionNumber, CancellationToken cancellationToken)
    {
        var questions = await db.Results.AsNoTracking()
            .Where(r => r.OrganisationId == organisationId && r.EditionId == editionId && r.TumourGroupId == tumourGroupId
                && r.Basis == basis && r.BreakdownId == Breakdown.AllPatientsId)
            .Select(r => new QuestionInfo(r.Question!.Number, r.Question.Text, r.Question.Section, r.Question.Scoring, null))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (questions.Where(q => q.Number < questionNumber).MaxBy(q => q.Number),
            questions.Where(q => q.Number > questionNumber).MinBy(q => q.Number));
    }

    /// <summary>
    /// The organisations of the same level with a result on this question, named as each result's edition names them
    /// (a join, not a lookup per row): those shown, by name, and how many are withheld.
    /// </summary>
    private async Task<(IReadOnlyList<FunnelEntry> Shown, int Suppressed)> PeersAsync(
        int questionId, int tumourGroupId, ResultBasis basis, OrganisationLevel level, CancellationToken cancellationToken)
    {
        var peers = await (
            from r in db.Results.AsNoTracking()
            where r.QuestionId == questionId
                && r.TumourGroupId == tumourGroupId
                && r.BreakdownId == Breakdown.AllPatientsId
                && r.Basis == basis
            join f in db.OrganisationEditions on new { r.EditionId, r.OrganisationId } equals new { f.EditionId, f.OrganisationId }
            where f.Level == level
            select new
            {
                r.Organisation!.Code,
                f.Name,
                r.Respondents,
                r.Score,
                r.ScoreDecimals,
                r.Suppression,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var shown = peers
            .Where(p => p.Suppression == Suppression.None && p.Score is not null && p.Respondents is not null)
            .Select(p => new FunnelEntry(p.Code, p.Name, p.Respondents!.Value, p.Score!.Value) { Decimals = p.ScoreDecimals })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        return (shown, peers.Count - shown.Count);
    }

    /// <summary>
    /// Predecessors' figures on one question across the editions this viewer may see, on the trend basis, each with
    /// the name its own edition gave the predecessor: shown beside the successor's, never added to its line.
    /// </summary>
    private async Task<IReadOnlyList<PredecessorPoint>> PredecessorTrendAsync(
        IReadOnlyList<SuccessionStep> predecessors, ComparableQuestions comparable, int tumourGroupId, ResultBasis basis,
        CancellationToken cancellationToken)
    {
        var ids = predecessors.Select(p => p.Predecessor.Id).ToList();
        var numbers = comparable.Numbers;
        var rows = (await Projections.Rows(db.Results.Where(r =>
                ids.Contains(r.OrganisationId)
                && numbers.Contains(r.Question!.Number)
                && r.TumourGroupId == tumourGroupId
                && r.BreakdownId == Breakdown.AllPatientsId
                && r.Basis == basis))
            .ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => comparable.Includes(r.Year, r.Question.Number))
            .ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var names = await db.OrganisationEditions.AsNoTracking()
            .Where(f => ids.Contains(f.OrganisationId))
            .Select(f => new { f.OrganisationId, f.Edition!.Year, f.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byId = predecessors.ToDictionary(p => p.Predecessor.Id, p => p.Predecessor);
        return rows
            .Select(r =>
            {
                var link = byId[r.OrganisationId];
                var name = names.FirstOrDefault(n => n.OrganisationId == r.OrganisationId && n.Year == r.Year)?.Name ?? link.Name;
                return new PredecessorPoint(r.Year, link with { Name = name }, r.Figure);
            })
            .OrderBy(p => p.Year).ThenBy(p => p.Organisation.Name, StringComparer.Ordinal)
            .ToList();
    }

    private readonly record struct DetailKey(int OrganisationId, int Year, int TumourGroupId, ResultBasis Basis, int QuestionNumber);

    private readonly record struct NeighboursKey(int OrganisationId, int EditionId, int TumourGroupId, ResultBasis Basis, int QuestionNumber);
}
