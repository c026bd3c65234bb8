using System.Text.Json.Serialization;

namespace LutonCancerSurvey.Web.Api;

// The API's own shapes and words, so the JSON contract stays put whatever the domain model's enums are called.

/// <summary>An organisation the survey reports on.</summary>
/// <param name="Code">The organisation code, e.g. 06P for NHS Luton CCG, E92000001 for England.</param>
/// <param name="Name">The published name.</param>
/// <param name="Level">national, cancer-alliance, ccg, trust, region, icb or sub-icb.</param>
/// <param name="Alliance">The Cancer Alliance a CCG or Trust belongs to; null for England, the Alliances and where unknown.</param>
/// <param name="Icb">The Integrated Care Board a Trust or sub-ICB location is part of in the same edition; null otherwise.</param>
/// <param name="Region">The NHS England region it is part of in the same edition; null otherwise.</param>
/// <param name="Became">What became of it, step by step (a merger, a new code, an abolition), as far as the caller may
/// see; empty when it carries on. The last step's organisation is what it is part of now.</param>
/// <param name="Embargo">In the list of organisations: set when the name and Alliance come from a draft edition (seen by
/// signed-in commissioners and administrators only), which is not for publication; null otherwise.</param>
public sealed record ApiOrganisation(
    string Code, string Name, ApiLevel Level, ApiAlliance? Alliance, ApiAlliance? Icb, ApiAlliance? Region,
    IReadOnlyList<ApiSuccession> Became, ApiEmbargo? Embargo = null);

/// <summary>An organisation another is part of (a Cancer Alliance, an ICB, a region), as the same edition names it.</summary>
public sealed record ApiAlliance(string Code, string Name);

/// <summary>One step of what became of an organisation.</summary>
/// <param name="Kind">merged (it became part of the successor), renamed (the same body under a new code) or abolished.</param>
/// <param name="Year">The first survey year in which the successor reports instead.</param>
/// <param name="Code">The successor's code; null for an organisation abolished with no successor.</param>
/// <param name="Name">The successor's name in the newest edition the caller may see; null when there is no successor.</param>
public sealed record ApiSuccession(ApiSuccessionKind Kind, int Year, string? Code, string? Name);

[JsonConverter(typeof(JsonStringEnumConverter<ApiSuccessionKind>))]
public enum ApiSuccessionKind
{
    [JsonStringEnumMemberName("merged")]
    Merged,

    [JsonStringEnumMemberName("renamed")]
    Renamed,

    [JsonStringEnumMemberName("abolished")]
    Abolished,
}

/// <summary>Every scored question for one organisation, year, tumour group and basis.</summary>
/// <param name="Organisation">Whose results these are.</param>
/// <param name="Year">The survey year.</param>
/// <param name="TumourGroup">The tumour group as its slug, e.g. all-cancers, breast, head-and-neck.</param>
/// <param name="Basis">adjusted (case-mix adjusted, All Cancers only), unadjusted, or trend (the unadjusted figures published for year-on-year comparison).</param>
/// <param name="Breakdown">Which patients: all, male, female, imd1 … imd5 (deprivation quintile, 1 most deprived), or dimension:group
/// for any other group the survey publishes (age:16-24, ethnic-group:Asian), the tidy layout's words.</param>
/// <param name="Results">One entry a scored question, in question order.</param>
/// <param name="Embargo">Null for a published edition. For a draft (shown to signed-in commissioners and administrators
/// only) it says the figures are embargoed and not for publication until <c>until</c>.</param>
/// <param name="Questionnaire">The questionnaire the year's edition used: its question numbers mean that questionnaire's
/// questions, and results are comparable across years of the same questionnaire (or where a crosswalk matches them).</param>
public sealed record ApiResults(
    ApiOrganisation Organisation, int Year, string TumourGroup, ApiBasis Basis, string Breakdown, IReadOnlyList<ApiResult> Results,
    ApiEmbargo? Embargo, ApiQuestionnaire Questionnaire)
{
    /// <summary>Questions without a score, with the answers the file gave (all patients only); empty when none.</summary>
    public IReadOnlyList<ApiUnscoredQuestion> Unscored { get; init; } = [];
}

