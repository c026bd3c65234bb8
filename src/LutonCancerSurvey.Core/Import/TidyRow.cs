using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Import;

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
