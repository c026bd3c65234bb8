using System.Globalization;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Formatting;
using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Web.Presentation;

/// <summary>How figures are written on pages: as the survey publishes them, in en-GB, never a suppressed number.</summary>
public static class Display
{
    public static CultureInfo Culture => Format.Culture;

    public static readonly string FewRespondents = "Not shown: " + Disclosure.FewerThanMinimum;
    public const string SuppressedBySource = "Not shown: suppressed by the source";
    public const string NoResult = "No result";

    /// <summary>A score with the places its source published (<see cref="Format.Score"/>), the same in headlines, tables and charts.</summary>
    public static string Score(double? score, int? decimals, Scoring scoring) =>
        score is null ? NoResult : Format.Score(score.Value, decimals, scoring);

    public static string Score(Figure? figure, Scoring scoring) => figure switch
    {
        null => NoResult,
        { Suppression: Suppression.FewRespondents } => FewRespondents,
        { Suppression: Suppression.Source } => SuppressedBySource,
        _ => Score(figure.Score, figure.Decimals, scoring),
    };

    public static string Interval(double? lower, double? upper, Scoring scoring) =>
        lower is null || upper is null ? "–" : Format.Range(lower.Value, upper.Value, scoring);

    public static string Respondents(Figure? figure) =>
        figure is null || figure.IsSuppressed || figure.Respondents is null
            ? "–"
            : Format.Count(figure.Respondents.Value);

    /// <summary>The organisation's score minus England's, with the places of the more precise of the two.</summary>
    public static string Gap(QuestionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.GapToEngland is not { } gap)
        {
            return "–";
        }