/// <summary>A questionnaire series: the questions one or more editions asked, under one numbering.</summary>
/// <param name="Series">Its code, e.g. cpes-2015, cpes-2021.</param>
/// <param name="Name">Its name as an administrator gave it.</param>
/// <param name="FirstYear">The first survey year it is the default for; null when it is the default for no year.</param>
/// <param name="LastYear">The last survey year it is the default for; null when open-ended or not a default.</param>
public sealed record ApiQuestionnaire(string Series, string Name, int? FirstYear, int? LastYear);

/// <summary>The embargo on a draft edition's figures.</summary>
/// <param name="Embargoed">Always true: the figures are not for publication.</param>
/// <param name="Until">When the embargo is scheduled to lift; null when no date is set yet.</param>
public sealed record ApiEmbargo(bool Embargoed, DateTimeOffset? Until);

/// <summary>
/// One question's result. When suppressed, every figure (respondents, score, intervals, band, change) is null and
/// <c>suppressed</c> says why.
/// </summary>
/// <param name="Question">The question label as the questionnaire prints it, e.g. "Q59". Numbers belong to the survey year.</param>
/// <param name="Section">The questionnaire section.</param>
/// <param name="Text">The question wording.</param>
/// <param name="Scoring">percent (percentage positive, 0-100) or mean (0-10 rating, Q59).</param>
/// <param name="Respondents">How many answered; null when suppressed or not published.</param>
/// <param name="Score">The score; null when suppressed.</param>
/// <param name="ScoreText">The score as every page writes it, with the decimal places its source published ("8.80", "65%"); null when suppressed.</param>
/// <param name="CiLower">Lower end of the published 95 % confidence interval.</param>
/// <param name="CiUpper">Upper end of the published 95 % confidence interval.</param>
/// <param name="ExpectedLower">Lower end of the expected range (adjusted results only).</param>
/// <param name="ExpectedUpper">Upper end of the expected range (adjusted results only).</param>
/// <param name="Band">The adjusted score against its expected range: above, within or below; null where there is no range.</param>
/// <param name="ChangeFlag">The published change since the previous year (trend results): up, down or unchanged.</param>
/// <param name="GroupDifference">
/// The survey's own test of the gap this group is one side of (male against female, imd1 against imd5): significant or
/// not-significant; null where the survey gives no test (all patients, imd2 to imd4) or the result is suppressed.
/// </param>
/// <param name="National">England's figure for the same question, tumour group, breakdown and (where published) basis.</param>
/// <param name="Suppressed">Null when the result is shown; few-respondents (fewer than <see cref="Core.Domain.Disclosure.MinimumRespondents"/>) or source (withheld by the published file).</param>
/// <param name="Source">Where the figure came from.</param>
public sealed record ApiResult(
    string Question,
    string Section,
    string Text,
    ApiScoring Scoring,
    int? Respondents,
    double? Score,
    string? ScoreText,
    double? CiLower,
    double? CiUpper,
    double? ExpectedLower,
    double? ExpectedUpper,
    ApiBand? Band,
    ApiChange? ChangeFlag,
    ApiGroupDifference? GroupDifference,
    ApiNationalFigure? National,
    ApiSuppression? Suppressed,
    ApiSource Source)
{
    /// <summary>
    /// The group the survey's test compared this one with, as a breakdown word (age:75+), where the source names it;
    /// null for the tests of sex and deprivation (men against women, imd1 against imd5) and where there is no test.
    /// </summary>
    public string? ComparedWith { get; init; }

    /// <summary>
    /// How the organisation's respondents answered (response frequencies), in the questionnaire's order; null where
    /// the file gave none. Every option's figures are null when the question is suppressed.
    /// </summary>
    public IReadOnlyList<ApiAnswer>? Answers { get; init; }
}

/// <summary>One answer option and how many chose it.</summary>
/// <param name="Order">Its place in the questionnaire's list of options, from 1.</param>
/// <param name="Label">Its words as the questionnaire prints them.</param>
/// <param name="Positive">Whether the survey counts it towards the question's score (always false for a question without a score).</param>
/// <param name="Respondents">How many chose it; null when withheld or not published.</param>
/// <param name="Percent">The percentage of the question's respondents choosing it; null when withheld.</param>
/// <param name="PercentText">The percentage as the pages write it, with its published places; null when withheld.</param>
/// <param name="Suppressed">Null when shown; few-respondents (the question, or the option as the file marks it) or source.</param>
public sealed record ApiAnswer(int Order, string Label, bool Positive, int? Respondents, double? Percent, string? PercentText, ApiSuppression? Suppressed);

