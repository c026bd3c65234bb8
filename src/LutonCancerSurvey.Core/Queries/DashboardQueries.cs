using System.Linq.Expressions;
using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Findings;
using LutonCancerSurvey.Core.Formatting;
using LutonCancerSurvey.Core.Statistics;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>
/// Everything the dashboard's pages and API read, as records projected without tracking. Only the editions this viewer
/// may see are ever read (the database's visibility filter, <see cref="SurveyDbContext"/>), and an organisation is
/// named and placed in its Alliance as those editions state it.
/// </summary>
public sealed partial class DashboardQueries(
    SurveyDbContext db, IViewer viewer, TimeProvider time, OrganisationHeaderCache headers, IDataVersionSource version)
{
    /// <summary>An organisation as one edition states it, with its Alliance's name in that same edition.</summary>
    private Expression<Func<OrganisationEdition, OrganisationSummary>> Summary =>
        f => new OrganisationSummary(
            f.OrganisationId, f.Organisation!.Code, f.Name, f.Level, f.AllianceId,
            f.Alliance == null ? null : f.Alliance.Code,
            db.OrganisationEditions.Where(a => a.EditionId == f.EditionId && a.OrganisationId == f.AllianceId).Select(a => a.Name).FirstOrDefault(),
            f.Edition!.Year)
        {
            Icb = f.Icb == null
                ? null
                : new OrganisationLink(
                    f.Icb.Id, f.Icb.Code,
                    db.OrganisationEditions.Where(a => a.EditionId == f.EditionId && a.OrganisationId == f.IcbId).Select(a => a.Name).FirstOrDefault() ?? f.Icb.Code),
            Region = f.Region == null
                ? null
                : new OrganisationLink(
                    f.Region.Id, f.Region.Code,
                    db.OrganisationEditions.Where(a => a.EditionId == f.EditionId && a.OrganisationId == f.RegionId).Select(a => a.Name).FirstOrDefault() ?? f.Region.Code),
        };

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
        return await headers.GetOrReadAsync(current, code, viewer.SeesDrafts, () => ReadHeaderAsync(code, cancellationToken))
            .ConfigureAwait(false);
    }

    private async Task<OrganisationHeader?> ReadHeaderAsync(string code, CancellationToken cancellationToken)
    {
        var found = await db.OrganisationEditions.AsNoTracking()
            .Where(f => f.Organisation!.Code == code)
            .OrderByDescending(f => f.Edition!.Year)
            .Select(Summary)
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
        var successions = await SuccessionsAsync(cancellationToken).ConfigureAwait(false);

        return new OrganisationHeader(
            found[0],
            englandId,
            facets.Select(f => EditionVisibility.IsUnderEmbargo(f.Status, f.PublishAt, now)
                    ? new ResultFacet(f.EditionId, f.Year, f.TumourGroupId, f.Basis, IsDraft: true, f.PublishAt)
                    : new ResultFacet(f.EditionId, f.Year, f.TumourGroupId, f.Basis, IsDraft: false, PublishAt: null))
                .ToList())
        {
            Editions = found.Select(f => new OrganisationFacts(f.FactsYear!.Value, f)).ToList(),
            Became = successions.Became(organisationId),
            Predecessors = successions.Predecessors(organisationId),
        };
    }

    /// <summary>The questionnaire an edition the page header offers used (every edition has one once the database is migrated).</summary>
    public async Task<QuestionnaireInfo> QuestionnaireOfAsync(int editionId, CancellationToken cancellationToken) =>
        await db.Editions.AsNoTracking()
            .Where(e => e.Id == editionId)
            .Select(e => new QuestionnaireInfo(e.Series!.Code, e.Series.Name, e.Series.FirstYear, e.Series.LastYear))
            .SingleAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Every scored question for one organisation, edition and tumour group on one basis, beside England's figure.</summary>
    public async Task<IReadOnlyList<QuestionResult>> ResultsAsync(
        OrganisationHeader header, int editionId, int tumourGroupId, ResultBasis basis, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        var organisationId = header.Organisation.Id;
        var englandId = header.EnglandId ?? -1;
        var rows = await Rows(db.Results.Where(r =>
                (r.OrganisationId == organisationId || r.OrganisationId == englandId)
                && r.EditionId == editionId
                && r.TumourGroupId == tumourGroupId
                && r.BreakdownId == Breakdown.AllPatientsId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var own = rows.Where(r => r.OrganisationId == organisationId && r.Figure.Basis == basis).ToDictionary(r => r.Question.Number);
        var england = rows.Where(r => r.OrganisationId == englandId).ToLookup(r => r.Question.Number);
        return own.Values
            .OrderBy(r => r.Question.Number)
            .Select(r => new QuestionResult(r.Question, r.Figure, PreferredFigure(england[r.Question.Number], basis)))
            .ToList();
    }

    /// <summary>
    /// The figure to set beside a result from another area's rows (England's, an Alliance's): the same basis where
    /// published, otherwise the unadjusted score (case-mix adjustment is made towards the national population, so the
    /// national score is its own reference).
    /// </summary>
    public static Figure? PreferredFigure(IEnumerable<ResultRow> rows, ResultBasis basis)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var byBasis = rows.ToDictionary(r => r.Figure.Basis, r => r.Figure);
        ResultBasis[] preference = basis == ResultBasis.Trend
            ? [ResultBasis.Trend, ResultBasis.Unadjusted, ResultBasis.Adjusted]
            : [basis, ResultBasis.Unadjusted, ResultBasis.Trend, ResultBasis.Adjusted];
        return preference.Select(b => byBasis.GetValueOrDefault(b)).FirstOrDefault(f => f is not null);
    }

    /// <summary>Q59 (or any question) for every tumour group of one edition, organisation against England.</summary>
    public async Task<IReadOnlyList<(int TumourGroupId, Figure? Organisation, Figure? England)>> ByTumourGroupAsync(
        OrganisationHeader header, int editionId, int questionNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        var organisationId = header.Organisation.Id;
        var englandId = header.EnglandId ?? -1;
        var rows = await Rows(db.Results.Where(r =>
                (r.OrganisationId == organisationId || r.OrganisationId == englandId)
                && r.EditionId == editionId
                && r.TumourGroupId != TumourGroups.AllCancersId
                && r.Question!.Number == questionNumber
                && r.BreakdownId == Breakdown.AllPatientsId
                && r.Basis == ResultBasis.Unadjusted))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        return rows.GroupBy(r => r.TumourGroupId)
            .OrderBy(g => TumourGroups.NameOf(g.Key), StringComparer.Ordinal)
            .Select(g => (g.Key,
                g.FirstOrDefault(r => r.OrganisationId == organisationId)?.Figure,
                g.FirstOrDefault(r => r.OrganisationId == englandId)?.Figure))
            .Where(t => t.Item2 is not null)
            .ToList();
    }

    public async Task<QuestionDetail?> QuestionDetailAsync(
        OrganisationHeader header, int year, int tumourGroupId, ResultBasis basis, int questionNumber,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        header = header.In(year);
        var organisation = header.Organisation;
        var englandId = header.EnglandId ?? -1;
        var allianceId = organisation.AllianceId ?? -1;

        // The same question in other editions: this number in editions of the same questionnaire, and what a crosswalk
        // matches with it in another; never a number merely reused by a redeveloped questionnaire.
        var comparable = await ComparableQuestionsAsync(year, questionNumber, cancellationToken).ConfigureAwait(false);
        var numbers = comparable.Questions.Select(q => q.Number).Distinct().ToList();

        // The organisation, England and the Alliance on this question across every published edition.
        var rows = (await Rows(db.Results.Where(r =>
                (r.OrganisationId == organisation.Id || r.OrganisationId == englandId || r.OrganisationId == allianceId)
                && numbers.Contains(r.Question!.Number)
                && r.TumourGroupId == tumourGroupId
                && r.BreakdownId == Breakdown.AllPatientsId))
            .ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => comparable.SeriesOfYear.TryGetValue(r.Year, out var s) && comparable.Questions.Contains((s, r.Question.Number)))
            .ToList();

        var current = rows.FirstOrDefault(r => r.OrganisationId == organisation.Id && r.Year == year && r.Figure.Basis == basis);
        if (current is null)
        {
            return null;
        }

        var inYear = rows.Where(r => r.Year == year).ToList();
        var england = PreferredFigure(inYear.Where(r => r.OrganisationId == englandId), basis);
        var alliance = inYear.FirstOrDefault(r => r.OrganisationId == allianceId && r.Figure.Basis == basis)?.Figure
            ?? PreferredFigure(inYear.Where(r => r.OrganisationId == allianceId), basis);

        // A trend compares like with like: the year-on-year figures the source publishes for that purpose.
        var trendBasis = tumourGroupId == TumourGroups.AllCancersId ? ResultBasis.Trend : ResultBasis.Unadjusted;
        var ownSeries = comparable.SeriesOfYear[year];
        var trend = rows.Select(r => r.Year).Distinct().Order()
            .Select(y => new TrendPoint(
                y,
                rows.FirstOrDefault(r => r.Year == y && r.OrganisationId == organisation.Id && r.Figure.Basis == trendBasis)?.Figure,
                PreferredFigure(rows.Where(r => r.Year == y && r.OrganisationId == englandId), trendBasis),
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

        var questionId = current.QuestionId;
        // Each peer's name is the one its result's edition gives it (a join, not a lookup per row).
        var peers = await (
            from r in db.Results.AsNoTracking()
            where r.QuestionId == questionId
                && r.TumourGroupId == tumourGroupId
                && r.BreakdownId == Breakdown.AllPatientsId
                && r.Basis == basis
            join f in db.OrganisationEditions on new { r.EditionId, r.OrganisationId } equals new { f.EditionId, f.OrganisationId }
            where f.Level == organisation.Level
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

        return new QuestionDetail(
            header, year, tumourGroupId, basis, current.Question, current.Figure, england, alliance, trend, shown,
            peers.Count - shown.Count)
        {
            Rank = RankAmong(shown, organisation.Code, current.Figure, current.Question.Scoring),
            TrendBreak = leftOut.Count == 0 ? null : TrendBreakText(leftOut, comparable, ownSeries),
            PredecessorTrend = predecessorTrend,
        };
    }

    private static string TrendBreakText(List<int> leftOut, ComparableQuestions comparable, int ownSeries)
    {
        var firstOwn = comparable.SeriesOfYear.Where(e => e.Value == ownSeries).Min(e => e.Key);
        var years = leftOut.Count == 1
            ? $"{leftOut[0]} is"
            : $"{string.Join(", ", leftOut.Take(leftOut.Count - 1))} and {leftOut[^1]} are";
        return leftOut.Max() < firstOwn
            ? $"The questionnaire changed in {firstOwn}; earlier years are not comparable, so {years} not shown."
            : $"{years} from another questionnaire, which no crosswalk matches with this question, so not shown.";
    }

    /// <summary>
    /// The questions comparable with one question of one edition: the same number in every edition of its
    /// questionnaire series, and the questions a crosswalk matches with it in other series. With the series of each
    /// edition this viewer may see, and the series' names.
    /// </summary>
    private async Task<ComparableQuestions> ComparableQuestionsAsync(int year, int questionNumber, CancellationToken cancellationToken)
    {
        var editions = await db.Editions.AsNoTracking()
            .Select(e => new { e.Year, SeriesId = e.SeriesId ?? 0 })
            .ToDictionaryAsync(e => e.Year, e => e.SeriesId, cancellationToken).ConfigureAwait(false);
        var seriesId = editions[year];
        var links = await db.QuestionLinks.AsNoTracking()
            .Where(l => (l.FromSeriesId == seriesId && l.FromNumber == questionNumber) || (l.ToSeriesId == seriesId && l.ToNumber == questionNumber))
            .Select(l => new { l.FromSeriesId, l.FromNumber, l.ToSeriesId, l.ToNumber })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var questions = new HashSet<(int SeriesId, int Number)> { (seriesId, questionNumber) };
        foreach (var link in links)
        {
            questions.Add((link.FromSeriesId, link.FromNumber));
            questions.Add((link.ToSeriesId, link.ToNumber));
        }

        // Names label the years a crosswalk brings in, so they are read only when one does.
        var names = links.Count == 0
            ? new Dictionary<int, string>()
            : await db.QuestionSeries.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken).ConfigureAwait(false);
        names.TryAdd(0, "earlier questionnaire");
        return new ComparableQuestions(editions, questions, names);
    }

    private sealed record ComparableQuestions(
        IReadOnlyDictionary<int, int> SeriesOfYear, IReadOnlySet<(int SeriesId, int Number)> Questions, IReadOnlyDictionary<int, string> SeriesNames);

    /// <summary>
    /// The successions this viewer may see, each organisation named as the newest edition they may see names it: a
    /// succession whose predecessor or successor only a draft has is left out, so no draft's name reaches the public.
    /// The lookup is small (one row per organisation that changed), so it is read whole.
    /// </summary>
    public async Task<SuccessionMap> SuccessionsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Successions.AsNoTracking()
            .Select(s => new
            {
                s.PredecessorId,
                PredecessorCode = s.Predecessor!.Code,
                PredecessorName = db.OrganisationEditions.Where(f => f.OrganisationId == s.PredecessorId)
                    .OrderByDescending(f => f.Edition!.Year).Select(f => f.Name).FirstOrDefault(),
                s.SuccessorId,
                SuccessorCode = s.Successor == null ? null : s.Successor.Code,
                SuccessorName = db.OrganisationEditions.Where(f => f.OrganisationId == s.SuccessorId)
                    .OrderByDescending(f => f.Edition!.Year).Select(f => f.Name).FirstOrDefault(),
                s.FromYear,
                s.Kind,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new SuccessionMap(rows
            .Where(r => r.PredecessorName is not null && (r.SuccessorId is null || r.SuccessorName is not null))
            .Select(r => new SuccessionStep(
                new OrganisationLink(r.PredecessorId, r.PredecessorCode, r.PredecessorName!),
                r.SuccessorId is { } id ? new OrganisationLink(id, r.SuccessorCode!, r.SuccessorName!) : null,
                r.FromYear,
                r.Kind)));
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
        var numbers = comparable.Questions.Select(q => q.Number).Distinct().ToList();
        var rows = (await Rows(db.Results.Where(r =>
                ids.Contains(r.OrganisationId)
                && numbers.Contains(r.Question!.Number)
                && r.TumourGroupId == tumourGroupId
                && r.BreakdownId == Breakdown.AllPatientsId
                && r.Basis == basis))
            .ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(r => comparable.SeriesOfYear.TryGetValue(r.Year, out var s) && comparable.Questions.Contains((s, r.Question.Number)))
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

    /// <summary>
    /// The organisation's place among the peers shown, or null when its own result is not among them. Ties are judged
    /// on the figures as the table shows them: two CCGs both shown as 65% are joint. Every scored question is worded so
    /// that a higher score is a better experience.
    /// </summary>
    private static RankResult? RankAmong(IReadOnlyList<FunnelEntry> peers, string code, Figure own, Scoring scoring)
    {
        if (own is not { IsSuppressed: false, Score: { } score } || !peers.Any(p => p.Code == code))
        {
            return null;
        }

        return Ranking.Rank(
            peers.Select(p => AsShown(p.Score, p.Decimals, scoring)).ToList(), AsShown(score, own.Decimals, scoring), higherIsBetter: true);
    }

    private static double AsShown(double score, int? decimals, Scoring scoring) =>
        (double)Format.Rounded(score, Format.DecimalsOf(decimals, scoring));

    /// <summary>
    /// What the key findings for one organisation and published edition are written from: every all-cancer question
    /// with England's and the Alliance's figures, this and the previous published edition's trend figures (one round
    /// trip), and the overall rating by tumour group (a second).
    /// </summary>
    public async Task<FindingsInput> FindingsInputAsync(OrganisationHeader header, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
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
        var rows = await Rows(db.Results.Where(r =>
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
                    PreferredFigure(england[g.Key], headline.Basis),
                    allianceRows.FirstOrDefault(r => r.Figure.Basis == headline.Basis)?.Figure ?? allianceRows.FirstOrDefault()?.Figure,
                    byBasis.GetValueOrDefault(ResultBasis.Trend),
                    previousTrend.GetValueOrDefault(g.Key));
            })
            .OrderBy(q => q.Question.Number)
            .ToList();

        var overall = OverallRating.NumberIn(questions.Select(q => q.Question));
        var tumourGroups = editionId == -1 || overall is null
            ? []
            : (await ByTumourGroupAsync(header, editionId, overall.Value, cancellationToken).ConfigureAwait(false))
                .Select(t => new TumourFindingInput(t.TumourGroupId, t.Organisation, t.England))
                .ToList();

        return new FindingsInput(
            organisation.Name, organisation.Level, year, organisation.AllianceName, previousYear, questions, tumourGroups)
        {
            PreviousOnOtherQuestionnaire = previousOnOtherQuestionnaire,
        };
    }

    /// <summary>
    /// Organisations whose name or code matches, for the finder; an empty query lists none. Only organisations in an
    /// edition this viewer may see are found, by any name such an edition gives them, and listed by the newest.
    /// </summary>
    public async Task<IReadOnlyList<OrganisationSummary>> FindOrganisationsAsync(
        string query, OrganisationLevel? level, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var term = query.Trim();
        var organisations = LatestVisibleFacts().Where(f => f.Level != OrganisationLevel.National);
        if (level is not null)
        {
            organisations = organisations.Where(f => f.Level == level);
        }

        return await (await MatchingAsync(organisations, term, cancellationToken).ConfigureAwait(false))
            .OrderBy(f => f.Name)
            .Take(limit)
            .Select(Summary)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every organisation with published results (England first, then by level and name), optionally those whose
    /// name or code matches. One that only a draft edition has brought in stays unlisted until publication.
    /// </summary>
    public async Task<IReadOnlyList<OrganisationSummary>> PublishedOrganisationsAsync(
        string? query, CancellationToken cancellationToken)
    {
        var organisations = LatestVisibleFacts()
            .Where(f => db.Results.Any(r => r.OrganisationId == f.OrganisationId));

        return await (await MatchingAsync(organisations, query?.Trim() ?? string.Empty, cancellationToken).ConfigureAwait(false))
            .OrderBy(f => f.Level)
            .ThenBy(f => f.Name)
            .Select(Summary)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Each organisation's facts in the newest edition this viewer may see.</summary>
    private IQueryable<OrganisationEdition> LatestVisibleFacts()
    {
        return db.OrganisationEditions.AsNoTracking()
            .Where(f => !db.OrganisationEditions
                .Any(g => g.OrganisationId == f.OrganisationId && g.Edition!.Year > f.Edition!.Year));
    }

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

    /// <summary>One tumour type's results of several organisations (and whatever they are part of, and England) in one edition.</summary>
    public async Task<IReadOnlyList<ResultRow>> ResultsForOrganisationsAsync(
        IReadOnlyCollection<int> organisationIds, int year, int tumourGroupId, CancellationToken cancellationToken) =>
        await Rows(db.Results.Where(r =>
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
            .Select(Summary)
            .ToListAsync(cancellationToken).ConfigureAwait(false);


    /// <summary>
    /// The questions before and after <paramref name="questionNumber"/> among those this organisation has a result for
    /// in one edition, tumour type and basis, so a reader can step through them in the questionnaire's order.
    /// </summary>
    public async Task<(QuestionInfo? Previous, QuestionInfo? Next)> NeighbouringQuestionsAsync(
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

    /// <summary>The organisations (England aside) of the edition of <paramref name="year"/>, by name, for suggestions.</summary>
    public async Task<IReadOnlyList<OrganisationSummary>> OrganisationsInEditionAsync(int year, CancellationToken cancellationToken) =>
        await db.OrganisationEditions.AsNoTracking()
            .Where(f => f.Edition!.Year == year && f.Organisation!.Level != OrganisationLevel.National)
            .OrderBy(f => f.Name)
            .Select(Summary)
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    private static IQueryable<ResultRow> Rows(IQueryable<SurveyResult> results) =>
        results.AsNoTracking().Select(r => new ResultRow(
            r.OrganisationId,
            r.QuestionId,
            r.Edition!.Year,
            r.TumourGroupId,
            new QuestionInfo(r.Question!.Number, r.Question.Text, r.Question.Section, r.Question.Scoring,
                r.Edition!.Series == null || (r.Edition.Series.FirstYear <= r.Edition.Year && r.Edition.Year <= r.Edition.Series.LastYear)
                    ? null
                    : r.Edition.Series.Code),
            new Figure(
                r.Basis, r.Respondents, r.Score, r.CiLower, r.CiUpper, r.ExpectedLower, r.ExpectedUpper, r.Band,
                r.ChangeSincePrevious, r.ChangeOverall, r.Suppression,
                new SourceInfo(r.Import!.FileName, r.Import.ImportedAt, r.SourceRow, r.SourceNote)) { Decimals = r.ScoreDecimals }));
}

public sealed record ResultRow(int OrganisationId, int QuestionId, int Year, int TumourGroupId, QuestionInfo Question, Figure Figure);