        var scoring = result.Question.Scoring;
        var decimals = Math.Max(
            Format.DecimalsOf(result.Organisation!.Decimals, scoring), Format.DecimalsOf(result.England!.Decimals, scoring));
        return Format.Difference(gap, decimals, scoring);
    }

    public static string Band(Band? band) => band switch
    {
        Core.Domain.Band.Above => "Above expected range",
        Core.Domain.Band.Within => "Within expected range",
        Core.Domain.Band.Below => "Below expected range",
        _ => "No expected range",
    };

    /// <summary>The band for the charts' data attributes.</summary>
    public static string BandSlug(Band? band) => band switch
    {
        Core.Domain.Band.Above => "above",
        Core.Domain.Band.Within => "within",
        Core.Domain.Band.Below => "below",
        _ => "none",
    };

    public static string BandTag(Band? band) => band switch
    {
        Core.Domain.Band.Above => "nhsuk-tag--green",
        Core.Domain.Band.Below => "nhsuk-tag--red",
        Core.Domain.Band.Within => "nhsuk-tag--grey",
        _ => "nhsuk-tag--white",
    };

    public static string Change(ChangeDirection? change) => change switch
    {
        ChangeDirection.Up => "Significantly up",
        ChangeDirection.Down => "Significantly down",
        ChangeDirection.Unchanged => "No significant change",
        _ => "–",
    };

    public static string Basis(ResultBasis basis) => Format.Basis(basis);

    public static string BasisTitle(ResultBasis basis) => basis switch
    {
        ResultBasis.Adjusted => "Case-mix adjusted",
        ResultBasis.Unadjusted => "Unadjusted",
        _ => "Trend (year-on-year)",
    };

    /// <summary>The basis named by the question it answers, for the choice on the results page.</summary>
    public static string BasisChoice(ResultBasis basis) => basis switch
    {
        ResultBasis.Adjusted => "England, adjusted for case mix",
        ResultBasis.Unadjusted => "England, raw scores",
        _ => "Change over time",
    };

    public static string Level(OrganisationLevel level) => level switch
    {
        OrganisationLevel.National => "National",
        OrganisationLevel.CancerAlliance => "Cancer Alliance",
        OrganisationLevel.Ccg => "CCG",
        OrganisationLevel.Region => "NHS England region",
        OrganisationLevel.Icb => "Integrated Care Board",
        OrganisationLevel.SubIcb => "Sub-ICB location",
        _ => "NHS Trust",
    };

    public static string LevelPlural(OrganisationLevel level) => level switch
    {
        OrganisationLevel.CancerAlliance => "Cancer Alliances",
        OrganisationLevel.Ccg => "CCGs",
        OrganisationLevel.Trust => "NHS Trusts",
        OrganisationLevel.Region => "NHS England regions",
        OrganisationLevel.Icb => "Integrated Care Boards",
        OrganisationLevel.SubIcb => "sub-ICB locations",
        _ => "organisations",
    };

    public static string Source(SourceInfo source) =>
        source.Note is { Length: > 0 } note
            ? $"{note} (loaded from {source.FileName} on {source.ImportedAt.ToString("d MMMM yyyy", Culture)})"
            : $"{source.FileName}, row {source.Row.ToString(Culture)}, imported {source.ImportedAt.ToString("d MMMM yyyy", Culture)}";

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Embargo times are set and shown in UK time, whatever the server's clock zone.</summary>
    public static DateTimeOffset ToUkTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, UkTime);

    public static DateTimeOffset FromUkTime(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), UkTime.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)));

    public static string UkDateTime(DateTimeOffset instant) =>
        ToUkTime(instant).ToString("d MMMM yyyy 'at' HH:mm", Culture) + " UK time";

    public static string EmbargoUntil(Embargo embargo)
    {
        ArgumentNullException.ThrowIfNull(embargo);
        return embargo.Until is { } until ? UkDateTime(until) : "it is published (no date set yet)";
    }

    /// <summary>Numbers for the chart's data attributes: invariant, empty when not shown.</summary>
    public static string Data(double? value) =>
        value?.ToString("0.####", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Data(Figure? figure) => figure is null || figure.IsSuppressed ? string.Empty : Data(figure.Score);

    /// <summary>
    /// England's unrounded score for a chart's zero line, the centre the expected range and funnel limits use (the
    /// middle of its published interval, else its score); empty when not shown.
    /// </summary>
    public static string Centre(Figure? england) =>
        england is { IsSuppressed: false, Score: { } score }
            ? Data(Core.Statistics.FunnelBaseline.UnroundedCentre(score, england.CiLower, england.CiUpper))
            : string.Empty;

    /// <summary>
    /// A figure's score as the page writes it, for a chart's labels and tooltips, so the chart never rounds a figure
    /// itself; empty when not shown.
    /// </summary>
    public static string DataText(Figure? figure, Scoring scoring) =>
        figure is { IsSuppressed: false, Score: { } score } ? Format.Score(score, figure.Decimals, scoring) : string.Empty;

    /// <summary>An end of an interval as the page writes it, for a chart's tooltip; empty when there is none.</summary>
    public static string DataText(double? bound, Scoring scoring) => bound is { } value ? Format.Bound(value, scoring) : string.Empty;

    /// <summary>"31st of 194", or "joint 31st of 194" when other scores are shown the same.</summary>
    public static string RankPosition(Core.Statistics.RankResult rank) =>
        $"{(rank.IsJoint ? "joint " : string.Empty)}{Format.Ordinal(rank.Rank)} of {Format.Count(rank.Count)}";

    /// <summary>"19 CCGs", "1 NHS Trust": a count of organisations at a level.</summary>
    public static string Organisations(int count, OrganisationLevel level) =>
        Format.Count(count, count == 1 ? Level(level) : LevelPlural(level), LevelPlural(level));

    public static string ScaleOf(Scoring scoring) => scoring == Scoring.MeanOutOfTen ? "mean" : "percent";

    public static string Question(int number) => Format.Question(number);

    public const int ShortQuestionLength = 48;

    private static readonly char[] TrailingPunctuation = [',', ';', ':', '(', ' ', '-', '–'];

    /// <summary>
    /// A question's wording cut at the last whole word that fits, with an ellipsis, so a column of 52 questions stays
    /// one or two lines a row; the full wording is given beside it on demand.
    /// </summary>
    public static string ShortQuestion(string text, int maxLength = ShortQuestionLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length <= maxLength)
        {
            return trimmed;
        }

        var cut = trimmed.LastIndexOf(' ', maxLength - 1);
        var head = (cut > 0 ? trimmed[..cut] : trimmed[..(maxLength - 1)]).TrimEnd(TrailingPunctuation);
        return head + "…";
    }

    /// <summary>Whether <see cref="ShortQuestion"/> leaves words out.</summary>
    public static bool IsShortened(string text) => ShortQuestion(text) != (text ?? string.Empty).Trim();

    /// <summary>
    /// What an organisation is part of in the edition on show, as links: its ICB, its Cancer Alliance and its NHS
    /// England region, each named as that edition names it.
    /// </summary>
    public static IReadOnlyList<(string Code, string Text)> PartOf(OrganisationSummary organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var parents = new List<(string Code, string Text)>();
        if (organisation.Icb is { } icb)
        {
            parents.Add((icb.Code, icb.Name));
        }

        if (organisation is { AllianceCode: { } allianceCode, AllianceName: { } allianceName })
        {
            parents.Add((allianceCode, allianceName + " Cancer Alliance"));
        }

        if (organisation.Region is { } region)
        {
            parents.Add((region.Code, $"NHS England's {region.Name} region"));
        }

        return parents;
    }

    /// <summary>What goes before the item at <paramref name="index"/> of a list of <paramref name="count"/>: "A, B and C".</summary>
    public static string ListSeparator(int index, int count) =>
        index == 0 ? string.Empty : index == count - 1 ? " and " : ", ";
}
