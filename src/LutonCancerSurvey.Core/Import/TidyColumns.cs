using System.Globalization;
using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// One column of the tidy layout: its name, how a result is written in it, and, for a column a file carries only when
/// some row needs it, which rows do (null: every file has it).
/// </summary>
public sealed record TidyColumn(string Name, Func<TidyRow, string?> Write, Func<TidyRow, bool>? NeededBy = null)
{
    public bool Required => NeededBy is null;
}

/// <summary>
/// The tidy layout's columns, in the order its files have them, defined once: the writer's header and fields, the
/// importer's required and optional columns, the fields saved layouts map and the check of docs/data-format.md all
/// come from <see cref="All"/>, so a new column is one entry here and its reading in <c>TidyLayout.Read</c>.
/// </summary>
public static class TidyColumns
{
    public const string IcbCode = "icb_code";
    public const string IcbName = "icb_name";
    public const string RegionCode = "region_code";
    public const string RegionName = "region_name";
    public const string Series = "series";
    public const string ComparedWith = "compared_with";
    public const string Answer = "answer";
    public const string AnswerOrder = "answer_order";
    public const string AnswerPositive = "answer_positive";

    // Text that a spreadsheet would run as a formula is quoted (SpreadsheetText); the importer takes the quote off
    // again. A suppressed row is written with every figure empty, whatever it is given.
    public static readonly IReadOnlyList<TidyColumn> All =
    [
        new("year", r => r.Year.ToString(CultureInfo.InvariantCulture)),
        new("level", r => Vocabulary.LevelWords[r.Level]),
        new("organisation_code", r => SpreadsheetText.Neutralise(r.OrganisationCode)),
        new("organisation_name", r => SpreadsheetText.Neutralise(r.OrganisationName)),
        new("alliance_code", r => SpreadsheetText.Neutralise(r.AllianceCode)),
        new("alliance_name", r => SpreadsheetText.Neutralise(r.AllianceName)),

        // What an organisation is part of beyond its Alliance, in editions from 2022: only when some row has one, so a
        // file of editions without ICBs (2015-2021) is exactly what it always was.
        new(IcbCode, r => SpreadsheetText.Neutralise(r.IcbCode), HasIcb),
        new(IcbName, r => SpreadsheetText.Neutralise(r.IcbName), HasIcb),
        new(RegionCode, r => SpreadsheetText.Neutralise(r.RegionCode), HasRegion),
        new(RegionName, r => SpreadsheetText.Neutralise(r.RegionName), HasRegion),
        new("question", r => Vocabulary.QuestionLabel(r.QuestionNumber)),
        new("question_text", r => SpreadsheetText.Neutralise(r.QuestionText)),
        new("section", r => SpreadsheetText.Neutralise(r.Section)),
        new("scoring", r => Vocabulary.ScoringWords[r.Scoring]),
        new("tumour_group", r => SpreadsheetText.Neutralise(r.TumourGroup)),
        new("breakdown", r => r.Breakdown.Word),
        new("basis", r => Vocabulary.BasisWords[r.Basis]),
        new("respondents", r => Shown(r) ? r.Respondents?.ToString(CultureInfo.InvariantCulture) : null),
        new("score", r => Shown(r) ? Score(r.Score, r.ScoreDecimals) : null),
        new("ci_lower", r => Shown(r) ? Number(r.CiLower) : null),
        new("ci_upper", r => Shown(r) ? Number(r.CiUpper) : null),
        new("expected_lower", r => Shown(r) ? Number(r.ExpectedLower) : null),
        new("expected_upper", r => Shown(r) ? Number(r.ExpectedUpper) : null),
        new("band", r => Shown(r) && r.Band is { } band ? Vocabulary.BandWords[band] : null),
        new("change_since_previous", r => Shown(r) && r.ChangeSincePrevious is { } change ? Vocabulary.ChangeWords[change] : null),
        new("change_overall", r => Shown(r) && r.ChangeOverall is { } change ? Vocabulary.ChangeWords[change] : null),
        new("group_difference", r => Shown(r) && r.GroupDifferenceSignificant is { } significant
            ? (significant ? "significant" : "not-significant")
            : null),
        new("suppressed", r => Vocabulary.SuppressionWords[r.Suppression]),
        new("source_note", r => SpreadsheetText.Neutralise(r.SourceNote)),

        // Only rows of an edition that is not on its year's default questionnaire need the series named.
        new(Series, r => r.Series, r => r.Series is not null),
        new(ComparedWith, r => ComparesNamedGroups(r) ? r.ComparedWith!.Word : null, ComparesNamedGroups),

        // The long table of response frequencies: a row that names an answer is one option of its question.
        new(Answer, r => SpreadsheetText.Neutralise(r.Answer?.Label), IsAnswer),
        new(AnswerOrder, r => r.Answer?.Order.ToString(CultureInfo.InvariantCulture), IsAnswer),
        new(AnswerPositive, r => r.Answer is { } answer ? (answer.CountsAsPositive ? "yes" : "no") : null, IsAnswer),
    ];

    private static bool IsAnswer(TidyRow row) => row.Answer is not null;

    private static bool HasIcb(TidyRow row) => row.IcbCode is not null;

    private static bool HasRegion(TidyRow row) => row.RegionCode is not null;

    private static bool Shown(TidyRow row) => row.Suppression == Suppression.None;

    /// <summary>A shown row whose published test names the group it compared (not written for a suppressed row, which has no test).</summary>
    private static bool ComparesNamedGroups(TidyRow row) =>
        row.ComparedWith is not null && Shown(row) && row.GroupDifferenceSignificant is not null;

    // The score keeps the decimal places it was published to (8.80 stays 8.80), so a re-import knows its precision;
    // every other number is invariant and shortest round-trip.
    private static string? Score(double? value, int? decimals) => decimals is { } places && value is { } score
        ? score.ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
        : Number(value);

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
