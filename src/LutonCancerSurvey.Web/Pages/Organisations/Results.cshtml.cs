using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Presentation;
using Microsoft.AspNetCore.Mvc;

namespace LutonCancerSurvey.Web.Pages.Organisations;

public class ResultsModel(
    OrganisationHeaderQuery headers, ResultsQuery query, KeyFindingsSource findings, AnswersQuery answers) : OrganisationPageModel(headers)
{
    /// <summary>How respondents answered each question, the organisation's and England's (response frequencies).</summary>
    public IReadOnlyList<AnswerSetView> Answers { get; private set; } = [];

    // Looked up once per question row, so read into a dictionary once.
    private Dictionary<(int OrganisationId, int Number), AnswerSetView> _answersByQuestion = [];

    /// <summary>The organisation's answers to a question beside England's, for its "see the answers" disclosure; null when it has none.</summary>
    public AnswersView? AnswersOf(QuestionInfo question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (!_answersByQuestion.TryGetValue((Header!.Organisation.Id, question.Number), out var own))
        {
            return null;
        }

        // England's own page has no second England column.
        var england = Header.EnglandId is { } englandId && englandId != Header.Organisation.Id
            ? _answersByQuestion.GetValueOrDefault((englandId, question.Number))
            : null;
        return new AnswersView(
            $"answers-q{question.Number}", question,
            [new AnswersColumn(Header!.Organisation.Name, false, own), .. england is null ? [] : new[] { new AnswersColumn("England", true, england) }],
            WithChart: false);
    }

    /// <summary>Questions the survey publishes only the answers to (routing and demographic questions), in order.</summary>
    public IReadOnlyList<QuestionInfo> Unscored { get; private set; } = [];

    public IReadOnlyList<QuestionResult> Results { get; private set; } = [];
    public KeyFindingsView? KeyFindings { get; private set; }

    public IEnumerable<IGrouping<string, QuestionResult>> Sections =>
        Results.GroupBy(r => r.Question.Section).OrderBy(g => g.Min(r => r.Question.Number)); // the questionnaire's own order

    /// <summary>Whether every result of this choice is withheld (too few respondents, or suppressed by the source).</summary>
    public bool NothingShown => Results.Count > 0 && Results.All(r => r.Organisation is null || r.Organisation.IsSuppressed);

    /// <summary>The questions worst first against England: what a commissioner looks for first.</summary>
    public IEnumerable<QuestionResult> RankedAgainstEngland =>
        Results.OrderBy(r => r.GapToEngland is null ? 1 : 0)
            .ThenBy(r => SortableGap(r))
            .ThenBy(r => r.Question.Number);

    /// <summary>A question's gap to England on one scale for sorting: the 0-10 rating at ten times, as the spine chart draws it.</summary>
    public static double? SortableGap(QuestionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.GapToEngland * (result.Question.Scoring == Scoring.MeanOutOfTen ? 10 : 1);
    }

    /// <summary>
    /// A number as the NHS.UK sortable table can order it: its collator ignores punctuation, so "-1" would sort as "1"
    /// and "8.5" as "85". Thousandths, shifted to be positive, as a whole number of fixed width.
    /// </summary>
    public static string SortKey(double? value) => value is { } v
        ? ((long)Math.Round(v * 1000, MidpointRounding.AwayFromZero) + 1_000_000_000L).ToString("D10", System.Globalization.CultureInfo.InvariantCulture)
        : string.Empty;

    public IEnumerable<SourceInfo> Sources =>
        Results.SelectMany(r => new[] { r.Organisation?.Source, r.England?.Source })
            .OfType<SourceInfo>()
            .DistinctBy(s => (s.FileName, s.ImportedAt, s.Note));

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var result = await LoadAsync(code, cancellationToken);
        if (result is null && Filter is not null)
        {
            KeyFindings = await findings.ForAsync(Header!, Filter.Year, cancellationToken);
        }

        return result ?? Page();
    }

    /// <summary>The CSV of exactly what the page shows, in the tidy layout the importer reads back.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string code, CancellationToken cancellationToken)
    {
        var result = await LoadAsync(code, cancellationToken);
        if (result is not null)
        {
            return result;
        }

        var rows = ResultsExport.Rows(Header!, Filter!, Results, Answers);
        var fileName = $"cpes-{Header!.Organisation.Code}-{Filter!.Year}-{ResultsFilter.TumourSlug(Filter.TumourGroupId)}-{ResultsFilter.BasisSlug(Filter.Basis)}.csv";
        return await ResultsExport.CsvAsync(Response, fileName, rows, Header.EmbargoOf(Filter.Year), cancellationToken);
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(code, cancellationToken) is { } stop)
        {
            return stop;
        }

        Results = await query.ResultsAsync(Header!, Filter!.EditionId, Filter.TumourGroupId, Filter.Basis, cancellationToken);
        int[] organisations = Header!.EnglandId is { } england ? [Header.Organisation.Id, england] : [Header.Organisation.Id];
        Answers = await answers.ForEditionAsync(Filter.EditionId, Filter.TumourGroupId, organisations, cancellationToken);
        _answersByQuestion = Answers.ToDictionary(a => (a.OrganisationId, a.Question.Number));
        Unscored = Answers.Where(a => a.OrganisationId == Header.Organisation.Id && a.Question.Scoring == Scoring.None).Select(a => a.Question).ToList();
        return null;
    }
}
