using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Formatting;
using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Web.Presentation;

/// <summary>
/// A few plain sentences for a patient or a member of the public, above the statistical findings: how patients rated
/// their care, and how many questions came out better or worse than expected. Only results that may be shown count.
/// </summary>
public static class PatientSummary
{
    public static IReadOnlyList<string> For(string organisationName, int year, ResultBasis basis, IReadOnlyList<QuestionResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sentences = new List<string>();
        var shown = results.Where(r => r.Organisation is { IsSuppressed: false, Score: not null }).ToList();
        if (shown.Count == 0)
        {
            return sentences;
        }

        if (shown.FirstOrDefault(r => r.Question.Scoring == Scoring.MeanOutOfTen) is { } rating)
        {
            var england = rating.England is { IsSuppressed: false, Score: not null }
                ? $"; across England the average was {Display.Score(rating.England, Scoring.MeanOutOfTen)}"
                : string.Empty;
            sentences.Add($"In {year}, {organisationName}'s cancer patients rated their care {Display.Score(rating.Organisation, Scoring.MeanOutOfTen)} out of 10 on average{england}.");
        }

        if (basis == ResultBasis.Adjusted)
        {
            var banded = shown.Where(r => r.Organisation!.Band is not null).ToList();
            if (banded.Count > 0)
            {
                var better = banded.Count(r => r.Organisation!.Band == Band.Above);
                var worse = banded.Count(r => r.Organisation!.Band == Band.Below);
                sentences.Add($"Of {Format.Count(banded.Count, "question", "questions")} that can be compared fairly with the rest of England, "
                    + $"{Format.Count(better)} {(better == 1 ? "was" : "were")} better than expected, {Format.Count(worse)} worse than expected "
                    + $"and {Format.Count(banded.Count - better - worse)} about as expected.");
            }
        }

        return sentences;
    }
}
