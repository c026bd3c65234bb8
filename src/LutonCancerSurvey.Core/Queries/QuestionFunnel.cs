using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>The 95 % and 99.8 % limits for one count of respondents, for drawing.</summary>
public readonly record struct FunnelLimitsPoint(int N, double Lower95, double Upper95, double Lower998, double Upper998);

/// <summary>
/// A question's funnel plot: its baseline, the limits to draw, where the organisation falls at 99.8 % (the page's
/// verdict) and at 95 % (set beside the survey's expected range, which is a 95 % range too).
/// </summary>
public sealed record QuestionFunnel(
    FunnelBaseline Baseline,
    OrganisationLevel Level,
    IReadOnlyList<FunnelLimitsPoint> Curve,
    FunnelPosition? Position,
    FunnelPosition? PositionAt95,
    Interval? OwnLimitsAt95,
    Band? PublishedBand,
    bool ExactBinomialDrawn)
{
    /// <summary>How many organisations are plotted, and how many of them fall outside the 95 % and the 99.8 % limits.</summary>
    public OutsideCounts Outside { get; init; }

    /// <summary>The expected range the survey published with the organisation's score, where it did.</summary>
    public Interval? PublishedRange { get; init; }

    /// <summary>
    /// On a basis other than case-mix adjusted, the τ² the survey's published ranges give for the same question and
    /// level, where there is one: set beside this funnel's own τ², it says why the same figures can be judged differently.
    /// </summary>
    public double? AdjustedTauSquared { get; init; }

    /// <summary>The inner control limits: the level of the survey's own expected range.</summary>
    public const double InnerLimit = 0.95;

    /// <summary>The outer control limits, beyond which a difference is very unlikely to be chance.</summary>
    public const double OuterLimit = 0.998;

    /// <summary>
    /// True when the organisation has a published band and this dashboard's 95 % limits place it differently: the
    /// page then shows both and says why.
    /// </summary>
    public bool DiffersFromPublished => PublishedBand is { } band && PositionAt95 is { } position && AsBand(position) != band;

    /// <summary>The published band a position at 95 % corresponds to.</summary>
    public static Band AsBand(FunnelPosition position) => position switch
    {
        FunnelPosition.AboveUpperLimit => Band.Above,
        FunnelPosition.BelowLowerLimit => Band.Below,
        _ => Band.Within,
    };

    /// <summary>Builds the funnel for a page from its baseline, the peers' respondents and the organisation's own figure.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static QuestionFunnel Build(FunnelBaseline baseline, IReadOnlyList<FunnelEntry> peers, Figure? own, OrganisationLevel level, int curvePoints)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(peers);
        var peerRespondents = peers.Select(p => p.Respondents).ToList();
        var minN = Math.Max(Disclosure.MinimumRespondents, peerRespondents.Count == 0 ? Disclosure.MinimumRespondents : peerRespondents.Min());
        var maxN = Math.Max(minN + 1, peerRespondents.Count == 0 ? minN + 1 : peerRespondents.Max());
        var inner = baseline.Curve(minN, maxN, curvePoints, InnerLimit);
        var outer = baseline.Curve(minN, maxN, curvePoints, OuterLimit);
        var curve = inner.Zip(outer, (i, o) => new FunnelLimitsPoint(i.N, i.Lower, i.Upper, o.Lower, o.Upper)).ToList();

        FunnelPosition? position = null, positionAt95 = null;
        Interval? ownLimits = null;
        if (own is { IsSuppressed: false, Score: { } score, Respondents: { } n } && n > 0)
        {
            position = baseline.Classify(score, n, OuterLimit);
            ownLimits = baseline.Limits(n, InnerLimit);
            positionAt95 = Funnel.Classify(score, ownLimits.Value);
        }

        var plotted = peers.Where(p => p.Respondents > 0 && double.IsFinite(p.Score)).ToList();
        var outside = new OutsideCounts(
            plotted.Count,
            plotted.Count(p => baseline.Classify(p.Score, p.Respondents, InnerLimit) != FunnelPosition.WithinLimits),
            plotted.Count(p => baseline.Classify(p.Score, p.Respondents, OuterLimit) != FunnelPosition.WithinLimits));
        var shown = own is { IsSuppressed: false };
        return new QuestionFunnel(
            baseline, level, curve, position, positionAt95, ownLimits,
            shown ? own!.Band : null,
            baseline.UsesExactBinomial(minN))
        {
            Outside = outside,
            PublishedRange = shown && own!.ExpectedLower is { } lower && own.ExpectedUpper is { } upper && upper >= lower
                ? new Interval(lower, upper)
                : null,
        };
    }
}

/// <summary>
/// How many organisations a funnel plots and how many fall outside each pair of limits: the page shows them, because
/// with τ² allowing for variation between organisations the share outside is not the nominal 5 % or 0.2 %.
/// </summary>
public readonly record struct OutsideCounts(int Plotted, int Outside95, int Outside998);
