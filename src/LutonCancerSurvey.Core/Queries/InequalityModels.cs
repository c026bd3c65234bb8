using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>One question's result for one breakdown (e.g. women), beside England's for the same breakdown.</summary>
public sealed record BreakdownResult(QuestionInfo Question, Figure? Organisation, bool? GroupDifferenceSignificant, Figure? England);
