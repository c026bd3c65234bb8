using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Formatting;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Web.Presentation;

/// <summary>The plain-English sentences beside a funnel plot: how its limits were drawn and what they say.</summary>
public static class FunnelText
{
    /// <summary>How the limits were drawn: level, centre, spread, τ² and where τ² came from.</summary>
    public static string Method(QuestionFunnel funnel)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        var b = funnel.Baseline;
        var plural = Display.LevelPlural(funnel.Level);
        var mean = b.Scoring == Scoring.MeanOutOfTen;
        var centre = mean ? Format.Number(b.Centre, 2) : Format.Number(b.Centre, 1) + "%";
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
        return $"Method (computed by this dashboard, not published by the survey): control limits at 95% and 99.8% for {plural}, around England's unrounded score of {centre} (the middle of its published confidence interval), allowing for {chance}. {allowance}{exact}";
    }

    /// <summary>Where the organisation falls at 99.8 %, the page's verdict.</summary>
    public static string Position(FunnelPosition position, string organisation, OrganisationLevel level)
    {
        var plural = Display.LevelPlural(level);
        return position switch
        {
            FunnelPosition.AboveUpperLimit => $"{organisation} is above the upper 99.8% limit: its score is higher than chance and the usual variation between {plural} would explain.",
            FunnelPosition.BelowLowerLimit => $"{organisation} is below the lower 99.8% limit: its score is lower than chance and the usual variation between {plural} would explain.",
            _ => $"{organisation} is within the 99.8% limits: its difference from England could be chance or the usual variation between {plural}.",
        };
    }

    /// <summary>
    /// This dashboard's 95 % limits set beside the survey's published band, with the reason when they disagree; null
    /// when the survey published no band for this result.
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
        var ours = $"This dashboard's 95% limits for its respondents are {Display.Interval(limits.Lower, limits.Upper, scoring)} and place its score {where}";
        return funnel.DiffersFromPublished
            ? $"{ours}, while the survey published “{Display.Band(band)}”. They differ because the survey judged the unrounded score, which it publishes rounded, so a score this close to a limit can fall on either side of it."
            : $"{ours}, as the survey's published rating (“{Display.Band(band)}”) does.";
    }
}
