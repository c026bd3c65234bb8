using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Statistics;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>Tells what version of the data is being read, so estimates that depend on a whole edition are made once per version.</summary>
public interface IDataVersionSource
{
    ValueTask<string> CurrentAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The funnel baselines (England's unrounded centre, the pooled spread, τ²) of every edition, level, question,
/// tumour group and basis asked for, apart for those who may see drafts, held until the data version changes. Each depends on every organisation's
/// result, so it is estimated once per version rather than on every request.
/// </summary>
public sealed class FunnelBaselineCache
{
    // Bounded by the data (editions × levels × questions × tumour groups × bases), well under this.
    internal VersionedStore<FunnelKey, FunnelBaseline?> Store { get; } = new(capacity: 100_000);
}

/// <summary>
/// One funnel's identity: an edition's question, a level of organisation, a tumour group and a basis, and whether it was
/// estimated for a viewer who sees drafts (for the public a draft edition has no results, so no funnel).
/// </summary>
internal readonly record struct FunnelKey(
    int Year, int QuestionNumber, OrganisationLevel Level, int TumourGroupId, ResultBasis Basis, bool SeesDrafts);

/// <summary>
/// The funnel plot of one question among all organisations of a level: the overdispersed control limits, where the
/// organisation falls, and how that compares with the band the survey published.
/// </summary>
public sealed class FunnelQuery(SurveyDbContext db, IViewer viewer, FunnelBaselineCache cache, IDataVersionSource version)
{
    private const int CurvePoints = 30;

    /// <summary>The funnel for a question page, or null when no limits can be drawn (no peers, no England figure, no spread).</summary>
    public async Task<QuestionFunnel?> ForQuestionAsync(QuestionDetail detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(detail);
        if (detail.Peers.Count == 0)
        {
            return null;
        }

        var level = detail.Header.Organisation.Level;
        var baseline = await BaselineAsync(detail.Year, detail.Question.Number, level, detail.TumourGroupId, detail.Basis, cancellationToken)
            .ConfigureAwait(false);
        if (baseline is null)
        {
            return null;
        }

        var funnel = QuestionFunnel.Build(baseline, detail.Peers, detail.Organisation, level, CurvePoints);
        if (detail.Basis == ResultBasis.Adjusted)
        {
            return funnel;
        }

        // The same figures can fall differently on another basis's funnel, because τ² is estimated differently there:
        // the page says so, with the survey's τ² beside this one.
        var adjusted = await BaselineAsync(detail.Year, detail.Question.Number, level, detail.TumourGroupId, ResultBasis.Adjusted, cancellationToken)
            .ConfigureAwait(false);
        return adjusted is { Source: TauSource.PublishedRanges }
            ? funnel with { AdjustedTauSquared = adjusted.TauSquared }
            : funnel;
    }

    /// <summary>
    /// The baseline of one funnel, estimated from every organisation of the level with a shown result, and held until
    /// the data changes. On the case-mix adjusted basis τ² is recovered from the published expected ranges (the survey's
    /// own allowance); elsewhere it is estimated from the organisations' z-scores.
    /// </summary>
    public async Task<FunnelBaseline?> BaselineAsync(
        int year, int questionNumber, OrganisationLevel level, int tumourGroupId, ResultBasis basis, CancellationToken cancellationToken)
    {
        var current = await version.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var key = new FunnelKey(year, questionNumber, level, tumourGroupId, basis, viewer.SeesDrafts);
        return await cache.Store.GetOrAddAsync(current, key, k => EstimateAsync(k, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<FunnelBaseline?> EstimateAsync(FunnelKey key, CancellationToken cancellationToken)
    {
        // Peers are the organisations at the level in that edition's own facts: 06P is a CCG's peer in 2018 and a
        // sub-ICB location's in 2023.
        var rows = await (
            from r in db.Results.AsNoTracking()
            join f in db.OrganisationEditions on new { r.EditionId, r.OrganisationId } equals new { f.EditionId, f.OrganisationId }
            where r.Edition!.Year == key.Year
                && r.Question!.Number == key.QuestionNumber
                && r.TumourGroupId == key.TumourGroupId
                && r.BreakdownId == Breakdown.AllPatientsId
                && r.Suppression == Suppression.None
                && r.Score != null
                && ((f.Level == key.Level && r.Basis == key.Basis && r.Respondents != null)
                    || f.Level == OrganisationLevel.National)
            select new
            {
                National = f.Level == OrganisationLevel.National,
                r.Basis,
                r.Question!.Scoring,
                r.Respondents,
                Score = r.Score!.Value,
                r.CiLower,
                r.CiUpper,
                r.ExpectedLower,
                r.ExpectedUpper,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var england = Comparator.Choose(rows.Where(r => r.National), r => r.Basis, key.Basis);
        var peers = rows.Where(r => !r.National && r.Respondents >= Disclosure.MinimumRespondents).ToList();
        if (england is null || peers.Count == 0)
        {
            return null;
        }

        var scoring = peers[0].Scoring;
        var centre = FunnelBaseline.UnroundedCentre(england.Score, england.CiLower, england.CiUpper);
        return FunnelBaseline.Estimate(
            scoring,
            centre,
            peers.Select(p => new FunnelPeer(p.Respondents!.Value, p.Score, p.CiLower, p.CiUpper, p.ExpectedLower, p.ExpectedUpper)).ToList(),
            caseMixAdjusted: key.Basis == ResultBasis.Adjusted) is { } baseline
            ? baseline with { CentreIsIntervalMiddle = FunnelBaseline.HasInterval(england.CiLower, england.CiUpper) }
            : null;
    }
}
