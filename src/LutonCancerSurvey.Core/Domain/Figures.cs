namespace LutonCancerSurvey.Core.Domain;

/// <summary>Where a figure came from: the import's file and date, and the citation the file gave, if any.</summary>
public sealed record SourceInfo(string FileName, DateTimeOffset ImportedAt, int Row, string? Note);

// SeriesCode: the questionnaire series of the question's edition where it is not the default for its year (files of
// such editions must name it); null otherwise.
public sealed record QuestionInfo(int Number, string Text, string Section, Scoring Scoring, string? SeriesCode = null);

/// <summary>A result as shown. A suppressed one carries no figure: the database never stored one.</summary>
public sealed record Figure(
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
    Suppression Suppression,
    SourceInfo Source)
{
    public bool IsSuppressed => Suppression != Suppression.None;

    /// <summary>The decimal places the source published the score to; null when not recorded (the scale's usual places apply).</summary>
    public int? Decimals { get; init; }
}
