using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Presentation;
using LutonCancerSurvey.Web.Routing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LutonCancerSurvey.Web.Pages.Compare;

/// <summary>
/// Up to five organisations, chosen by name or code, side by side with what they are part of in that edition (ICBs,
/// Cancer Alliances, regions) and England, for one tumour type in one edition.
/// </summary>
public class IndexModel(CompareQuery query, OrganisationFinderQuery finder, EditionsQuery editionsQuery, PageLinks links) : PageModel
{
    public const int MaxOrganisations = 5;

    /// <summary>How many organisations a name that fits several may suggest.</summary>
    public const int MaxSuggestions = 8;

    // Words nearly every name has: a search for "Luton NHS Trust" suggests what "Luton" finds, not every Trust.
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "nhs", "ccg", "icb", "trust", "foundation", "university", "hospital", "hospitals", "and", "the", "of", "for",
        "cancer", "alliance", "integrated", "care", "board", "clinical", "commissioning", "group", "sub", "location",
    };

    [FromQuery(Name = QueryNames.Codes)]
    public string? CodesText { get; set; }

    [FromQuery(Name = QueryNames.Year)]
    public string? YearText { get; set; }

    /// <summary>One more organisation, by name or code, from the field that suggests names as they are typed.</summary>
    [FromQuery(Name = QueryNames.Add)]
    public string? AddText { get; set; }

    [FromQuery(Name = QueryNames.Tumour)]
    public string? TumourText { get; set; }

    public FilterError? Problem { get; private set; }

    /// <summary>For each name that fits several organisations or none, the organisations it may mean.</summary>
    public IReadOnlyList<CompareSuggestion> Suggestions { get; private set; } = [];

    /// <summary>Every organisation of the edition, by name, for the browser to suggest as a name is typed.</summary>
    public IReadOnlyList<OrganisationSummary> Suggestable { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];
    public int? Year { get; private set; }
    public int TumourGroupId { get; private set; } = TumourGroups.AllCancersId;
    public Embargo? Embargo { get; private set; }

    /// <summary>The organisations chosen, by code, in the order given; what the form and its links carry.</summary>
    public IReadOnlyList<OrganisationSummary> Chosen { get; private set; } = [];

    /// <summary>The columns: the chosen organisations, then their ICBs, Alliances and regions, then England.</summary>
    public IReadOnlyList<OrganisationSummary> Columns { get; private set; } = [];

    public IReadOnlyList<QuestionInfo> Questions { get; private set; } = [];
    private Dictionary<(int OrganisationId, int Question), Figure> _figures = [];

    /// <summary>The entries of a list typed by hand: separated by commas (or, for codes alone, by spaces).</summary>
    public static IEnumerable<string> CodesIn(string? text) =>
        (text ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase);

    public Figure? FigureFor(OrganisationSummary column, int question)
    {
        ArgumentNullException.ThrowIfNull(column);
        return _figures.GetValueOrDefault((column.Id, question));
    }

    /// <summary>The same comparison with <paramref name="entry"/> replaced by <paramref name="code"/> (null to leave it out).</summary>
    public string LinkReplacing(string entry, string? code)
    {
        var codes = CodesIn(CodesText)
            .Select(e => string.Equals(e, entry, StringComparison.OrdinalIgnoreCase) ? code : e)
            .OfType<string>();
        return Link(codes);
    }

    /// <summary>This comparison's page with these entries, keeping the year and tumour type.</summary>
    public string Link(IEnumerable<string> codes, string? handler = null) => links.Compare(codes, Year, TumourGroupId, handler);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Problem is not null || Year is null || Columns.Count == 0)
        {
            return Page();
        }

        var rows = Columns.SelectMany(c => Questions
                .Select(q => (q, f: FigureFor(c, q.Number)))
                .Where(x => x.f is not null)
                .Select(x => ResultsExport.Row(c, Year.Value, TumourGroups.NameOf(TumourGroupId), x.q, x.f!)))
            .ToList();
        var tumour = TumourGroupId == TumourGroups.AllCancersId ? "" : "-" + ResultsFilter.TumourSlug(TumourGroupId);
        return await ResultsExport.CsvAsync(Response, $"cpes-compare-{Year}{tumour}.csv", rows, Embargo, cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var editions = await editionsQuery.VisibleEditionsAsync(cancellationToken);
        Years = editions.Select(e => e.Year).ToList();
        if (!string.IsNullOrWhiteSpace(TumourText))
        {
            if (ResultsFilter.TumourFromSlug(TumourText) is not { } tumour)
            {
                Fail(400, $"'{TumourText}' is not a tumour type: choose one from the list.", FilterField.TumourGroup);
                return;
            }

            TumourGroupId = tumour;
        }

        var entries = CodesIn(CodesText).ToList();
        if (!string.IsNullOrWhiteSpace(AddText))
        {
            // A name may itself hold a comma ("Bedfordshire, Luton and Milton Keynes"): the added one is one entry.
            entries.Add(AddText.Trim());
            CodesText = string.Join(", ", entries);
        }

        if (entries.Count == 0)
        {
            await LoadSuggestableAsync(Years.Count > 0 ? Years[0] : null, cancellationToken);
            return;
        }

        if (entries.Count > MaxOrganisations)
        {
            Fail(400, $"Compare at most {MaxOrganisations} organisations at a time: you chose {entries.Count}.");
            return;
        }

        (Year, var yearProblem) = ResultsFilter.ResolveYear(YearText, Years);
        if (yearProblem is not null)
        {
            Fail(yearProblem.StatusCode, yearProblem.Message, yearProblem.Field);
            return;
        }

        if (Year is null)
        {
            Fail(404, "No results are published yet.");
            return;
        }

        await LoadSuggestableAsync(Year, cancellationToken);
        var codes = await ResolveAsync(entries, Year.Value, cancellationToken);
        if (codes is null)
        {
            return;
        }

        CodesText = string.Join(", ", codes);

        if (codes.Count > MaxOrganisations)
        {
            Fail(400, $"Compare at most {MaxOrganisations} organisations at a time: you chose {codes.Count}.");
            return;
        }

        var known = await query.OrganisationsByCodeAsync(codes, Year.Value, cancellationToken);
        Embargo = editions.FirstOrDefault(e => e.Year == Year)?.Embargo;

        var chosen = codes.Select(c => known.First(k => string.Equals(k.Code, c, StringComparison.OrdinalIgnoreCase)))
            .Where(o => o.Level != OrganisationLevel.National)
            .ToList();
        Chosen = chosen;
        // What each is part of in this edition's own map: ICBs, then Alliances, then regions, each once.
        var icbs = chosen.Where(o => o.Icb is not null)
            .Select(o => new OrganisationSummary(o.Icb!.Id, o.Icb.Code, o.Icb.Name, OrganisationLevel.Icb, null, null, null));
        var alliances = chosen.Where(o => o.AllianceId is not null && o.AllianceName is not null)
            .Select(o => new OrganisationSummary(o.AllianceId!.Value, o.AllianceCode!, o.AllianceName!, OrganisationLevel.CancerAlliance, null, null, null));
        var regions = chosen.Where(o => o.Region is not null)
            .Select(o => new OrganisationSummary(o.Region!.Id, o.Region.Code, o.Region.Name, OrganisationLevel.Region, null, null, null));
        var parents = icbs.Concat(alliances).Concat(regions).Where(p => chosen.All(c => c.Id != p.Id)).DistinctBy(p => p.Id);
        var england = known.Where(k => k.Level == OrganisationLevel.National);
        Columns = chosen.Concat(parents).Concat(england).ToList();

        var rows = await query.ResultsForOrganisationsAsync(Columns.Select(c => c.Id).ToList(), Year.Value, TumourGroupId, cancellationToken);
        Questions = rows.Select(r => r.Question).DistinctBy(q => q.Number).OrderBy(q => q.Number).ToList();
        _figures = rows.GroupBy(r => (r.OrganisationId, r.Question.Number))
            .ToDictionary(g => g.Key, g => Comparator.Choose(g.Select(r => r.Figure), ResultBasis.Adjusted)!);
    }

    /// <summary>
    /// The code of each entry: a code the edition has, a run of such codes separated by spaces ("06P RC9"), or a
    /// name that fits one organisation of the edition. Null, with the problem and suggestions set, when any entry
    /// fits none or several.
    /// </summary>
    private async Task<List<string>?> ResolveAsync(IReadOnlyList<string> entries, int year, CancellationToken cancellationToken)
    {
        var words = entries.SelectMany(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.ToUpperInvariant()).Distinct().ToList();
        var byCode = (await query.OrganisationsByCodeAsync(words, year, cancellationToken))
            .Where(o => o.Level != OrganisationLevel.National)
            .ToDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase);
        var codes = new List<string>();
        var unresolved = new List<CompareSuggestion>();
        foreach (var entry in entries)
        {
            var parts = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.All(byCode.ContainsKey))
            {
                codes.AddRange(parts.Select(p => byCode[p].Code));
                continue;
            }

            var found = await InEditionAsync(await finder.FindOrganisationsAsync(entry, null, 50, cancellationToken), year, cancellationToken);
            var wanted = SearchText.Normalise(entry);
            var exact = found.Where(o => SearchText.Normalise(o.Name) == wanted).ToList();
            if (found.Count == 1 || exact.Count == 1)
            {
                codes.Add((exact.Count == 1 ? exact[0] : found[0]).Code);
                continue;
            }

            var several = found.Count > 1;
            if (found.Count == 0)
            {
                // Nothing has the whole name: offer what its telling words find ("Luton Bedfordshire" → each).
                var looser = new List<OrganisationSummary>();
                foreach (var word in wanted.Split(' ').Where(w => w.Length >= 3 && !CommonWords.Contains(w)).Take(4))
                {
                    looser.AddRange(await finder.FindOrganisationsAsync(word, null, MaxSuggestions, cancellationToken));
                }

                found = await InEditionAsync(looser.DistinctBy(o => o.Id).ToList(), year, cancellationToken);
            }

            unresolved.Add(new CompareSuggestion(entry, several, found.Take(MaxSuggestions).ToList()));
        }

        if (unresolved.Count == 0)
        {
            return codes.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        Suggestions = unresolved;
        var first = unresolved[0];
        Fail(404, first.Several
            ? $"More than one organisation is called “{first.Entry}”: choose one, or type more of its name."
            : $"No organisation is called “{first.Entry}” or has that code in {year}: choose one, or search for its name or code.");
        return null;
    }

    /// <summary>Those of <paramref name="found"/> that the edition of <paramref name="year"/> has, as it names them.</summary>
    private async Task<IReadOnlyList<OrganisationSummary>> InEditionAsync(
        IReadOnlyList<OrganisationSummary> found, int year, CancellationToken cancellationToken)
    {
        if (found.Count == 0)
        {
            return found;
        }

        var inYear = await query.OrganisationsByCodeAsync(found.Select(o => o.Code).ToList(), year, cancellationToken);
        return inYear.Where(o => o.Level != OrganisationLevel.National).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private async Task LoadSuggestableAsync(int? year, CancellationToken cancellationToken)
    {
        if (year is not null)
        {
            Suggestable = await query.OrganisationsInEditionAsync(year.Value, cancellationToken);
        }
    }

    private void Fail(int status, string message, FilterField? field = null)
    {
        Problem = new FilterError(status, message, field);
        Response.StatusCode = status;
    }
}

/// <summary>An entry of a comparison that fits several organisations (or none), and those it may mean.</summary>
public sealed record CompareSuggestion(string Entry, bool Several, IReadOnlyList<OrganisationSummary> Organisations);
