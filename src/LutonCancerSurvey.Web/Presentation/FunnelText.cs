using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Formatting;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Web.Presentation;

/// <summary>
/// The plain-English sentences beside a funnel plot: what the survey's published band says (first, where there is one),
/// what this dashboard's stricter limits say, how many organisations fall outside them, and how they were drawn.
/// </summary>
public static class FunnelText
{
    /// <summary>How the limits were drawn: level, centre, spread, τ² and where τ² came from.</summary>
    public static string Method(QuestionFunnel funnel)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        var b = funnel.Baseline;
        var plural = Display.LevelPlural(funnel.Level);
        var mean = b.Scoring == Scoring.MeanOutOfTen;
        var chance = mean
            ? $"chance among an organisation's respondents (a spread of {Format.Number(b.StandardDeviation!.Value, 2)} points per rating, pooled from the {plural}' published 95% confidence intervals)"
            : "chance among an organisation's respondents (the binomial spread of a percentage)";
        var unit = mean ? "points" : "percentage points";
        var tau = b.Scoring == Scoring.MeanOutOfTen ? Format.Number(b.TauSquared, 4) : Format.Number(b.TauSquared, 1);
        var allowance = b.TauSquared <= 0
            ? $"The {plural}' scores vary no more than chance would explain (overdispersion factor φ = {Format.Number(b.Phi, 2)}), so no allowance for real variation between them is added (τ² = 0)."
            : $"They also allow for real variation between {plural} beyond chance: τ² = {tau}, a standard deviation of {Format.Number(Math.Sqrt(b.TauSquared), mean ? 2 : 1)} {unit}, "
                + (b.Source == TauSource.PublishedRanges
                    ? "recovered from the expected ranges the survey published with the case-mix adjusted scores."
                    : $"estimated from the {Format.Count(b.Organisations)} {plural}' own scores by Spiegelhalter's method (z-scores winsorised at 10% at each end; overdispersion factor φ = {Format.Number(b.Phi, 2)}).");
        var exact = funnel.ExactBinomialDrawn
            ? " Where fewer than 10 positive or other answers are expected, the limits come from the exact binomial distribution."
            : string.Empty;
        return $"Method (computed by this dashboard, not published by the survey): control limits at 95% and 99.8% for {plural}, around {Centre(b)}, allowing for {chance}. {allowance}{exact}";
    }

    /// <summary>
    /// The centre the limits are drawn around, as the method names it: England's unrounded score where its published
    /// interval gives one, otherwise its published score, said to be rounded.
    /// </summary>
    public static string Centre(FunnelBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return baseline.CentreIsIntervalMiddle
            ? $"England's unrounded score of {CentreFigure(baseline)} (the middle of its published confidence interval)"
            : $"England's published score of {CentreFigure(baseline)} (no confidence interval was published for England on this basis, so the score as published, rounded, is the centre)";
    }

    /// <summary>The centre as the chart's England line labels it: "56.1%" or "8.80", with the places <see cref="Centre"/> gives it.</summary>
    public static string CentreFigure(FunnelBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var mean = baseline.Scoring == Scoring.MeanOutOfTen;
        var places = baseline.CentreIsIntervalMiddle ? (mean ? 2 : 1) : Math.Min(Format.PlacesOf(baseline.Centre), mean ? 2 : 1);
        return Format.Number(baseline.Centre, places) + (mean ? string.Empty : "%");
    }

    /// <summary>
    /// The bold verdict. Where the survey published a band, it leads: the survey's own rating against its expected
    /// range. Otherwise it is where this dashboard's 99.8 % limits place the score.
    /// </summary>
    public static string Verdict(QuestionFunnel funnel, string organisation, Scoring scoring)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        var plural = Display.LevelPlural(funnel.Level);
        if (funnel.PublishedBand is { } band)
        {
            var range = funnel.PublishedRange is { } r ? $" ({Display.Interval(r.Lower, r.Upper, scoring)})" : string.Empty;
            return band switch
            {
                Band.Above => $"The survey rates {organisation} above its expected range{range}: its case-mix adjusted score is higher than the survey's allowance for chance and the usual variation between {plural} would explain.",
                Band.Below => $"The survey rates {organisation} below its expected range{range}: its case-mix adjusted score is lower than the survey's allowance for chance and the usual variation between {plural} would explain.",
                _ => $"The survey rates {organisation} within its expected range{range}: its difference from England is within the survey's allowance for chance and the usual variation between {plural}.",
            };
        }

        return funnel.Position switch
        {
            FunnelPosition.AboveUpperLimit => $"{organisation} is above the upper 99.8% limit: further above England than this funnel's allowance for chance and variation between {plural}.",
            FunnelPosition.BelowLowerLimit => $"{organisation} is below the lower 99.8% limit: further below England than this funnel's allowance for chance and variation between {plural}.",
            _ => $"{organisation} is within the 99.8% limits: its difference from England is within this funnel's allowance for chance and variation between {plural}.",
        };
    }

    /// <summary>
    /// Where the survey published a band, what this dashboard's 99.8 % limits say, worded as the stricter test they
    /// are; null where there is no band (the verdict is then the 99.8 % position itself) or no position.
    /// </summary>
    public static string? Stricter(QuestionFunnel funnel, string organisation)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        if (funnel.PublishedBand is not { } band || funnel.Position is not { } position)
        {
            return null;
        }

        var agrees = QuestionFunnel.AsBand(position) == band;
        var where = position switch
        {
            FunnelPosition.AboveUpperLimit => "above the upper limit",
            FunnelPosition.BelowLowerLimit => "below the lower limit",
            _ => "within them",
        };
        var also = agrees && band != Band.Within ? "also " : string.Empty;
        var meaning = position == FunnelPosition.WithinLimits && band != Band.Within
            ? ", so only by the survey's 95% range, not by this stricter test, does the difference stand out"
            : string.Empty;
        return $"This dashboard's 99.8% limits are a stricter test than the survey's 95% expected range; by them {organisation} is {also}{where}{meaning}.";
    }

    /// <summary>
    /// How many organisations fall outside each limit on this funnel: with τ² allowing for variation between
    /// organisations, the share outside is not the nominal 5 % and 0.2 %, so the page shows it.
    /// </summary>
    public static string Outside(QuestionFunnel funnel)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        var counts = funnel.Outside;
        var plotted = Display.Organisations(counts.Plotted, funnel.Level);
        return $"On this funnel {Format.Count(counts.Outside95)} of the {plotted} plotted {Format.Plural(counts.Outside95, "falls", "fall")} outside the 95% limits and {Format.Count(counts.Outside998)} outside the 99.8% limits. "
            + "The limits are an allowance for chance and the usual variation between organisations, not tests at exactly 95% and 99.8%, so these shares need not be 5% and 0.2%.";
    }

    /// <summary>
    /// This dashboard's 95 % limits beside the survey's published expected range, both named, with the reason when they
    /// place the score differently; null when the survey published no band for this result.
    /// </summary>
    public static string? AgainstPublished(QuestionFunnel funnel, Scoring scoring)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        if (funnel.PublishedBand is not { } band || funnel.PositionAt95 is not { } position || funnel.OwnLimitsAt95 is not { } limits)
        {
            return null;
        }

        var where = position switch
        {
            FunnelPosition.AboveUpperLimit => "above them",
            FunnelPosition.BelowLowerLimit => "below them",
            _ => "within them",
        };
        var published = funnel.PublishedRange is { } range
            ? $"the survey's published expected range ({Display.Interval(range.Lower, range.Upper, scoring)}) and "
            : "the survey's published expected range and ";
        var ours = $"Two 95% ranges appear for this result: {published}this dashboard's funnel limits for its respondents ({Display.Interval(limits.Lower, limits.Upper, scoring)}), "
            + $"which rebuild the survey's range from England's unrounded score and a τ² recovered from all the published ranges, so the two can differ slightly. The funnel limits place its score {where}";
        return funnel.DiffersFromPublished
            ? $"{ours}, while the survey published “{Display.Band(band)}”. They differ because the survey judged the unrounded score, which it publishes rounded, so a score this close to a limit can fall on either side of it."
            : $"{ours}, as the survey's published rating (“{Display.Band(band)}”) does.";
    }

    /// <summary>
    /// Why the same figures can be judged differently on this basis and on the case-mix adjusted one; null where this
    /// funnel is the adjusted one or the survey published no ranges to set beside it.
    /// </summary>
    public static string? AcrossBases(QuestionFunnel funnel)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        if (funnel.AdjustedTauSquared is not { } adjusted || funnel.Baseline.Source == TauSource.PublishedRanges)
        {
            return null;
        }

        var mean = funnel.Baseline.Scoring == Scoring.MeanOutOfTen;
        var places = mean ? 4 : 1;
        var plural = Display.LevelPlural(funnel.Level);
        var here = Format.Number(funnel.Baseline.TauSquared, places);
        var there = Format.Number(adjusted, places);
        var wider = funnel.Baseline.TauSquared >= adjusted ? "wider" : "narrower";
        return $"These limits are not the case-mix adjusted funnel's. On this basis the variation between {plural} (τ² = {here}) is estimated from their own scores, which also differ by the mix of patients each treats; "
            + $"on the case-mix adjusted basis it is the survey's allowance recovered from its expected ranges (τ² = {there}). So these limits are {wider}, and the same score and respondents can be within one basis's limits and outside the other's.";
    }
}
