using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Findings;

/// <summary>What a finding is about, so pages can group and label them.</summary>
public enum FindingKind
{
    /// <summary>The overall rating of care (Q59) against England.</summary>
    OverallAgainstEngland,

    /// <summary>The overall rating of care (Q59) against the organisation's Cancer Alliance.</summary>
    OverallAgainstAlliance,

    /// <summary>How many questions fall above, within and below their expected range.</summary>
    ExpectedRangeSummary,

    /// <summary>A question whose case-mix adjusted score is above its expected range.</summary>
    AboveExpected,

    /// <summary>A question whose case-mix adjusted score is below its expected range.</summary>
    BelowExpected,

    /// <summary>How many questions changed since the previous edition, and how that was judged.</summary>
    ChangeSummary,

    /// <summary>One question's change since the previous edition.</summary>
    Change,

    /// <summary>One tumour group's overall rating against England's for the same tumour group.</summary>
    TumourGroup,

    /// <summary>How many tumour groups could be shown at all.</summary>
    TumourGroupSummary,
}

/// <summary>
/// What the evidence allows a sentence to say. "Significantly" is only ever written for the two Significant verdicts,
/// which only come from a stated test.
/// </summary>
public enum Verdict
{
    SignificantlyHigher,
    SignificantlyLower,
    HigherNotSignificant,
    LowerNotSignificant,

    /// <summary>The rounded figures are equal, or the comparator lies inside the published confidence interval.</summary>
    Similar,

    /// <summary>Higher, but no test was possible (no respondents, no standard error); said so in the sentence.</summary>
    HigherUntested,

    /// <summary>Lower, but no test was possible; said so in the sentence.</summary>
    LowerUntested,

    /// <summary>Nothing is claimed: the result is suppressed, missing or on a different basis from its comparator.</summary>
    NotCompared,

    /// <summary>A count or statement of method rather than a comparison.</summary>
    Summary,
}

/// <summary>
/// What a sentence rests on: the figures compared, their respondents, the test used and its result, in words a reader
/// can check against the tables.
/// </summary>
public sealed record Evidence(string Subject, string Figures, string Respondents, string Test, string Result)
{
    /// <summary>The evidence as one paragraph, for footnotes and tooltips.</summary>
    public string Text => $"{Subject}: {Figures}. Respondents: {Respondents}. Test: {Test}. Result: {Result}.";
}

/// <summary>One plain-English finding with the evidence behind it; <paramref name="QuestionNumber"/> links it to a question.</summary>
public sealed record Finding(
    FindingKind Kind,
    Verdict Verdict,
    string Sentence,
    IReadOnlyList<Evidence> Evidence,
    int? QuestionNumber = null,
    int? TumourGroupId = null);

/// <summary>Everything the findings for one organisation and edition are written from; built by a query, no database here.</summary>
public sealed record FindingsInput(
    string OrganisationName,
    OrganisationLevel Level,
    int Year,
    string? AllianceName,
    int? PreviousYear,
    IReadOnlyList<QuestionFindingInput> Questions,
    IReadOnlyList<TumourFindingInput> TumourGroups)
{
    /// <summary>Whether the previous edition used another questionnaire, whose question numbers are not these.</summary>
    public bool PreviousOnOtherQuestionnaire { get; init; }

    /// <summary>
    /// The spread of answers to the overall rating, pooled over the published intervals of every organisation at this
    /// level, which lets a tumour group's rating (published without an interval) be tested on its respondents.
    /// </summary>
    public PooledSpread? OverallRatingSpread { get; init; }

    /// <summary>The edition's overall rating of care (its 0-10 question), where it has one.</summary>
    public int? OverallRatingNumber => OverallRating.NumberIn(Questions.Select(q => q.Question));
}

/// <summary>
/// One all-cancer question: the organisation's headline figure (adjusted where published, else unadjusted, else the
/// trend figure), England's figure to set beside it, the Alliance's, and the trend figures of this and the previous edition.
/// </summary>
public sealed record QuestionFindingInput(
    QuestionInfo Question,
    Figure? Organisation,
    Figure? England,
    Figure? Alliance,
    Figure? Trend,
    Figure? PreviousTrend);

/// <summary>One tumour group's overall rating (unadjusted) beside England's for the same tumour group.</summary>
public sealed record TumourFindingInput(int TumourGroupId, Figure? Organisation, Figure? England);
