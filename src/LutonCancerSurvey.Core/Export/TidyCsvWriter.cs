using System.Globalization;
using CsvHelper;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;

namespace LutonCancerSurvey.Core.Export;

/// <summary>One result in the tidy layout: what downloads write and the importer reads back.</summary>
public sealed record TidyRow(
    int Year,
    OrganisationLevel Level,
    string OrganisationCode,
    string OrganisationName,
    string? AllianceCode,
    string? AllianceName,
    int QuestionNumber,
    string QuestionText,
    string Section,
    Scoring Scoring,
    string TumourGroup,
    Breakdown Breakdown,
    ResultBasis Basis,
    int? Respondents,
    double? Score,
    double? CiLower,
    double? CiUpper,
    double? ExpectedLower,
    double? ExpectedUpper,
    Band? Band,
    ChangeDirection? ChangeSincePrevious,
    ChangeDirection? ChangeOverall,
    bool? GroupDifferenceSignificant,
    Suppression Suppression,
    string? SourceNote,
    int? ScoreDecimals = null,
    string? Series = null,
    string? IcbCode = null,
    string? IcbName = null,
    string? RegionCode = null,
    string? RegionName = null,
    Breakdown? ComparedWith = null,
    TidyAnswer? Answer = null);

/// <summary>
/// The answer option a row of the long table of response frequencies gives: its respondents and score are then those
/// choosing the option and the percentage they are of the question's respondents.
/// </summary>
public sealed record TidyAnswer(int Order, string Label, bool CountsAsPositive);

public static class TidyCsvWriter
{
    /// <summary>The 25 columns every tidy file has.</summary>
    public static IReadOnlyList<string> Header => TidyLayout.Columns;

    /// <summary>
    /// The columns written for these rows: the 25 of <see cref="Header"/>, with the ICB's and the region's code and
    /// name after the Alliance's only when some row has one, so a file of editions without ICBs (2015-2021) is exactly
    /// what it always was.
    /// </summary>
    public static IReadOnlyList<string> HeaderFor(IReadOnlyCollection<TidyRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var (icbs, regions) = ParentsUsed(rows);
        var alliance = Header.ToList().IndexOf("alliance_name") + 1;
        return
        [
            .. Header.Take(alliance), .. icbs ? TidyLayout.IcbColumns : [], .. regions ? TidyLayout.RegionColumns : [], .. Header.Skip(alliance),
            .. rows.Any(r => r.Series is not null) ? [TidyLayout.SeriesColumn] : Array.Empty<string>(),
            .. rows.Any(ComparesNamedGroups) ? [TidyLayout.ComparedWithColumn] : Array.Empty<string>(),
            .. rows.Any(r => r.Answer is not null) ? TidyLayout.AnswerColumns : Array.Empty<string>(),
        ];
    }

    /// <summary>
    /// Writes rows with invariant, shortest round-trip numbers, except the score, which keeps the decimal places it was
    /// published to (8.80 stays 8.80, so a re-import knows its precision); export, import and export again give the
    /// same bytes. A suppressed row is written with every figure empty, whatever it is given. Text that a spreadsheet
    /// would run as a formula is quoted (<see cref="SpreadsheetText"/>); the importer takes the quote off again.
    /// </summary>
    public static async Task WriteAsync(TextWriter output, IEnumerable<TidyRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var all = rows as IReadOnlyCollection<TidyRow> ?? rows.ToList();
        var (icbs, regions) = ParentsUsed(all);

        // Only rows of an edition that is not on its year's default questionnaire need the series named, and files
        // without such rows keep exactly the columns they always had.
        var withSeries = all.Any(r => r.Series is not null);
        var withComparedGroups = all.Any(ComparesNamedGroups);
        var withAnswers = all.Any(r => r.Answer is not null);
        await using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in HeaderFor(all))
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync().ConfigureAwait(false);
        foreach (var row in all)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var shown = row.Suppression == Suppression.None;
            string?[] parents =
            [
                .. icbs ? new[] { SpreadsheetText.Neutralise(row.IcbCode), SpreadsheetText.Neutralise(row.IcbName) } : [],
                .. regions ? new[] { SpreadsheetText.Neutralise(row.RegionCode), SpreadsheetText.Neutralise(row.RegionName) } : [],
            ];
            string?[] fields =
            [
                row.Year.ToString(CultureInfo.InvariantCulture),
                Vocabulary.LevelWords[row.Level],
                SpreadsheetText.Neutralise(row.OrganisationCode),
                SpreadsheetText.Neutralise(row.OrganisationName),
                SpreadsheetText.Neutralise(row.AllianceCode),
                SpreadsheetText.Neutralise(row.AllianceName),
                .. parents,
                Vocabulary.QuestionLabel(row.QuestionNumber),
                SpreadsheetText.Neutralise(row.QuestionText),
                SpreadsheetText.Neutralise(row.Section),
                Vocabulary.ScoringWords[row.Scoring],
                SpreadsheetText.Neutralise(row.TumourGroup),
                row.Breakdown.Word,
                Vocabulary.BasisWords[row.Basis],
                shown ? row.Respondents?.ToString(CultureInfo.InvariantCulture) : null,
                shown ? Score(row.Score, row.ScoreDecimals) : null,
                shown ? Number(row.CiLower) : null,
                shown ? Number(row.CiUpper) : null,
                shown ? Number(row.ExpectedLower) : null,
                shown ? Number(row.ExpectedUpper) : null,
                shown && row.Band is { } band ? Vocabulary.BandWords[band] : null,
                shown && row.ChangeSincePrevious is { } change ? Vocabulary.ChangeWords[change] : null,
                shown && row.ChangeOverall is { } overall ? Vocabulary.ChangeWords[overall] : null,
                shown && row.GroupDifferenceSignificant is { } significant ? (significant ? "significant" : "not-significant") : null,
                Vocabulary.SuppressionWords[row.Suppression],
                SpreadsheetText.Neutralise(row.SourceNote),
                .. withSeries ? [row.Series] : Array.Empty<string?>(),
                .. withComparedGroups ? [ComparesNamedGroups(row) ? row.ComparedWith!.Word : null] : Array.Empty<string?>(),
                .. withAnswers ? AnswerFields(row.Answer) : Array.Empty<string?>(),
            ];
            foreach (var field in fields)
            {
                csv.WriteField(field ?? string.Empty);
            }

            await csv.NextRecordAsync().ConfigureAwait(false);
        }

        await csv.FlushAsync().ConfigureAwait(false);
    }

    private static string?[] AnswerFields(TidyAnswer? answer) => answer is null
        ? [null, null, null]
        : [SpreadsheetText.Neutralise(answer.Label), answer.Order.ToString(CultureInfo.InvariantCulture), answer.CountsAsPositive ? "yes" : "no"];

    /// <summary>A shown row whose published test names the group it compared (not written for a suppressed row, which has no test).</summary>
    private static bool ComparesNamedGroups(TidyRow row) =>
        row.ComparedWith is not null && row.Suppression == Suppression.None && row.GroupDifferenceSignificant is not null;

    private static (bool Icbs, bool Regions) ParentsUsed(IReadOnlyCollection<TidyRow> rows) =>
        (rows.Any(r => r.IcbCode is not null), rows.Any(r => r.RegionCode is not null));

    private static string? Score(double? value, int? decimals) => decimals is { } places && value is { } score
        ? score.ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
        : Number(value);

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
