using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Import;

/// <summary>One result as read from a file, in either layout, before it is matched to the database.</summary>
internal sealed record ImportRow
{
    public required int Line { get; init; }
    public required int Year { get; init; }
    public required OrganisationLevel Level { get; init; }
    public required string OrganisationCode { get; init; }
    public required string OrganisationName { get; init; }

    /// <summary>The Alliance as the file names it: a code in the tidy layout, a name in the combined layout.</summary>
    public string? AllianceReference { get; init; }

    /// <summary>The tidy layout names the Alliance too, so a download re-imported alone keeps its Alliance.</summary>
    public string? AllianceName { get; init; }

    /// <summary>The Integrated Care Board a Trust or sub-ICB location is part of in this edition (tidy layout only).</summary>
    public string? IcbCode { get; init; }

    /// <summary>The ICB's name, so a file imported alone can create it.</summary>
    public string? IcbName { get; init; }

    /// <summary>The NHS England region an organisation is part of in this edition (tidy layout only).</summary>
    public string? RegionCode { get; init; }

    public string? RegionName { get; init; }
    public required int QuestionNumber { get; init; }
    public required string QuestionText { get; init; }
    public required string Section { get; init; }
    public required Scoring Scoring { get; init; }
    public required int TumourGroupId { get; init; }
    public required Breakdown Breakdown { get; init; }
    public required ResultBasis Basis { get; init; }
    public int? Respondents { get; init; }
    public double? Score { get; init; }

    /// <summary>The decimal places the score was published to (see docs/data-format.md for each layout's rule).</summary>
    public int? ScoreDecimals { get; init; }
    public double? CiLower { get; init; }
    public double? CiUpper { get; init; }
    public double? ExpectedLower { get; init; }
    public double? ExpectedUpper { get; init; }
    public Band? Band { get; init; }
    public ChangeDirection? ChangeSincePrevious { get; init; }
    public ChangeDirection? ChangeOverall { get; init; }
    public bool? GroupDifferenceSignificant { get; init; }

    /// <summary>The group the survey's test compared this one with, where the file names it (the tidy layout's <c>compared_with</c>).</summary>
    public Breakdown? ComparedWith { get; init; }

    /// <summary>The stored id of <see cref="ComparedWith"/>, set once the row is matched to the database.</summary>
    public int? ComparedWithId { get; init; }
    public Suppression Suppression { get; init; }
    public string? SourceNote { get; init; }

    /// <summary>The questionnaire series the row's edition uses, where the file says (the tidy layout's <c>series</c>).</summary>
    public string? SeriesCode { get; init; }

    /// <summary>
    /// Set when the row is one answer option of its question rather than a result: its <see cref="Respondents"/> are
    /// those choosing the option and its <see cref="Score"/> the percentage choosing it.
    /// </summary>
    public AnswerRow? Answer { get; init; }
}

/// <summary>One answer option as a file gives it: its place in the questionnaire, its words, and whether it counts as positive.</summary>
internal sealed record AnswerRow(int Order, string Label, bool CountsAsPositive);

public sealed record ImportError(int Line, string? Column, string Message)
{
    /// <summary>The sheet of a workbook the error is on; null for a CSV file, whose errors name lines.</summary>
    public string? Sheet { get; init; }

    /// <summary>The spreadsheet letters of the error's column (D), with <see cref="Sheet"/>.</summary>
    public string? ColumnLetters { get; init; }

    /// <summary>The cell a workbook's error is in, e.g. D14.</summary>
    public string? Cell => ColumnLetters is null ? null : ColumnLetters + Line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Line 0 is the file as a whole (a limit, its encoding, its gzip data), which its message names: no line to blame.
    /// </summary>
    public override string ToString() => (Sheet, Cell, Column) switch
    {
        (null, _, null) when Line <= 0 => Message,
        (null, _, _) when Line <= 0 => $"column '{Column}': {Message}",
        (null, _, null) => $"line {Line}: {Message}",
        (null, _, _) => $"line {Line}, column '{Column}': {Message}",
        (_, null, null) => $"sheet {Sheet}, row {Line}: {Message}",
        (_, null, _) => $"sheet {Sheet}, row {Line}, column '{Column}': {Message}",
        _ => $"sheet {Sheet}, cell {Cell}, column '{Column}': {Message}",
    };
}
