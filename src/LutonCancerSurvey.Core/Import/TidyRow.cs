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
    Breakdown? ComparedWith = null);
