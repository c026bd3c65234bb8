using LutonCancerSurvey.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>
/// The questions comparable with one question of one edition: the same number in every edition of its questionnaire
/// series, and the questions a crosswalk matches with it in other series. With the series of each edition this viewer
/// may see, and the series' names.
/// </summary>
internal sealed record ComparableQuestions(
    IReadOnlyDictionary<int, int> SeriesOfYear, IReadOnlySet<(int SeriesId, int Number)> Questions, IReadOnlyDictionary<int, string> SeriesNames)
{
    /// <summary>The question numbers to read, in any series.</summary>
    public IReadOnlyList<int> Numbers => Questions.Select(q => q.Number).Distinct().ToList();

    /// <summary>Whether a row of <paramref name="year"/> about question <paramref name="number"/> is this question.</summary>
    public bool Includes(int year, int number) => SeriesOfYear.TryGetValue(year, out var s) && Questions.Contains((s, number));

    public static async Task<ComparableQuestions> ReadAsync(
        SurveyDbContext db, int year, int questionNumber, CancellationToken cancellationToken)
    {
        var editions = await db.Editions.AsNoTracking()
            .Select(e => new { e.Year, SeriesId = e.SeriesId ?? 0 })
            .ToDictionaryAsync(e => e.Year, e => e.SeriesId, cancellationToken).ConfigureAwait(false);
        var seriesId = editions[year];
        var links = await db.QuestionLinks.AsNoTracking()
            .Where(l => (l.FromSeriesId == seriesId && l.FromNumber == questionNumber) || (l.ToSeriesId == seriesId && l.ToNumber == questionNumber))
            .Select(l => new { l.FromSeriesId, l.FromNumber, l.ToSeriesId, l.ToNumber })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var questions = new HashSet<(int SeriesId, int Number)> { (seriesId, questionNumber) };
        foreach (var link in links)
        {
            questions.Add((link.FromSeriesId, link.FromNumber));
            questions.Add((link.ToSeriesId, link.ToNumber));
        }

        // Names label the years a crosswalk brings in, so they are read only when one does.
        var names = links.Count == 0
            ? new Dictionary<int, string>()
            : await db.QuestionSeries.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken).ConfigureAwait(false);
        names.TryAdd(0, "earlier questionnaire");
        return new ComparableQuestions(editions, questions, names);
    }

    /// <summary>Why the years <paramref name="leftOut"/> are missing from a trend on the questionnaire <paramref name="ownSeries"/>.</summary>
    public string TrendBreakText(IReadOnlyList<int> leftOut, int ownSeries)
    {
        var firstOwn = SeriesOfYear.Where(e => e.Value == ownSeries).Min(e => e.Key);
        var years = leftOut.Count == 1
            ? $"{leftOut[0]} is"
            : $"{string.Join(", ", leftOut.Take(leftOut.Count - 1))} and {leftOut[^1]} are";
        return leftOut.Max() < firstOwn
            ? $"The questionnaire changed in {firstOwn}; earlier years are not comparable, so {years} not shown."
            : $"{years} from another questionnaire, which no crosswalk matches with this question, so not shown.";
    }
}
