using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// The questionnaires the database knows, as an import needs them: which series a year uses (the edition's own, else
/// the series that is the default for the year) and each scored question's section and scoring in it. Read once, before
/// the rows, so that files without wording or sections (the combined layout) can be read for any edition an
/// administrator has given a questionnaire, with no release of the product.
/// </summary>
internal sealed class QuestionnaireCatalogue
{
    private readonly IReadOnlyDictionary<int, int> _editionSeries;
    private readonly IReadOnlyList<QuestionSeries> _series;
    private readonly IReadOnlyDictionary<(int SeriesId, int Number), QuestionnaireItem> _items;

    private QuestionnaireCatalogue(
        IReadOnlyDictionary<int, int> editionSeries, IReadOnlyList<QuestionSeries> series, IReadOnlyList<QuestionnaireItem> items)
    {
        _editionSeries = editionSeries;
        _series = series;
        _items = items.ToDictionary(i => (i.SeriesId, i.Number));
    }

    public static readonly QuestionnaireCatalogue Empty = new(new Dictionary<int, int>(), [], []);

    public static async Task<QuestionnaireCatalogue> LoadAsync(SurveyDbContext db, CancellationToken cancellationToken)
    {
        var editions = await db.Editions.IncludingDrafts().AsNoTracking().Where(e => e.SeriesId != null)
            .ToDictionaryAsync(e => e.Year, e => e.SeriesId!.Value, cancellationToken).ConfigureAwait(false);
        var series = await db.QuestionSeries.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = await db.QuestionnaireItems.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return new QuestionnaireCatalogue(editions, series, items);
    }

    /// <summary>
    /// The series a year's edition uses; for an edition not stored yet, the one the file names, else its year's default.
    /// </summary>
    public QuestionSeries? SeriesFor(int year, string? named = null) =>
        _editionSeries.TryGetValue(year, out var id)
            ? _series.FirstOrDefault(s => s.Id == id)
            : named is not null
                ? _series.FirstOrDefault(s => string.Equals(s.Code, named, StringComparison.OrdinalIgnoreCase))
                : _series.FirstOrDefault(s => s.IsDefaultFor(year));

    public QuestionnaireItem? Item(int seriesId, int number) => _items.GetValueOrDefault((seriesId, number));
}