/// <summary>A question the survey publishes only the answers to (a routing or demographic question): no score.</summary>
/// <param name="Question">The question label, e.g. "Q60".</param>
/// <param name="Section">The questionnaire section.</param>
/// <param name="Text">The question wording.</param>
/// <param name="Respondents">How many answered; null when suppressed.</param>
/// <param name="Suppressed">Null when shown, otherwise why not.</param>
/// <param name="Answers">How they answered, in the questionnaire's order.</param>
public sealed record ApiUnscoredQuestion(string Question, string Section, string Text, int? Respondents, ApiSuppression? Suppressed, IReadOnlyList<ApiAnswer> Answers);

/// <summary>England's figure beside a result.</summary>
/// <param name="Basis">The basis of England's figure: the result's own where published, otherwise unadjusted.</param>
/// <param name="Respondents">How many answered in England; null when suppressed or not published.</param>
/// <param name="Score">England's score; null when suppressed.</param>
/// <param name="ScoreText">England's score as every page writes it; null when suppressed.</param>
/// <param name="CiLower">Lower end of the published 95 % confidence interval.</param>
/// <param name="CiUpper">Upper end of the published 95 % confidence interval.</param>
/// <param name="Suppressed">Null when shown, otherwise why not.</param>
/// <param name="Source">Where England's figure came from.</param>
public sealed record ApiNationalFigure(
    ApiBasis Basis, int? Respondents, double? Score, string? ScoreText, double? CiLower, double? CiUpper, ApiSuppression? Suppressed, ApiSource Source);

/// <summary>Where a figure came from.</summary>
/// <param name="File">The imported file's name.</param>
/// <param name="ImportedAt">When it was imported.</param>
/// <param name="Row">The figure's line in that file.</param>
/// <param name="Note">The citation the file gave, e.g. a press release; null when the file itself is the source.</param>
public sealed record ApiSource(string File, DateTimeOffset ImportedAt, int Row, string? Note);

[JsonConverter(typeof(JsonStringEnumConverter<ApiLevel>))]
public enum ApiLevel
{
    [JsonStringEnumMemberName("national")]
    National,

    [JsonStringEnumMemberName("cancer-alliance")]
    CancerAlliance,

    [JsonStringEnumMemberName("ccg")]
    Ccg,

    [JsonStringEnumMemberName("trust")]
    Trust,

    [JsonStringEnumMemberName("region")]
    Region,

    [JsonStringEnumMemberName("icb")]
    Icb,

    [JsonStringEnumMemberName("sub-icb")]
    SubIcb,
}

[JsonConverter(typeof(JsonStringEnumConverter<ApiBasis>))]
public enum ApiBasis
{
    [JsonStringEnumMemberName("adjusted")]
    Adjusted,

    [JsonStringEnumMemberName("unadjusted")]
    Unadjusted,

    [JsonStringEnumMemberName("trend")]
    Trend,
}

[JsonConverter(typeof(JsonStringEnumConverter<ApiScoring>))]
public enum ApiScoring
{
    [JsonStringEnumMemberName("percent")]
    Percent,

    [JsonStringEnumMemberName("mean")]
    Mean,
}

[JsonConverter(typeof(JsonStringEnumConverter<ApiBand>))]
public enum ApiBand
{
    [JsonStringEnumMemberName("above")]
    Above,

    [JsonStringEnumMemberName("within")]
    Within,

    [JsonStringEnumMemberName("below")]
    Below,
}

[JsonConverter(typeof(JsonStringEnumConverter<ApiChange>))]
public enum ApiChange
{
    [JsonStringEnumMemberName("up")]
    Up,

    [JsonStringEnumMemberName("down")]
    Down,

    [JsonStringEnumMemberName("unchanged")]
    Unchanged,
}

[JsonConverter(typeof(JsonStringEnumConverter<ApiSuppression>))]
public enum ApiSuppression
{
    [JsonStringEnumMemberName("few-respondents")]
    FewRespondents,

    [JsonStringEnumMemberName("source")]
    Source,
}

[JsonConverter(typeof(JsonStringEnumConverter<ApiGroupDifference>))]
public enum ApiGroupDifference
{
    [JsonStringEnumMemberName("significant")]
    Significant,

    [JsonStringEnumMemberName("not-significant")]
    NotSignificant,
}
